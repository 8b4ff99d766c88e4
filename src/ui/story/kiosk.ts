/**
 * The unattended loop (kiosk, attract mode) as a small state machine on an injected clock: each step stays for
 * its time and then the story goes on; any input pauses the loop, and a minute without input resumes it. Pure, so
 * the timing is tested without waiting; useKioskLoop.ts runs it on one timer.
 */

/** Without input for this long, a paused loop resumes, ms. */
export const KIOSK_IDLE_MS = 60_000
/** How long a step without its own `seconds` stays in the loop, s. */
export const DEFAULT_STEP_SECONDS = 12

export interface KioskState {
  /** Running: the step on screen goes on when its time is up. Paused: someone is using the demo. */
  mode: 'running' | 'paused'
  /** When the step on screen started (running) or the last input came (paused), ms on the injected clock. */
  since: number
}

export function startKiosk(now: number): KioskState {
  return { mode: 'running', since: now }
}

/** Someone pressed, clicked, tapped or scrolled: the loop waits for a minute of quiet. */
export function kioskInput(_state: KioskState, now: number): KioskState {
  return { mode: 'paused', since: now }
}

/** A step came on screen (by the loop or from elsewhere): it gets its full time. */
export function kioskStepShown(state: KioskState, now: number): KioskState {
  return state.mode === 'running' ? { mode: 'running', since: now } : state
}

/** When the machine next has something to do, on the same clock. */
export function kioskWakeAt(state: KioskState, stepMs: number): number {
  return state.since + (state.mode === 'running' ? stepMs : KIOSK_IDLE_MS)
}

/**
 * The machine at `now`: whether to go on to the next step, and the state after. A step whose time is up goes on;
 * a pause that has lasted a minute resumes by going on at once (the quiet minute counts as the step's time).
 */
export function kioskTick(state: KioskState, now: number, stepMs: number): { state: KioskState; advance: boolean } {
  if (now < kioskWakeAt(state, stepMs)) return { state, advance: false }
  return { state: { mode: 'running', since: now }, advance: true }
}

/** How long a step stays in the loop, ms. */
export function stepDurationMs(step: { seconds?: number } | undefined): number {
  return (step?.seconds ?? DEFAULT_STEP_SECONDS) * 1000
}
