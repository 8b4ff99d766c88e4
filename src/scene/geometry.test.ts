import { describe, expect, it } from 'vitest'
import { latLonToUnit, unitToLatLon, type Vec3 } from '../sim/geo'
import { GLOBE_RADIUS } from './constants'
import {
  ARC_MAX_LIFT,
  ARC_MAX_SEGMENTS,
  LINK_ALTITUDE,
  angleBetween,
  arcLift,
  arcPoint,
  arcSegmentCount,
  linkSegments,
  surfacePoint,
  unitVectors,
} from './geometry'

const out: Vec3 = [0, 0, 0]

describe('positions on the sphere', () => {
  it('puts a place at the globe radius plus its altitude, in the direction of its latitude and longitude', () => {
    surfacePoint(48.85, 2.35, 0.01, out)
    expect(Math.hypot(...out)).toBeCloseTo(GLOBE_RADIUS + 0.01, 12)
    const back = unitToLatLon(...out)
    expect(back.lat).toBeCloseTo(48.85, 9)
    expect(back.lon).toBeCloseTo(2.35, 9)
  })

  it('packs many places as unit vectors', () => {
    const u = unitVectors([0, 90, -45], [0, 0, 120])
    expect(u[0]).toBeCloseTo(1, 6)
    expect(Math.abs(u[2]!)).toBeLessThan(1e-6)
    expect(u[4]).toBeCloseTo(1, 6)
    for (let i = 0; i < 3; i++) expect(Math.hypot(u[i * 3]!, u[i * 3 + 1]!, u[i * 3 + 2]!)).toBeCloseTo(1, 6)
  })
})

describe('arcs', () => {
  const paris = latLonToUnit(48.85, 2.35)
  const tokyo = latLonToUnit(35.68, 139.69)
  const angle = angleBetween(paris, tokyo)

  it('start and end just above the two places', () => {
    arcPoint(paris, tokyo, angle, 0, out)
    expect(angleBetween([out[0], out[1], out[2]], paris)).toBeLessThan(1e-9)
    expect(Math.hypot(...out)).toBeCloseTo(GLOBE_RADIUS + LINK_ALTITUDE, 9)
    arcPoint(paris, tokyo, angle, 1, out)
    expect(angleBetween([out[0], out[1], out[2]], tokyo)).toBeLessThan(1e-6)
  })

  it('follow the great circle and rise most in the middle, more for longer links, within a cap', () => {
    arcPoint(paris, tokyo, angle, 0.5, out)
    const mid = unitToLatLon(...out)
    // The midpoint of the Paris–Tokyo great circle lies far north, over Siberia.
    expect(mid.lat).toBeGreaterThan(60)
    expect(Math.hypot(...out)).toBeCloseTo(GLOBE_RADIUS + LINK_ALTITUDE + arcLift(angle), 9)
    expect(arcLift(0.01)).toBeLessThan(arcLift(0.5))
    expect(arcLift(3)).toBe(ARC_MAX_LIFT)
    let prev = 0
    for (let t = 0; t <= 0.5; t += 0.05) {
      arcPoint(paris, tokyo, angle, t, out)
      const r = Math.hypot(...out)
      expect(r).toBeGreaterThanOrEqual(prev)
      prev = r
    }
  })

  it('are cut into more segments the longer they are, one for a short hop', () => {
    expect(arcSegmentCount(0.001)).toBe(1)
    expect(arcSegmentCount(angle)).toBeGreaterThan(10)
    expect(arcSegmentCount(Math.PI)).toBe(ARC_MAX_SEGMENTS)
  })
})

describe('link segments', () => {
  it('chain each link’s segments end to end, labelled with the link and its weight', () => {
    const units = unitVectors([48.85, 35.68, 48.9], [2.35, 139.69, 2.4])
    const segs = linkSegments([0, 0], [1, 2], 2, units, (e) => (e === 0 ? 0.5 : 1))
    const first = arcSegmentCount(angleBetween(latLonToUnit(48.85, 2.35), latLonToUnit(35.68, 139.69)))
    expect(segs.count).toBe(first + 1)
    for (let s = 0; s < first; s++) {
      expect(segs.info[s * 4]).toBe(0)
      expect(segs.info[s * 4 + 3]).toBe(0.5)
      if (s > 0)
        for (let k = 0; k < 3; k++) expect(segs.ends[s * 6 + k]).toBeCloseTo(segs.ends[(s - 1) * 6 + 3 + k]!, 6)
    }
    expect(segs.info[first * 4]).toBe(1)
    expect(segs.info[first * 4 + 1]).toBe(0)
    expect(segs.info[first * 4 + 2]).toBe(1)
  })

  it('draws an even sample of the links when there are more segments than the budget', () => {
    const n = 400
    const lat = Array.from({ length: n }, (_, i) => -60 + (120 * i) / n)
    const lon = Array.from({ length: n }, (_, i) => ((i * 37) % 360) - 180)
    const units = unitVectors(lat, lon)
    const a = Array.from({ length: n - 1 }, (_, i) => i)
    const b = Array.from({ length: n - 1 }, (_, i) => i + 1)
    const all = linkSegments(a, b, n - 1, units)
    const capped = linkSegments(a, b, n - 1, units, undefined, all.count / 2)
    expect(capped.count).toBeLessThan(all.count * 0.65)
    expect(capped.count).toBeGreaterThan(all.count * 0.35)
    // Every drawn link keeps all its segments.
    const links = new Set(Array.from({ length: capped.count }, (_, s) => capped.info[s * 4]!))
    let expected = 0
    for (const e of links)
      expected += arcSegmentCount(angleBetween(latLonToUnit(lat[e]!, lon[e]!), latLonToUnit(lat[e + 1]!, lon[e + 1]!)))
    expect(capped.count).toBe(expected)
  })
})
