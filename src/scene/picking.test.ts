import { Matrix4, PerspectiveCamera, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { EARTH_RADIUS_KM, latLonToUnit, type Vec3 } from '../sim/geo'
import { fibonacciPoint } from '../sim/world'
import {
  createHit,
  createSpherePoint,
  dragRadiusKm,
  hiddenBySphere,
  nearestPoint,
  nearestSegment,
  projectPoint,
  rayToLatLon,
  raySphere,
  segmentDistance2,
  type Projection,
  type ScreenPoint,
} from './picking'

const W = 800
const H = 600

/** A camera 3 globe radii out along `dir`, looking at the centre, and the projection a pick uses. */
function view(dir: Vec3 = [0, 0, 1], distance = 3): { projection: Projection; camera: PerspectiveCamera } {
  const camera = new PerspectiveCamera(40, W / H, 0.1, 50)
  camera.position.set(dir[0] * distance, dir[1] * distance, dir[2] * distance)
  camera.lookAt(0, 0, 0)
  camera.updateMatrixWorld()
  const m = new Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse)
  return {
    camera,
    projection: {
      m: m.elements,
      camX: camera.position.x,
      camY: camera.position.y,
      camZ: camera.position.z,
      width: W,
      height: H,
      radius: 1,
    },
  }
}

function screenOf(p: Projection, v: Vec3): ScreenPoint {
  const out = { x: NaN, y: NaN }
  expect(projectPoint(p, v[0], v[1], v[2], out)).toBe(true)
  return out
}

describe('projecting to the screen', () => {
  it('puts the point facing the camera in the middle, and north up', () => {
    const { projection } = view()
    const centre = screenOf(projection, [0, 0, 1])
    expect(centre.x).toBeCloseTo(W / 2, 6)
    expect(centre.y).toBeCloseTo(H / 2, 6)
    const north = screenOf(projection, [0, 0.3, 0.95])
    expect(north.y).toBeLessThan(H / 2)
    const east = screenOf(projection, [0.3, 0, 0.95])
    expect(east.x).toBeGreaterThan(W / 2)
  })

  it('agrees with three.js', () => {
    const { projection, camera } = view([0.3, 0.5, 0.8])
    const v = new Vector3(0.2, 0.7, 0.6).project(camera)
    const s = screenOf(projection, [0.2, 0.7, 0.6])
    expect(s.x).toBeCloseTo(((v.x + 1) / 2) * W, 6)
    expect(s.y).toBeCloseTo(((1 - v.y) / 2) * H, 6)
  })

  it('refuses a point behind the camera', () => {
    const { projection } = view()
    expect(projectPoint(projection, 0, 0, 5, { x: 0, y: 0 })).toBe(false)
  })
})

describe('what the globe hides', () => {
  it('hides the far side and shows the near side', () => {
    expect(hiddenBySphere(0, 0, -1, 0, 0, 3, 1)).toBe(true)
    expect(hiddenBySphere(0, 0, 1, 0, 0, 3, 1)).toBe(false)
    // On the sphere at 80° from the camera's direction: still in sight from 3 radii (the horizon is at 70.5°).
    const a = (80 * Math.PI) / 180
    expect(hiddenBySphere(Math.sin(a), 0, Math.cos(a), 0, 0, 3, 0.999)).toBe(true)
    const b = (65 * Math.PI) / 180
    expect(hiddenBySphere(Math.sin(b), 0, Math.cos(b), 0, 0, 3, 0.999)).toBe(false)
  })

  it('shows a point lifted above the horizon', () => {
    const a = (80 * Math.PI) / 180
    expect(hiddenBySphere(Math.sin(a) * 1.3, 0, Math.cos(a) * 1.3, 0, 0, 3, 0.999)).toBe(false)
  })
})

describe('the nearest point on screen', () => {
  const points = new Float32Array([
    // 0: the far side, straight behind the middle of the screen
    0, 0, -1,
    // 1: facing the camera, a little right of the middle
    0.02, 0, 0.9998,
    // 2: further right
    0.2, 0, 0.98,
  ])

  it('finds the nearest point in front, never one behind the globe', () => {
    const { projection } = view()
    const hit = nearestPoint(projection, points, 3, W / 2, H / 2, 10, createHit())
    expect(hit.index).toBe(1)
    expect(hit.distance).toBeGreaterThan(0)
    expect(hit.distance).toBeLessThan(10)
  })

  it('finds nothing beyond the pick radius', () => {
    const { projection } = view()
    const far = screenOf(projection, [0.2, 0, 0.98])
    expect(nearestPoint(projection, points, 3, far.x, far.y + 30, 10, createHit()).index).toBe(-1)
    expect(nearestPoint(projection, points, 3, far.x, far.y + 5, 10, createHit()).index).toBe(2)
  })

  it('picks among 100,000 points quickly', () => {
    const n = 100_000
    const many = new Float32Array(n * 3)
    const v: Vec3 = [0, 0, 0]
    for (let i = 0; i < n; i++) {
      const f = fibonacciPoint(i, n)
      latLonToUnit(f.lat, f.lon, v)
      many.set(v, i * 3)
    }
    const { projection } = view()
    const hit = createHit()
    nearestPoint(projection, many, n, W / 2, H / 2, 10, hit) // warm up
    const t0 = performance.now()
    for (let k = 0; k < 10; k++) nearestPoint(projection, many, n, W / 2 + k, H / 2, 10, hit)
    const perPick = (performance.now() - t0) / 10
    expect(hit.index).toBeGreaterThanOrEqual(0)
    // A few milliseconds on a modest machine; generous here for a loaded CI runner.
    expect(perPick).toBeLessThan(25)
  })
})

