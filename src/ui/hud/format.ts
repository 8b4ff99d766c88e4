/**
 * How numbers are written on screen: percentages that never round a loss away, milliseconds, counts with
 * separators, person-hours in words people say (thousand, million, billion) and simulated time as "T+12 min".
 * Pure, so the HUD, the sentence, the event log and the chart all say the same thing the same way.
 */

/** The minus sign (U+2212), not a hyphen: it lines up with the plus and reads as a sign. */
export const MINUS = '\u2212'

/** The most decimals a percentage gets (a loss of one in a hundred million still shows). */
const MAX_DIGITS = 6

/**
 * A share (0..1) as a percentage. Whole percents in general; near the ends, as many decimals as it takes for the
 * small part to keep one significant digit: 0.07%, 99.7%, 99.97%. So a value that is not exactly 1 never reads
 * "100%" and one that is not exactly 0 never reads "0%": a small loss is still a loss.
 */
export function formatPercent(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—'
  const pct = Math.max(0, Math.min(100, share * 100))
  if (pct === 100 || pct === 0) return `${pct}%`
  const small = Math.min(pct, 100 - pct)
  const digits = small >= 1 ? 0 : Math.min(MAX_DIGITS, Math.max(1, Math.ceil(-Math.log10(small))))
  let s = pct.toFixed(digits)
  // Rounding up to a whole 100 (or down to 0) would hide the part that matters: one more digit then, and at the
  // last digit shown, the nearest value that still says so.
  if (Number(s) >= 100 || Number(s) <= 0) s = pct.toFixed(MAX_DIGITS)
  if (Number(s) >= 100) s = (100 - 10 ** -MAX_DIGITS).toFixed(MAX_DIGITS)
  else if (Number(s) <= 0) s = (10 ** -MAX_DIGITS).toFixed(MAX_DIGITS)
  return `${trimZeros(s)}%`
}

/** A change of a share, in percentage points with a sign: "−12 points", "+0.4 points". */
export function formatPoints(delta: number): string {
  const pts = delta * 100
  const abs = Math.abs(pts)
  const s = abs >= 9.95 ? abs.toFixed(0) : abs >= 0.095 ? trimZeros(abs.toFixed(1)) : trimZeros(abs.toPrecision(1))
  const unit = s === '1' ? 'point' : 'points'
  return `${pts < 0 ? MINUS : '+'}${s} ${unit}`
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
