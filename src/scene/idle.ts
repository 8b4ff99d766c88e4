/**
 * When the globe may turn by itself. It stops the moment the visitor touches it (drag, wheel, pinch), while
 * the pointer rests on a node whose details show, and while it flies to a scenario's place, and starts again, gently, once nobody has touched it for a while or the place
 * has been on show for a while. CameraRig reports input and flights, Picking hovering; Spin asks how fast to turn. Times are scene
 * seconds (sceneNow()). Plain state and functions, unit-tested.
 */

/** Seconds without input before the globe turns by itself again. */
export const IDLE_SECONDS = 8
/** After a flight, the place stays in front of the viewer this long, so the failure can be watched. */
export const HOLD_AFTER_FLIGHT_SECONDS = 20
/** After the pointer leaves a node whose details it showed, the globe waits this long before turning again. */
export const HOVER_RESUME_SECONDS = 2
/** Turning eases back in over this long instead of starting at full speed. */
export const SPIN_RAMP_SECONDS = 2

export interface IdleState {
  /** A pointer is down on the globe (or a pinch is under way). */
  interacting: boolean
  /** A flight is under way. */
  flying: boolean
  /** The pointer rests on a node and its details show: the node must not slide away from under it. */
  hovering: boolean
  /** Scene time from which the globe may turn again. */
  resumeAt: number
}

export function createIdleState(): IdleState {
  return { interacting: false, flying: false, hovering: false, resumeAt: -Infinity }
}

/** The one the scene shares: a page has one globe. */
export const idle = createIdleState()

export function inputStarted(s: IdleState): void {
  s.interacting = true
  // The visitor takes over from any flight.
  s.flying = false
}

export function inputEnded(s: IdleState, now: number): void {
  s.interacting = false
  s.resumeAt = Math.max(s.resumeAt, now + IDLE_SECONDS)
}

export function hoverStarted(s: IdleState): void {
  s.hovering = true
}

export function hoverEnded(s: IdleState, now: number): void {
  if (!s.hovering) return
  s.hovering = false
  s.resumeAt = Math.max(s.resumeAt, now + HOVER_RESUME_SECONDS)
}

export function flightStarted(s: IdleState): void {
  s.flying = true
}

/** A flight stopped short (the scene went away): no hold after it. */
export function flightCancelled(s: IdleState): void {
  s.flying = false
}

export function flightEnded(s: IdleState, now: number): void {
  s.flying = false
  s.resumeAt = Math.max(s.resumeAt, now + HOLD_AFTER_FLIGHT_SECONDS)
}

function smoothstep(x: number): number {
  const t = Math.min(1, Math.max(0, x))
  return t * t * (3 - 2 * t)
}

/** Share of the full auto-rotation speed at time now: 0 while held, easing up to 1 once the hold is over. */
export function spinFactor(s: IdleState, now: number): number {
  if (s.interacting || s.flying || s.hovering) return 0
  return smoothstep((now - s.resumeAt) / SPIN_RAMP_SECONDS)
}

/**
 * Seconds until the globe may turn again, for a timer that wakes the on-demand frame loop then; null when no
 * timer is needed (it turns already, or input or a flight holds it and will report its own end).
 */
export function secondsUntilSpin(s: IdleState, now: number): number | null {
  // Strictly after resumeAt spinFactor is above 0; at it exactly, a timer of 0 s still wakes the loop.
  if (s.interacting || s.flying || s.hovering || now > s.resumeAt) return null
  return s.resumeAt - now
}
