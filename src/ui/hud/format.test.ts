import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MINUS,
  capitalize,
  formatAxisMinutes,
  formatClock,
  formatCount,
  formatDuration,
  formatMs,
  formatPercent,
  formatPersonHours,
  formatPoints,
  formatSmallShare,
  plural,
  pointsBetween,
  scaleNumber,
  shownPercent,
} from './format'

describe('formatPercent', () => {
  it('writes whole percents in general', () => {
    expect(formatPercent(1)).toBe('100%')
    expect(formatPercent(0)).toBe('0%')
    expect(formatPercent(0.7)).toBe('70%')
    // Float noise from sums over millions of people does not show.
    expect(formatPercent(0.700000000000001)).toBe('70%')
    expect(formatPercent(1 - 0.700000000000001)).toBe('30%')
    expect(formatPercent(0.926)).toBe('93%')
  })

  it('never rounds a loss away, nor a remainder to nothing, with one decimal at most', () => {
    // Near 100%: floored to a tenth, so a loss still shows.
    expect(formatPercent(0.9994)).toBe('99.9%')
    expect(formatPercent(0.99991)).toBe('99.9%')
    expect(formatPercent(0.997)).toBe('99.7%')
    expect(formatPercent(0.995)).toBe('99.5%')
    expect(formatPercent(0.999)).toBe('99.9%')
    expect(formatPercent(0.9949)).toBe('99%')
    // Near 0%: ceiled to a tenth, so what is left still shows.
    expect(formatPercent(0.0002)).toBe('0.1%')
    expect(formatPercent(0.000004)).toBe('0.1%')
    expect(formatPercent(0.003)).toBe('0.3%')
    expect(formatPercent(0.0041)).toBe('0.5%')
    expect(formatPercent(0.005)).toBe('1%')
    for (const x of [0.995, 0.9995, 0.99995, 1 - 1e-9]) expect(formatPercent(x)).not.toBe('100%')
    for (const x of [0.004, 0.0004, 1e-9]) expect(formatPercent(x)).not.toBe('0%')
  })

  it('writes no share with more than one decimal, and no end value for a share short of it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (share) => {
        const s = formatPercent(share)
        expect(s).toMatch(/^\d{1,3}(\.\d)?%$/)
        if (share > 1e-9 && share < 1 - 1e-9) {
          expect(s).not.toBe('100%')
          expect(s).not.toBe('0%')
        }
        // The figure is within a percent of the share, on the side that does not hide a loss near the ends.
        const shown = shownPercent(share)!
        expect(Math.abs(shown - share * 100)).toBeLessThanOrEqual(0.5 + 1e-9)
        if (share * 100 >= 99.5) expect(shown).toBeLessThanOrEqual(share * 100 + 1e-9)
        if (share * 100 < 0.5) expect(shown).toBeGreaterThanOrEqual(share * 100 - 1e-9)
      }),
    )
  })

  it('takes float noise from sums over millions of people for the exact end', () => {
    expect(formatPercent(1 - 1e-15)).toBe('100%')
    expect(formatPercent(1e-15)).toBe('0%')
    // Out of range is clamped.
    expect(formatPercent(1.2)).toBe('100%')
    expect(formatPercent(-0.1)).toBe('0%')
  })

  it('says nothing for a missing value', () => {
    expect(formatPercent(null)).toBe('—')
    expect(formatPercent(Number.NaN)).toBe('—')
    expect(shownPercent(null)).toBeNull()
  })
})

describe('formatPoints', () => {
  it('signs a change in percentage points with a real minus, one decimal at most', () => {
    expect(formatPoints(-30)).toBe(`${MINUS}30 points`)
    expect(formatPoints(12)).toBe('+12 points')
    expect(formatPoints(-7.3)).toBe(`${MINUS}7.3 points`)
    expect(formatPoints(1)).toBe('+1 point')
    expect(formatPoints(0.4000000000000057)).toBe('+0.4 points')
    expect(formatPoints(-30, false)).toBe('30 points')
  })

  it('counts the points between two shares as the figures on screen differ', () => {
    // 98% and 68% on screen: 30 points, though the shares are 0.294 apart.
    expect(pointsBetween(0.976, 0.682)).toBe(-30)
    expect(formatPoints(pointsBetween(0.976, 0.682))).toBe(`${MINUS}30 points`)
    expect(pointsBetween(0.995, 0.9994)).toBe(0.4)
    expect(pointsBetween(1, 0.9994)).toBe(-0.1)
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const pts = pointsBetween(a, b)
        const diff = Number(formatPercent(b).slice(0, -1)) - Number(formatPercent(a).slice(0, -1))
        expect(pts).toBeCloseTo(diff, 9)
      }),
    )
  })
})

describe('formatSmallShare', () => {
  it('keeps one significant digit of a small probability, for the methodology', () => {
    expect(formatSmallShare(0.000684)).toBe('0.07%')
    expect(formatSmallShare(9e-8)).toBe('0.000009%')
    expect(formatSmallShare(0.9997)).toBe('99.97%')
    expect(formatSmallShare(0.0044)).toBe('0.4%')
    expect(formatSmallShare(1)).toBe('100%')
  })
})

describe('numbers and units', () => {
  it('scales large numbers to thousand, million, billion', () => {
    expect(scaleNumber(999)).toEqual({ value: '999', scale: '' })
    expect(scaleNumber(1500)).toEqual({ value: '1.5', scale: 'thousand' })
    expect(scaleNumber(123_456)).toEqual({ value: '123', scale: 'thousand' })
    expect(scaleNumber(15_187_986.9)).toEqual({ value: '15.2', scale: 'million' })
    expect(scaleNumber(999_960)).toEqual({ value: '1', scale: 'million' })
    expect(scaleNumber(2.5e9)).toEqual({ value: '2.5', scale: 'billion' })
    expect(scaleNumber(0)).toEqual({ value: '0', scale: '' })
    expect(formatPersonHours(45_563_960.7)).toBe('45.6 million person-hours')
    expect(formatPersonHours(850)).toBe('850 person-hours')
    expect(formatPersonHours(null)).toBe('—')
  })

  it('counts with separators and plurals', () => {
    expect(formatCount(3000)).toBe('3,000')
    expect(plural(1, 'node')).toBe('1 node')
    expect(plural(1857, 'link')).toBe('1,857 links')
    expect(formatMs(155.85)).toBe('156 ms')
    expect(formatMs(null)).toBe('—')
    expect(capitalize('a small node')).toBe('A small node')
  })

  it('writes simulated time as a duration and a clock', () => {
    expect(formatDuration(12)).toBe('12 min')
    expect(formatDuration(65)).toBe('1 h 05 min')
    expect(formatDuration(3000)).toBe('2 d 2 h')
    expect(formatClock(0)).toBe('T+0')
    expect(formatClock(12)).toBe('T+12 min')
    expect(formatAxisMinutes(0)).toBe('0')
    expect(formatAxisMinutes(45)).toBe('45 min')
    expect(formatAxisMinutes(120)).toBe('2 h')
    expect(formatAxisMinutes(90)).toBe('1 h 30')
    expect(formatAxisMinutes(4320)).toBe('3 d')
  })
})
