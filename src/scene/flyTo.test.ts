import fc from 'fast-check'
import { Group, PerspectiveCamera, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { latLonToUnit } from '../sim/geo'
import { CAMERA_FOV, GLOBE_RADIUS } from './constants'
import {
  FLIGHT_SECONDS,
  easeInOutCubic,
  elevationFacing,
  flightPose,
  planFlight,
  shouldFly,
  spinFacing,
  wrapAngle,
  type Flight,
  type Pose,
} from './flyTo'
import { MAX_ELEVATION_DEG } from './view'

const camera = new PerspectiveCamera(CAMERA_FOV, 16 / 9, 0.1, 50)
const earth = new Group()
const p = new Vector3()

/** Where the place lands on screen (normalised device coordinates) with the globe and camera in this pose. */
function project(lat: number, lon: number, pose: Pose, azimuth: number, distance = 3.6) {
  earth.rotation.set(0, pose.spin, 0)
  earth.updateMatrixWorld(true)
  camera.position.setFromSphericalCoords(distance, Math.PI / 2 - pose.elevation, azimuth)
  camera.lookAt(0, 0, 0)
  camera.updateMatrixWorld(true)
  const u = latLonToUnit(lat, lon)
  p.set(u[0], u[1], u[2]).multiplyScalar(GLOBE_RADIUS).applyMatrix4(earth.matrixWorld)
  // Facing: the surface normal there (the place's direction from the centre) against the direction to the camera.
  const facing = p.clone().normalize().dot(camera.position.clone().sub(p).normalize())
  p.project(camera)
  return { x: p.x, y: p.y, facing }
}

const lat = fc.double({ min: -90, max: 90, noNaN: true })
const lon = fc.double({ min: -180, max: 180, noNaN: true })
const angle = fc.double({ min: -20, max: 20, noNaN: true })
const elevation = fc.double({ min: -1.3, max: 1.3, noNaN: true })

describe('turning a place towards the viewer', () => {
  it('puts longitude 0 on the equator in front of a camera on +z, as the start view expects', () => {
    const r = project(0, 0, { spin: spinFacing(0), elevation: 0 }, 0)
    expect(r.x).toBeCloseTo(0, 12)
    expect(r.y).toBeCloseTo(0, 12)
    expect(r.facing).toBeCloseTo(1, 12)
  })

  it('ends any flight with the place in the middle of the screen, facing the camera', () => {
    fc.assert(
      fc.property(lat, lon, angle, elevation, angle, (la, lo, spin, el, azimuth) => {
        fc.pre(Math.abs(la) <= MAX_ELEVATION_DEG)
        const f = planFlight({ lat: la, lon: lo }, { spin, elevation: el, azimuth }, 0, FLIGHT_SECONDS)
        const r = project(la, lo, f.to, azimuth)
        expect(Math.abs(r.x)).toBeLessThan(1e-9)
        expect(Math.abs(r.y)).toBeLessThan(1e-9)
        expect(r.facing).toBeCloseTo(1, 9)
      }),
      { numRuns: 500 },
    )
  })

  it('brings places near a pole as close as the orbit allows: centred left to right, just above the middle', () => {
    for (const la of [80, 89.9, -80, -89.9]) {
      const f = planFlight({ lat: la, lon: 40 }, { spin: 1, elevation: 0.2, azimuth: 0.5 }, 0, FLIGHT_SECONDS)
      expect(f.to.elevation).toBeCloseTo(Math.sign(la) * MAX_ELEVATION_DEG * (Math.PI / 180), 12)
      const r = project(la, 40, f.to, 0.5)
      expect(Math.abs(r.x)).toBeLessThan(1e-9)
      // Beyond the orbit's limit the place sits off centre towards its pole, but well on screen and in view.
      expect(Math.sign(r.y)).toBe(Math.sign(la))
      expect(Math.abs(r.y)).toBeLessThan(0.6)
      expect(r.facing).toBeGreaterThan(0.9)
    }
  })

  it('keeps the camera azimuth and turns the globe the shorter way round', () => {
    fc.assert(
      fc.property(lat, lon, angle, elevation, angle, (la, lo, spin, el, azimuth) => {
        const f = planFlight({ lat: la, lon: lo }, { spin, elevation: el, azimuth }, 0, FLIGHT_SECONDS)
        expect(Math.abs(f.to.spin - f.from.spin)).toBeLessThanOrEqual(Math.PI + 1e-9)
        expect(f.from).toEqual({ spin, elevation: el })
      }),
    )
  })

  it('limits the elevation to the orbit', () => {
    expect(elevationFacing(90)).toBeCloseTo((MAX_ELEVATION_DEG * Math.PI) / 180, 12)
    expect(elevationFacing(-90)).toBeCloseTo((-MAX_ELEVATION_DEG * Math.PI) / 180, 12)
    expect(elevationFacing(30)).toBeCloseTo(Math.PI / 6, 12)
  })
})

describe('a flight over time', () => {
  const pose: Pose = { spin: 0, elevation: 0 }

  it('starts where the globe was, eases out of it and into the end, and arrives after its duration', () => {
    const f: Flight = planFlight({ lat: 40, lon: -74 }, { spin: 0.3, elevation: 0.1, azimuth: 0 }, 10, 1.5)
    expect(flightPose(f, 10, pose)).toBe(false)
    expect(pose).toEqual(f.from)
    // Slow at first: after a tenth of the time, much less than a tenth of the way.
    flightPose(f, 10.15, pose)
    expect(Math.abs(pose.spin - f.from.spin)).toBeLessThan(0.02 * Math.abs(f.to.spin - f.from.spin))
    expect(flightPose(f, 10.75, pose)).toBe(false)
    expect(pose.spin).toBeCloseTo((f.from.spin + f.to.spin) / 2, 12)
    expect(flightPose(f, 11.5, pose)).toBe(true)
    expect(pose.spin).toBeCloseTo(f.to.spin, 12)
    expect(pose.elevation).toBeCloseTo(f.to.elevation, 12)
    // A frame that comes late lands exactly at the end, never beyond it.
    expect(flightPose(f, 60, pose)).toBe(true)
    expect(pose.spin).toBe(f.to.spin)
  })

  it('jumps straight to the end when it has no duration (reduced motion)', () => {
    const f = planFlight({ lat: -33.9, lon: 151.2 }, { spin: 2, elevation: 0.3, azimuth: 1 }, 5, 0)
    expect(flightPose(f, 5, pose)).toBe(true)
    expect(pose).toEqual(f.to)
  })

  it('eases monotonically from 0 to 1', () => {
    expect(easeInOutCubic(0)).toBe(0)
    expect(easeInOutCubic(1)).toBe(1)
    expect(easeInOutCubic(0.5)).toBeCloseTo(0.5, 12)
    let last = -1
    for (let t = -0.1; t <= 1.1; t += 0.01) {
      const k = easeInOutCubic(t)
      expect(k).toBeGreaterThanOrEqual(last)
      last = k
    }
  })

  it('wraps angles into (−π, π]', () => {
    expect(wrapAngle(0)).toBe(0)
    expect(wrapAngle(Math.PI)).toBeCloseTo(Math.PI, 12)
    expect(wrapAngle(-Math.PI)).toBeCloseTo(Math.PI, 12)
    expect(wrapAngle(3 * Math.PI + 0.5)).toBeCloseTo(-Math.PI + 0.5, 12)
    expect(wrapAngle(-7)).toBeCloseTo(-7 + 2 * Math.PI, 12)
  })
})

describe('when to fly', () => {
  const paris = { lat: 48.9, lon: 2.4 }
  const none = { focus: null, scenarioStartedAt: null }

  it('flies when a scenario starts at a place, and again when it is started again', () => {
    expect(shouldFly({ focus: paris, scenarioStartedAt: 100 }, none)).toBe(true)
    expect(shouldFly({ focus: paris, scenarioStartedAt: 200 }, { focus: paris, scenarioStartedAt: 100 })).toBe(true)
  })

  it('flies when the place appears a step after the start (a cascade) or moves (another network)', () => {
    expect(shouldFly({ focus: paris, scenarioStartedAt: 100 }, { focus: null, scenarioStartedAt: 100 })).toBe(true)
    const nearby = { lat: 48.8, lon: 2.4 }
    expect(shouldFly({ focus: nearby, scenarioStartedAt: 100 }, { focus: paris, scenarioStartedAt: 100 })).toBe(true)
  })

  it('stays put for every other change: same place, no place, no scenario under way', () => {
    const running = { focus: paris, scenarioStartedAt: 100 }
    expect(shouldFly({ focus: { ...paris }, scenarioStartedAt: 100 }, running)).toBe(false)
    expect(shouldFly({ focus: null, scenarioStartedAt: 100 }, running)).toBe(false)
    // After a reset the scenario (and its place) stay, but nothing runs.
    expect(shouldFly({ focus: paris, scenarioStartedAt: null }, running)).toBe(false)
    expect(shouldFly({ focus: paris, scenarioStartedAt: null }, none)).toBe(false)
  })
})
