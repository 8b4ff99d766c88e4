/**
 * How bad each number is, for the HUD's colours, icons and words. Colour is never alone: every level has an
 * icon and a word too (for colour-blind viewers, a washed-out projector and screen readers).
 *
 * The thresholds, chosen for a reader at the back of a hall rather than for an SLA:
 * - users online and services available: normal from 99% ("two nines": below it an outage is felt by many),
 *   degraded from 90%, severe below 90%;
 * - latency: compared with the same network at the start of the run (a cloud and a grid differ at rest):
 *   normal up to 20% slower, slower up to 50%, much slower beyond (or no answer at all);
 * - failed nodes: none; some while under 5% of the nodes; many from 5%;
 * - person-hours lost: none; some under a million; heavy from a million (with the model's three billion people,
 *   two minutes without 1% of the services, or one minute of Northern Virginia down on the centralized cloud
 *   costs fifteen times that).
 */

export type Severity = 'ok' | 'warn' | 'bad' | 'none'

export interface Level {
  severity: Severity
  /** One or two words that say the level without colour. */
  word: string
}

/** Icons by level: a tick, a warning triangle, a cross; a dash where there is nothing to judge. */
export const SEVERITY_ICON: Record<Severity, string> = { ok: '✓', warn: '▲', bad: '✕', none: '–' }

export const SHARE_OK = 0.99
export const SHARE_WARN = 0.9
export const LATENCY_OK_RATIO = 1.2
export const LATENCY_WARN_RATIO = 1.5
export const FAILED_WARN_SHARE = 0.05
export const HOURS_BAD = 1e6

const NONE: Level = { severity: 'none', word: 'n/a' }

/** Users online or services available (a share, 0..1). */
export function shareLevel(share: number | null): Level {
  if (share === null) return NONE
  if (share >= SHARE_OK) return { severity: 'ok', word: 'normal' }
  if (share >= SHARE_WARN) return { severity: 'warn', word: 'degraded' }
  return { severity: 'bad', word: 'severe' }
}

/** Median latency now against the same network's at the start of the run. */
export function latencyLevel(now: number | null, start: number | null, usersOnline: number | null): Level {
  if (now === null) return usersOnline === null || start === null ? NONE : { severity: 'bad', word: 'no answer' }
  if (start === null || !(start > 0)) return { severity: 'none', word: 'measured' }
  const ratio = now / start
  if (ratio <= LATENCY_OK_RATIO) return { severity: 'ok', word: 'normal' }
  if (ratio <= LATENCY_WARN_RATIO) return { severity: 'warn', word: 'slower' }
  return { severity: 'bad', word: 'much slower' }
}

/** Failed nodes out of all the network's nodes. */
export function failedLevel(failed: number, total: number): Level {
  if (failed <= 0) return { severity: 'ok', word: 'none' }
  if (total > 0 && failed / total < FAILED_WARN_SHARE) return { severity: 'warn', word: 'some' }
  return { severity: 'bad', word: 'many' }
}

/** Person-hours lost so far. */
export function hoursLevel(hours: number | null): Level {
  if (hours === null) return NONE
  if (hours <= 0) return { severity: 'ok', word: 'none' }
  if (hours < HOURS_BAD) return { severity: 'warn', word: 'some' }
  return { severity: 'bad', word: 'heavy' }
}
