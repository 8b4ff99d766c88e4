import { describe, expect, it } from 'vitest'
import {
  capAreaFraction,
  destination,
  greatCircleKm,
  greatCirclePoint,
  inCap,
  latLonToUnit,
  linkRttMs,
  unitToLatLon,
  wrapLon,
} from './geo.ts'

describe('geo', () => {
  it('turns latitude and longitude into a unit vector and back', () => {
    for (const [lat, lon] of [
      [0, 0],
      [51.5, -0.12],
      [-33.87, 151.21],
      [89.9, 179.9],
      [-45, -179.5],
    ] as const) {
      const v = latLonToUnit(lat, lon)
      expect(Math.hypot(...v)).toBeCloseTo(1, 12)
      const back = unitToLatLon(...v)
      expect(back.lat).toBeCloseTo(lat, 9)
      expect(back.lon).toBeCloseTo(lon, 9)
    }
  })

  it('puts the north pole on +y and (0°, 0°) on +x, as three.js expects', () => {
    const pole = latLonToUnit(90, 0)
    expect(pole[1]).toBeCloseTo(1, 12)
    const origin = latLonToUnit(0, 0)
    expect(origin[0]).toBeCloseTo(1, 12)
  })

  it('measures great-circle distances between real cities', () => {
    // London–New York is about 5,570 km; Sydney–Singapore about 6,300 km.
    expect(greatCircleKm(51.5074, -0.1278, 40.7128, -74.006)).toBeGreaterThan(5550)
    expect(greatCircleKm(51.5074, -0.1278, 40.7128, -74.006)).toBeLessThan(5590)
    expect(greatCircleKm(-33.87, 151.21, 1.29, 103.85)).toBeGreaterThan(6250)
    expect(greatCircleKm(-33.87, 151.21, 1.29, 103.85)).toBeLessThan(6350)
    expect(greatCircleKm(10, 20, 10, 20)).toBe(0)
    // Across the antimeridian the short way round.
    expect(greatCircleKm(0, 179.5, 0, -179.5)).toBeLessThan(112)
  })

  it('tells what lies inside a spherical cap', () => {
    const cap = { lat: 39.04, lon: -77.49, radiusKm: 550 }
    expect(inCap(cap, 40.06, -83.18)).toBe(true) // Ohio, about 500 km
    expect(inCap(cap, 41.26, -95.86)).toBe(false) // Iowa
    expect(capAreaFraction(0)).toBe(0)
    expect(capAreaFraction(Math.PI * 6371.0088)).toBeCloseTo(1, 9)
  })

  it('prices latency as fiber distance with route stretch plus a hop', () => {
    // 1,000 km: 2 × 1,000 × 1.5 / 200 = 15 ms round trip, plus 1 ms for the hop.
    expect(linkRttMs(1000)).toBeCloseTo(16, 9)
    expect(linkRttMs(0, { stretch: 1.5, hopMs: 5 })).toBe(5)
  })

  it('walks a distance along a bearing', () => {
    const p = destination(0, 0, 90, 1000)
    expect(p.lat).toBeCloseTo(0, 6)
    expect(greatCircleKm(0, 0, p.lat, p.lon)).toBeCloseTo(1000, 6)
    expect(wrapLon(190)).toBe(-170)
    expect(wrapLon(-180)).toBe(-180)
  })

  it('interpolates along the great circle', () => {
    const a = latLonToUnit(0, 0)
    const b = latLonToUnit(0, 90)
    const mid = greatCirclePoint(a, b, 0.5)
    const ll = unitToLatLon(...mid)
    expect(ll.lat).toBeCloseTo(0, 9)
    expect(ll.lon).toBeCloseTo(45, 9)
    expect(Math.hypot(...mid)).toBeCloseTo(1, 12)
  })
})
