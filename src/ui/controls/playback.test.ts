import { describe, expect, it } from 'vitest'
import {
  SEED_MAX,
  SPEED_MAX,
  SPEED_MIN,
  SPEED_STEPS,
  formatClock,
  formatSpeed,
  parseSeed,
  randomSeed,
  sliderFromSpeed,
  speakSpeed,
  speedFromSlider,
} from './playback'

describe('speed slider', () => {
  it('spans 0.5 to 120 simulated minutes per second', () => {
    expect(speedFromSlider(0)).toBe(SPEED_MIN)
    expect(speedFromSlider(SPEED_STEPS)).toBe(SPEED_MAX)
    expect(speedFromSlider(-5)).toBe(SPEED_MIN)
    expect(speedFromSlider(SPEED_STEPS + 5)).toBe(SPEED_MAX)
  })

  it('is logarithmic: the middle is the geometric mean, and every step is the same factor', () => {
    expect(speedFromSlider(SPEED_STEPS / 2)).toBeCloseTo(Math.sqrt(SPEED_MIN * SPEED_MAX), 0)
    for (let p = 1; p <= SPEED_STEPS; p++) {
      const ratio = speedFromSlider(p) / speedFromSlider(p - 1)
      expect(ratio).toBeGreaterThan(1.05)
      expect(ratio).toBeLessThan(1.2)
    }
  })

  it('round-trips every position, and puts any speed at its nearest position', () => {
    for (let p = 0; p <= SPEED_STEPS; p++) expect(sliderFromSpeed(speedFromSlider(p))).toBe(p)
    expect(sliderFromSpeed(2)).toBe(sliderFromSpeed(speedFromSlider(sliderFromSpeed(2))))
    expect(sliderFromSpeed(1000)).toBe(SPEED_STEPS)
    expect(sliderFromSpeed(0.01)).toBe(0)
    expect(sliderFromSpeed(Number.NaN)).toBe(0)
  })

  it('shows speeds with two significant digits at most, never floating-point dust', () => {
    for (let p = 0; p <= SPEED_STEPS; p++)
      expect(formatSpeed(speedFromSlider(p))).toMatch(/^\d+(\.\d{1,2})? (min|h)\/s$/)
  })

  it('reads in minutes, and in hours from one an hour per second', () => {
    expect(formatSpeed(0.5)).toBe('0.5 min/s')
    expect(formatSpeed(2)).toBe('2 min/s')
    expect(formatSpeed(45)).toBe('45 min/s')
    expect(formatSpeed(60)).toBe('1 h/s')
    expect(formatSpeed(120)).toBe('2 h/s')
    expect(formatSpeed(90)).toBe('1.5 h/s')
    expect(speakSpeed(2)).toBe('2 simulated minutes per second')
    expect(speakSpeed(120)).toBe('2 simulated hours per second')
  })
})

describe('clock', () => {
  it('shows minutes, hours and days since the start', () => {
    expect(formatClock(0)).toBe('T+ 0 min')
    expect(formatClock(7)).toBe('T+ 7 min')
    expect(formatClock(60)).toBe('T+ 1 h 0 min')
    expect(formatClock(83)).toBe('T+ 1 h 23 min')
    expect(formatClock(1440)).toBe('T+ 1 d 0 h 0 min')
    expect(formatClock(1440 * 2 + 3 * 60 + 5)).toBe('T+ 2 d 3 h 5 min')
  })

  it('counts whole minutes and never goes below zero', () => {
    expect(formatClock(83.9)).toBe('T+ 1 h 23 min')
    expect(formatClock(-3)).toBe('T+ 0 min')
    expect(formatClock(Number.NaN)).toBe('T+ 0 min')
  })
})

describe('seed', () => {
  it('takes whole numbers from 0 to the largest 32-bit one', () => {
    expect(parseSeed('7')).toEqual({ ok: true, seed: 7 })
    expect(parseSeed(' 0 ')).toEqual({ ok: true, seed: 0 })
    expect(parseSeed(String(SEED_MAX))).toEqual({ ok: true, seed: SEED_MAX })
  })

  it('refuses anything else with a message naming the field and what it expects', () => {
    for (const bad of ['', 'abc', '-1', '1.5', '1e3', String(SEED_MAX + 1), '99999999999999999999']) {
      const r = parseSeed(bad)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error).toBe(`Seed: expected a whole number from 0 to ${SEED_MAX}`)
    }
  })

  it('draws new seeds from 1 to 999,999', () => {
    expect(randomSeed(() => 0)).toBe(1)
    expect(randomSeed(() => 0.999999999)).toBe(999_999)
    for (let i = 0; i < 100; i++) expect(parseSeed(String(randomSeed())).ok).toBe(true)
  })
})
