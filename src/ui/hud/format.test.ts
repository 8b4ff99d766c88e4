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
  plural,
  scaleNumber,
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

  it('never rounds a loss away, nor a remainder to nothing', () => {
    expect(formatPercent(0.997)).toBe('99.7%')
    expect(formatPercent(0.9997)).toBe('99.97%')
    expect(formatPercent(0.99999)).toBe('99.999%')
    expect(formatPercent(0.9999999)).toBe('99.99999%')
    expect(formatPercent(0.0008)).toBe('0.08%')
    expect(formatPercent(0.000684)).toBe('0.07%')
    expect(formatPercent(0.9992)).toBe('99.92%')
    expect(formatPercent(0.995)).toBe('99.5%')
    expect(formatPercent(0.00004)).toBe('0.004%')
    for (const x of [0.99, 0.995, 0.9995, 0.99995, 1 - 1e-12]) expect(formatPercent(x)).not.toBe('100%')
    for (const x of [0.004, 0.0004, 1e-12]) expect(formatPercent(x)).not.toBe('0%')
  })

  it('says nothing for a missing value', () => {
    expect(formatPercent(null)).toBe('—')
    expect(formatPercent(Number.NaN)).toBe('—')
  })
})

describe('formatPoints', () => {
  it('signs a change in percentage points with a real minus', () => {
    expect(formatPoints(-0.3)).toBe(`${MINUS}30 points`)
    expect(formatPoints(0.12)).toBe('+12 points')
    expect(formatPoints(-0.073)).toBe(`${MINUS}7.3 points`)
    expect(formatPoints(0.01)).toBe('+1 point')
    expect(formatPoints(-0.0008)).toBe(`${MINUS}0.08 points`)
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
