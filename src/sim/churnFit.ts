/**
 * How often a small node fails on its own, read off the ThreeFold Grid's published uptime streaks: of the nodes up
 * now, 88% have been up for over a week, 70% over a month, 44% over three months, 22% over six, 5% over a year
 * (../shared/reference/science.md).
 *
 * Those shares are of nodes seen at one moment, so they describe how long the current uptime has lasted so far
 * (its age), not how long uptimes last. A node seen at a random moment is more likely to be in a long uptime than a
 * short one: in a steady state the age of the current uptime has density S(a) / mean, where S is the chance that
 * an uptime lasts beyond a. For Weibull uptimes (shape k, scale λ) the share older than t is then
 *   P(age > t) = Q(1/k, (t/λ)^k),
 * the regularized upper incomplete gamma function. Read as if the shares were S(t) itself (an early version of
 * this model did), the fit gives uptimes nearly twice as long as the streaks imply. The fit below is least
 * squares over the five shares; it assumes the grid in a steady state (a growing grid has more young nodes, which
 * would make nodes look a little less reliable than they are).
 */

import { gammaFn } from './engine.ts'

/** The published shares: of the nodes up now, `share` have been up for over `days` days. */
export const UPTIME_STREAKS: readonly { days: number; share: number }[] = [
  { days: 7, share: 0.88 },
  { days: 30, share: 0.7 },
  { days: 90, share: 0.44 },
  { days: 180, share: 0.22 },
  { days: 365, share: 0.05 },
]

/** Q(a, x) = Γ(a, x) / Γ(a): a series below a + 1, a continued fraction above (Numerical Recipes, 6.2). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1
  const front = Math.exp(-x + a * Math.log(x) - Math.log(gammaFn(a)))
  if (x < a + 1) {
    let ap = a
    let del = 1 / a
    let sum = del
    for (let n = 0; n < 1000 && Math.abs(del) > Math.abs(sum) * 1e-15; n++) {
      ap++
      del *= x / ap
      sum += del
    }
    return 1 - sum * front
  }
  const tiny = 1e-300
  let b = x + 1 - a
  let c = 1 / tiny
  let d = 1 / b
  let h = d
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < tiny) d = tiny
    c = b + an / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const del = d * c
    h *= del
    if (Math.abs(del - 1) < 1e-15) break
  }
  return front * h
}

/** The share of nodes up now whose uptime has lasted over `days`, for Weibull uptimes (shape, scale in days). */
export function ageShareAbove(days: number, shape: number, scaleDays: number): number {
  return gammaQ(1 / shape, Math.pow(days / scaleDays, shape))
}

/** Sum of squared differences between the model's shares and the published ones. */
export function streakError(shape: number, scaleDays: number): number {
  let e = 0
  for (const { days, share } of UPTIME_STREAKS) e += (ageShareAbove(days, shape, scaleDays) - share) ** 2
  return e
}

/** The least-squares Weibull over shapes 0.3 to 2.5 and scales 5 to 1,000 days (shape to 0.01, scale to a day). */
export function fitUptimes(): { shape: number; scaleDays: number; error: number } {
  let best = { shape: 1, scaleDays: 100, error: Infinity }
  // Coarse, then fine around the coarse best (the valley is narrow: shape and scale trade off).
  for (let i = 0; i <= 110; i++)
    for (let l = 5; l <= 1000; l += 2) {
      const k = 0.3 + i * 0.02
      const error = streakError(k, l)
      if (error < best.error) best = { shape: k, scaleDays: l, error }
    }
  const { shape: k0, scaleDays: l0 } = best
  for (let i = -20; i <= 20; i++)
    for (let j = -32; j <= 32; j++) {
      const k = k0 + i * 0.002
      const l = l0 + j * 0.25
      if (k <= 0 || l <= 0) continue
      const error = streakError(k, l)
      if (error < best.error) best = { shape: k, scaleDays: l, error }
    }
  return { shape: Math.round(best.shape * 100) / 100, scaleDays: Math.round(best.scaleDays), error: best.error }
}