describe('the nearest segment on screen', () => {
  it('measures to the segment, not to its ends', () => {
    expect(segmentDistance2(5, 3, 0, 0, 10, 0)).toBeCloseTo(9, 9)
    expect(segmentDistance2(-4, 3, 0, 0, 10, 0)).toBeCloseTo(25, 9)
    expect(segmentDistance2(1, 1, 2, 2, 2, 2)).toBeCloseTo(2, 9)
  })

  it('finds the segment passing nearest the pointer, and skips one behind the globe', () => {
    const { projection } = view()
    const ends = new Float32Array([
      // 0: behind the globe, crossing the middle of the screen
      -0.3, 0, -1.05, 0.3, 0, -1.05,
      // 1: in front, a horizontal segment a little above the middle
      -0.3, 0.03, 1.02, 0.3, 0.03, 1.02,
      // 2: in front, far below
      -0.3, -0.5, 0.9, 0.3, -0.5, 0.9,
    ])
    const hit = nearestSegment(projection, ends, 3, W / 2, H / 2, 20, createHit())
    expect(hit.index).toBe(1)
    const above = screenOf(projection, [0, 0.03, 1.02])
    expect(hit.distance).toBeCloseTo(H / 2 - above.y, 3)
    expect(nearestSegment(projection, ends, 3, W / 2, H / 2, 2, createHit()).index).toBe(-1)
    // A thick segment (a column) reaches further.
    expect(nearestSegment(projection, ends, 3, W / 2, H / 2, 2, createHit(), hit.distance).index).toBe(1)
  })

  it('finds the same segment of a chain of arcs with the shortcuts as without', () => {
    // Arcs of ten pieces each, every piece starting where the one before ended, as linkSegments makes them.
    const arcs = 400
    const pieces = 10
    const ends = new Float32Array(arcs * pieces * 6)
    const a: Vec3 = [0, 0, 0]
    const b: Vec3 = [0, 0, 0]
    for (let k = 0; k < arcs; k++) {
      const lat = ((k * 37) % 140) - 70
      const lon = ((k * 91) % 360) - 180
      for (let j = 0; j < pieces; j++) {
        latLonToUnit(lat + j * 0.4, lon + j * 0.3, a)
        latLonToUnit(lat + (j + 1) * 0.4, lon + (j + 1) * 0.3, b)
        ends.set([a[0] * 1.01, a[1] * 1.01, a[2] * 1.01, b[0] * 1.01, b[1] * 1.01, b[2] * 1.01], (k * pieces + j) * 6)
      }
    }
    const { projection } = view(latLonToUnit(20, 30))
    // No piece is longer than half a degree of arc: under 4 pixels here.
    let found = 0
    for (let y = 50; y < H; y += 37) {
      for (let x = 50; x < W; x += 41) {
        const plain = nearestSegment(projection, ends, arcs * pieces, x, y, 8, createHit())
        const quick = nearestSegment(projection, ends, arcs * pieces, x, y, 8, createHit(), 0, 8)
        expect(quick.index).toBe(plain.index)
        if (plain.index >= 0) found++
      }
    }
    expect(found).toBeGreaterThan(10)
  })
})

describe('the place under the pointer', () => {
  it('meets the sphere where the ray enters it', () => {
    expect(raySphere(0, 0, 3, 0, 0, -1, 1)).toBeCloseTo(2, 9)
    expect(raySphere(0, 0, 3, 0, 0, 1, 1)).toBe(-1)
    expect(raySphere(0, 2, 3, 0, 0, -1, 1)).toBe(-1)
  })

  it('reads latitude and longitude where the camera looks', () => {
    const dir = latLonToUnit(48.85, 2.35)
    const o = dir.map((c) => c * 3) as Vec3
    const out = rayToLatLon(o[0], o[1], o[2], -dir[0], -dir[1], -dir[2], 1, createSpherePoint())
    expect(out.hit).toBe(true)
    expect(out.lat).toBeCloseTo(48.85, 6)
    expect(out.lon).toBeCloseTo(2.35, 6)
  })

  it('gives the rim nearest a ray that misses the globe', () => {
    // From 3 radii out on the equator at 0°, a ray passing above the north pole.
    const out = rayToLatLon(3, 0, 0, -1, 0.5, 0, 1, createSpherePoint())
    expect(out.hit).toBe(false)
    expect(out.lat).toBeGreaterThan(45)
    expect(out.lon).toBeCloseTo(0, 6)
  })

  it('measures a drag along the great circle', () => {
    expect(dragRadiusKm(0, 0, 0, 1)).toBeCloseTo((Math.PI / 180) * EARTH_RADIUS_KM, 6)
    expect(dragRadiusKm(50, 8, 50, 8)).toBe(0)
    expect(dragRadiusKm(0, 179.5, 0, -179.5)).toBeCloseTo((Math.PI / 180) * EARTH_RADIUS_KM, 6)
  })
})
