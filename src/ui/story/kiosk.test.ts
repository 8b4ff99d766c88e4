import { describe, expect, it } from 'vitest'
import {
  DEFAULT_STEP_SECONDS,
  KIOSK_IDLE_MS,
  kioskInput,
  kioskStepShown,
  kioskTick,
  kioskWakeAt,
  startKiosk,
  stepDurationMs,
  type KioskState,
} from './kiosk'

/** Runs the machine as its timer would: wakes at each wake time until `until`, and says when it went on. */
function run(state: KioskState, until: number, stepMs: number): { state: KioskState; advancedAt: number[] } {
  const advancedAt: number[] = []
  for (let now = kioskWakeAt(state, stepMs); now <= until; now = kioskWakeAt(state, stepMs)) {
    const r = kioskTick(state, now, stepMs)
    state = r.state
    if (r.advance) advancedAt.push(now)
  }
  return { state, advancedAt }
}

describe('the unattended loop', () => {
  it('goes on when each step has had its time, and not before', () => {
    const s = startKiosk(1000)
    expect(kioskTick(s, 1000 + 4999, 5000)).toEqual({ state: s, advance: false })
    const r = kioskTick(s, 6000, 5000)
    expect(r.advance).toBe(true)
    expect(r.state).toEqual({ mode: 'running', since: 6000 })
    expect(run(startKiosk(0), 20_000, 5000).advancedAt).toEqual([5000, 10_000, 15_000, 20_000])
  })

  it('pauses on input and resumes by going on after a minute without any', () => {
    let s = startKiosk(0)
    s = kioskInput(s, 3000)
    expect(s.mode).toBe('paused')
    // A step's time passing while paused does nothing.
    expect(kioskTick(s, 10_000, 5000).advance).toBe(false)
    expect(kioskTick(s, 3000 + KIOSK_IDLE_MS - 1, 5000).advance).toBe(false)
    // More input pushes the minute back.
    s = kioskInput(s, 40_000)
    expect(kioskWakeAt(s, 5000)).toBe(40_000 + KIOSK_IDLE_MS)
    const r = kioskTick(s, 40_000 + KIOSK_IDLE_MS, 5000)
    expect(r).toEqual({ state: { mode: 'running', since: 40_000 + KIOSK_IDLE_MS }, advance: true })
  })

  it('gives a step shown from elsewhere its full time, but does not resume a pause', () => {
    const running = kioskStepShown(startKiosk(0), 4000)
    expect(kioskWakeAt(running, 5000)).toBe(9000)
    const paused = kioskInput(startKiosk(0), 1000)
    expect(kioskStepShown(paused, 4000)).toBe(paused)
  })

  it('keeps one small state however long it runs', () => {
    const day = 24 * 3600 * 1000
    const { state, advancedAt } = run(startKiosk(0), day, 2000)
    expect(advancedAt).toHaveLength(day / 2000)
    expect(Object.keys(state)).toEqual(['mode', 'since'])
  })

  it('takes each step’s own time, or the default', () => {
    expect(stepDurationMs({ seconds: 3 })).toBe(3000)
    expect(stepDurationMs({})).toBe(DEFAULT_STEP_SECONDS * 1000)
    expect(stepDurationMs(undefined)).toBe(DEFAULT_STEP_SECONDS * 1000)
  })
})
