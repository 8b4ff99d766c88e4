/**
 * How numbers are written on screen: percentages by one rule that never rounds a loss away, milliseconds, counts with
 * separators, person-hours in words people say (thousand, million, billion) and simulated time as "T+12 min".
 * Pure, so the HUD, the sentence, the event log and the chart all say the same thing the same way.
 */

/** The minus sign (U+2212), not a hyphen: it lines up with the plus and reads as a sign. */
export const MINUS = '\u2212'

/**
 * Shares this close to 0 or 1 are exactly that: float noise from sums over millions of people. No real loss is
 * that small (the smallest, one cluster of 1,000 people losing one service of 100 out of 3 billion people, is
 * 3e-9).
 */
const SNAP = 1e-12
/** Float noise in a percentage times ten (0.9991 gives 999.0999999999999), absorbed before taking whole tenths. */
const TENTH_NOISE = 1e-9

/**
 * THE rounding rule for a share on screen: the HUD tiles, the sentence, the event log, the compare sentence and
 * the chart summaries all write a share through this, so it reads the same everywhere at one moment. The
 * percentage as a number (68, 99.9, 0.1), null for a missing value.
 *
 * Whole percents, except where rounding would say "100%" of something not all there or "0%" of something not all
 * gone: there one decimal, floored below 100 and ceiled above 0, so a loss is never rounded away (99.94% → 99.9,
 * 99.5% → 99.5, 0.02% → 0.1). One decimal at most: read from across a room, 99.991% is noise.
 */
export function shownPercent(share: number | null): number | null {
  if (share === null || !Number.isFinite(share)) return null
  const pct = share >= 1 - SNAP ? 100 : share <= SNAP ? 0 : share * 100
  if (pct === 100 || pct === 0) return pct
  const whole = Math.round(pct)
  if (whole > 0 && whole < 100) return whole
  if (whole >= 100) return Math.min(99.9, Math.floor(pct * 10 + TENTH_NOISE) / 10)
  return Math.max(0.1, Math.ceil(pct * 10 - TENTH_NOISE) / 10)
}

/** A share (0..1) as the percentage shown for it (see shownPercent): "68%", "99.9%", "0.1%", "—" when missing. */
export function formatPercent(share: number | null): string {
  const pct = shownPercent(share)
  return pct === null ? '—' : `${pct}%`
}

/**
 * The change from one share to another in percentage points, as the two figures on screen differ: 98% and 68%
 * are 30 points apart whatever their unrounded values (0.294 would otherwise read "29 points" under "98% … 68%").
 * At most one decimal, as the figures have.
 */
export function pointsBetween(from: number, to: number): number {
  const a = shownPercent(from)
  const b = shownPercent(to)
  if (a === null || b === null) return Number.NaN
  return Math.round((b - a) * 10) / 10
}

/** Percentage points with a sign: "−30 points", "+0.4 points", "+1 point"; `signed: false` drops the sign. */
export function formatPoints(points: number, signed = true): string {
  if (!Number.isFinite(points)) return '—'
  const abs = Math.round(Math.abs(points) * 10) / 10
  const sign = !signed || abs === 0 ? '' : points < 0 ? MINUS : '+'
  return `${sign}${abs} ${abs === 1 ? 'point' : 'points'}`
}

/** The most decimals formatSmallShare gives (a share of one in a hundred million still shows). */
const MAX_DIGITS = 6

/**
 * A share for the methodology's figures of the model (how much of the time a node is down, how often all copies
 * are down at once), where a probability of one in a billion must not read as one in a thousand: as many decimals
 * as it takes for the small part to keep one significant digit (0.07%, 99.97%, 0.000009%). Not for the live
 * numbers, which all go through formatPercent.
 */
export function formatSmallShare(share: number): string {
  if (!Number.isFinite(share)) return '—'
  const pct = Math.max(0, Math.min(100, share * 100))
  if (pct === 100 || pct === 0) return `${pct}%`
  const small = Math.min(pct, 100 - pct)
  const digits = small >= 1 ? 0 : Math.min(MAX_DIGITS, Math.max(1, Math.ceil(-Math.log10(small))))
  let s = pct.toFixed(digits)
  if (Number(s) >= 100 || Number(s) <= 0) s = pct.toFixed(MAX_DIGITS)
  if (Number(s) >= 100) s = (100 - 10 ** -MAX_DIGITS).toFixed(MAX_DIGITS)
  else if (Number(s) <= 0) s = (10 ** -MAX_DIGITS).toFixed(MAX_DIGITS)
  return `${trimZeros(s)}%`
}

/** Milliseconds, whole. */
export function formatMs(ms: number | null): string {
  return ms === null || !Number.isFinite(ms) ? '—' : `${Math.round(ms)} ms`
}

/** A count with thousands separators (en): 12,345. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}

/** "1 node", "3 nodes". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

/** A large quantity split into a number and a scale word, for the HUD's big number and its small unit. */
export interface Scaled {
  value: string
  scale: '' | 'thousand' | 'million' | 'billion' | 'trillion'
}

const SCALES: readonly [number, Scaled['scale']][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
]

/** 15,187,986 → { value: '15.2', scale: 'million' }; three significant digits, at most one decimal below 100. */
export function scaleNumber(n: number): Scaled {
  if (!Number.isFinite(n)) return { value: '—', scale: '' }
  const abs = Math.abs(n)
  for (const [size, scale] of SCALES) {
    // 999,950 rounds to "1,000 thousand": such a number is shown on the next scale up.
    if (abs >= size * 0.99995) return { value: roundScaled(n / size), scale }
  }
  return { value: formatCount(n), scale: '' }
}

function roundScaled(x: number): string {
  const abs = Math.abs(x)
  if (abs >= 100) return formatCount(x)
  return trimZeros(x.toFixed(1))
}

/** Person-hours in words: "850 person-hours", "15.2 million person-hours". */
export function formatPersonHours(h: number | null): string {
  if (h === null || !Number.isFinite(h)) return '—'
  const { value, scale } = scaleNumber(h)
  return `${value}${scale ? ` ${scale}` : ''} person-hours`
}

/** Simulated minutes since the start as a duration: "12 min", "1 h 05 min", "2 d 3 h". */
export function formatDuration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes))
  if (m < 60) return `${m} min`
  const h = Math.floor(m / 60)
  if (h < 48) return `${h} h ${String(m % 60).padStart(2, '0')} min`
  const d = Math.floor(h / 24)
  return `${d} d ${h % 24} h`
}

/** The simulated clock: "T+0", "T+12 min", "T+1 h 05 min". */
export function formatClock(minutes: number): string {
  return Math.round(minutes) <= 0 ? 'T+0' : `T+${formatDuration(minutes)}`
}

/** A short axis label for minutes: "0", "45 min", "2 h", "1 h 30", "3 d". */
export function formatAxisMinutes(minutes: number): string {
  const m = Math.round(minutes)
  if (m === 0) return '0'
  if (Math.abs(m) < 60) return `${m} min`
  if (Math.abs(m) < 2880)
    return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}`
  return `${trimZeros((m / 1440).toFixed(1))} d`
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s
}

/** Upper-cases the first letter of a sentence. */
export function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1)
}
