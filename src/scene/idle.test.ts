import { describe, expect, it } from 'vitest'
import {
  HOLD_AFTER_FLIGHT_SECONDS,
  IDLE_SECONDS,
  SPIN_RAMP_SECONDS,
  createIdleState,
  flightCancelled,
  flightEnded,
  flightStarted,
  HOVER_RESUME_SECONDS,
  hoverEnded,
  hoverStarted,
  inputEnded,
  inputStarted,
  secondsUntilSpin,
  spinFactor,
} from './idle'

describe('when the globe turns by itself', () => {
  it('turns at full speed from the start', () => {
    const s = createIdleState()
    expect(spinFactor(s, 0)).toBe(1)
    expect(secondsUntilSpin(s, 0)).toBeNull()
  })

  it('stops while the visitor holds it, and starts again gently after some seconds without input', () => {
    const s = createIdleState()
    inputStarted(s)
    expect(spinFactor(s, 100)).toBe(0)
    expect(secondsUntilSpin(s, 100)).toBeNull() // the end of the drag will say when
    inputEnded(s, 105)
    expect(spinFactor(s, 105)).toBe(0)
    expect(spinFactor(s, 105 + IDLE_SECONDS - 0.01)).toBe(0)
    expect(secondsUntilSpin(s, 106)).toBeCloseTo(IDLE_SECONDS - 1, 12)
    const half = spinFactor(s, 105 + IDLE_SECONDS + SPIN_RAMP_SECONDS / 2)
    expect(half).toBeGreaterThan(0.2)
    expect(half).toBeLessThan(0.8)
    expect(spinFactor(s, 105 + IDLE_SECONDS + SPIN_RAMP_SECONDS)).toBe(1)
    // Never a moment where it neither turns nor waits for a timer.
    expect(secondsUntilSpin(s, 105 + IDLE_SECONDS)).toBe(0)
    expect(spinFactor(s, 105 + IDLE_SECONDS + 1e-9)).toBeGreaterThan(0)
    expect(secondsUntilSpin(s, 105 + IDLE_SECONDS + 1e-9)).toBeNull()
  })

  it('counts the idle time from the last input: a wheel turn restarts it', () => {
    const s = createIdleState()
    inputStarted(s)
    inputEnded(s, 10)
    inputStarted(s)
    inputEnded(s, 15)
    expect(spinFactor(s, 10 + IDLE_SECONDS + 1)).toBe(0)
    expect(secondsUntilSpin(s, 20)).toBeCloseTo(IDLE_SECONDS - 5, 12)
  })

  it('holds still through a flight and for a while after it', () => {
    const s = createIdleState()
    flightStarted(s)
    expect(spinFactor(s, 50)).toBe(0)
    expect(secondsUntilSpin(s, 50)).toBeNull()
    flightEnded(s, 51.5)
    expect(spinFactor(s, 51.5 + HOLD_AFTER_FLIGHT_SECONDS - 0.1)).toBe(0)
    expect(spinFactor(s, 51.5 + HOLD_AFTER_FLIGHT_SECONDS + SPIN_RAMP_SECONDS)).toBe(1)
  })

  it('does not hold after a flight that was cut short', () => {
    const s = createIdleState()
    flightStarted(s)
    flightCancelled(s)
    expect(spinFactor(s, 10)).toBe(1)
  })

  it('lets the visitor take over from a flight; a later input never shortens the hold', () => {
    const s = createIdleState()
    flightStarted(s)
    inputStarted(s)
    expect(s.flying).toBe(false)
    inputEnded(s, 3)
    expect(secondsUntilSpin(s, 3)).toBeCloseTo(IDLE_SECONDS, 12)
    flightStarted(s)
    flightEnded(s, 4)
    inputStarted(s)
    inputEnded(s, 5)
    expect(secondsUntilSpin(s, 5)).toBeCloseTo(4 + HOLD_AFTER_FLIGHT_SECONDS - 5, 12)
  })

  it('holds while the pointer rests on a node, and turns again soon after it leaves', () => {
    const s = createIdleState()
    hoverStarted(s)
    expect(spinFactor(s, 10)).toBe(0)
    expect(secondsUntilSpin(s, 10)).toBeNull() // leaving the node will say when
    hoverEnded(s, 12)
    expect(spinFactor(s, 12 + HOVER_RESUME_SECONDS - 0.01)).toBe(0)
    expect(secondsUntilSpin(s, 12)).toBeCloseTo(HOVER_RESUME_SECONDS, 9)
    expect(spinFactor(s, 12 + HOVER_RESUME_SECONDS + SPIN_RAMP_SECONDS)).toBe(1)
    // Leaving twice changes nothing.
    hoverEnded(s, 30)
    expect(spinFactor(s, 30)).toBe(1)
  })
})
