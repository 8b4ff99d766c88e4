import { describe, expect, it } from 'vitest'
import { ATMOSPHERE_RADIUS, CAMERA_FOV, GLOBE_RADIUS } from './constants'
import { dampingFor, discRadiusPx, fitDistance, rotateSpeedAt, zoomRange } from './view'

const DEG = Math.PI / 180

/** The share of the narrower field of view a sphere of this radius takes from this distance. */
function share(radius: number, distance: number, aspect: number): number {
  const halfV = (CAMERA_FOV * DEG) / 2
  const half = Math.min(halfV, Math.atan(Math.tan(halfV) * aspect))
  return Math.asin(radius / distance) / half
}

describe('framing the globe', () => {
  it('fits the halo in the narrower direction of any viewport', () => {
    for (const aspect of [320 / 240, 16 / 9, 3840 / 2160, 9 / 19.5, 1]) {
      const d = fitDistance(ATMOSPHERE_RADIUS, CAMERA_FOV, aspect)
      expect(share(ATMOSPHERE_RADIUS, d, aspect)).toBeCloseTo(0.94, 9)
    }
  })

  it('never lets the camera into the atmosphere, nor so far that the globe gets small', () => {
    for (const aspect of [320 / 240, 16 / 9, 9 / 19.5, 4]) {
      const fit = fitDistance(ATMOSPHERE_RADIUS, CAMERA_FOV, aspect)
      const { min, max } = zoomRange(fit)
      expect(min).toBeGreaterThan(ATMOSPHERE_RADIUS + 0.3)
      expect(min).toBeLessThan(fit)
      // Closest: the globe overflows the view (zoomed in on a region).
      expect(share(GLOBE_RADIUS, min, aspect)).toBeGreaterThan(1)
      // Farthest: the globe still fills well over half of the narrower direction.
      expect(share(GLOBE_RADIUS, max, aspect)).toBeGreaterThan(0.5)
    }
  })

  it('slows dragging down as the camera comes closer, within bounds', () => {
    const fit = 3.6
    expect(rotateSpeedAt(fit, fit, 0.45)).toBeCloseTo(0.45, 12)
    expect(rotateSpeedAt(1.6, fit, 0.45)).toBeLessThan(0.45 / 3)
    expect(rotateSpeedAt(1.0, fit, 0.45)).toBeCloseTo(0.45 * 0.2, 12)
    expect(rotateSpeedAt(100, fit, 0.45)).toBeCloseTo(0.45 * 1.5, 12)
  })
})

describe('inertia', () => {
  /** Seconds until a flick's remaining turn falls under a thousandth of it, at a frame rate. */
  function coastSeconds(fps: number): number {
    const f = dampingFor(0.08, 1 / fps)
    let left = 1
    let frames = 0
    while (left > 1e-3) {
      left *= 1 - f
      frames++
    }
    return frames / fps
  }

  it('coasts for the same time at any frame rate', () => {
    expect(dampingFor(0.08, 1 / 60)).toBeCloseTo(0.08, 12)
    const at60 = coastSeconds(60)
    expect(at60).toBeGreaterThan(1)
    expect(at60).toBeLessThan(2)
    for (const fps of [6, 10, 30, 120, 144]) expect(Math.abs(coastSeconds(fps) - at60)).toBeLessThan(1 / fps + 0.02)
  })

  it('stays a share between 0 and 1 whatever the delta; a long stall counts as a quarter of a second', () => {
    expect(dampingFor(0.08, 0)).toBe(0)
    expect(dampingFor(0.08, -1)).toBe(0)
    expect(dampingFor(0.08, 100)).toBe(dampingFor(0.08, 0.25))
    expect(dampingFor(0.08, 100)).toBeLessThan(1)
  })
})

describe('discRadiusPx', () => {
  it("the globe's outline: its angular radius at the camera's focal length, and infinite from inside", () => {
    // A 90° field of view on a canvas 2 px tall: a focal length of 1 px.
    expect(discRadiusPx(4, 90, 1, 2)).toBeCloseTo(Math.tan(Math.asin(1 / 4)), 12)
    expect(discRadiusPx(4, 90, 2, 2)).toBeCloseTo(2 * Math.tan(Math.asin(1 / 4)), 12)
    expect(discRadiusPx(1, 40, 1, 720)).toBe(Infinity)
  })
})
