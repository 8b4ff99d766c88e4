/**
 * Pure helpers for the clock and the speed control: the speed slider is logarithmic (a step changes the speed by
 * the same factor anywhere on it), so half a minute and two hours per second are both one drag away.
 */

/** Simulated minutes per second of real time: the slowest and the fastest the slider offers. */
export const SPEED_MIN = 0.5
export const SPEED_MAX = 120
/** Positions on the slider; each is about 12% faster than the one before (finer would round to the same speed). */
export const SPEED_STEPS = 48

const RATIO = Math.log(SPEED_MAX / SPEED_MIN)

/** Rounds to two significant digits, so the speed shown is the speed set (2.1, not 2.0871). */
function twoDigits(x: number): number {
  const scale = 10 ** (Math.floor(Math.log10(x)) - 1)
  return Math.round(x / scale) * scale
}

/** The speed at a slider position (0 to SPEED_STEPS). */
export function speedFromSlider(position: number): number {
  const p = Math.min(SPEED_STEPS, Math.max(0, position))
  const speed = SPEED_MIN * Math.exp((RATIO * p) / SPEED_STEPS)
  // Floating-point dust (0.35000000000000003) would show through in labels: round to a few decimals too.
  return Number(twoDigits(speed).toFixed(3))
}

/** The slider position nearest a speed; speeds outside the range sit at its ends. */
export function sliderFromSpeed(speed: number): number {
  if (!(speed > 0)) return 0
  const p = Math.round((Math.log(speed / SPEED_MIN) / RATIO) * SPEED_STEPS)
  return Math.min(SPEED_STEPS, Math.max(0, p))
}

/** A speed in words: "0.5 min/s", "12 min/s", "1.5 h/s" (an hour or more per second reads better in hours). */
export function formatSpeed(minutesPerSecond: number): string {
  if (minutesPerSecond >= 60) return `${trim(minutesPerSecond / 60)} h/s`
  return `${trim(minutesPerSecond)} min/s`
}

/** The same for a screen reader. */
export function speakSpeed(minutesPerSecond: number): string {
  if (minutesPerSecond >= 60) return `${trim(minutesPerSecond / 60)} simulated hours per second`
  return `${trim(minutesPerSecond)} simulated minutes per second`
}

function trim(x: number): string {
  return String(Number(x.toFixed(x < 10 ? 2 : 1)))
}

/** Simulated time since the start as a clock: "T+ 0 min", "T+ 1 h 23 min", "T+ 2 d 3 h 5 min". */
export function formatClock(minutes: number): string {
  const total = Number.isFinite(minutes) && minutes > 0 ? Math.floor(minutes) : 0
  const d = Math.floor(total / 1440)
  const h = Math.floor((total % 1440) / 60)
  const m = total % 60
  if (d > 0) return `T+ ${d} d ${h} h ${m} min`
  if (h > 0) return `T+ ${h} h ${m} min`
  return `T+ ${m} min`
}

/** The largest seed the field takes: the simulation's streams mix the seed as a 32-bit number twice over. */
export const SEED_MAX = 4_294_967_295

/** A seed typed in the field: a whole number from 0 to SEED_MAX, or a message saying what is expected. */
export function parseSeed(text: string): { ok: true; seed: number } | { ok: false; error: string } {
  const trimmed = text.trim()
  const error = `Seed: expected a whole number from 0 to ${SEED_MAX}`
  if (!/^\d+$/.test(trimmed)) return { ok: false, error }
  const seed = Number(trimmed)
  if (!Number.isSafeInteger(seed) || seed > SEED_MAX) return { ok: false, error }
  return { ok: true, seed }
}

/** A fresh seed, short enough to read out and type back (1 to 999,999). */
export function randomSeed(random: () => number = Math.random): number {
  return 1 + Math.floor(random() * 999_999)
}
