/**
 * Adaptive pixel ratio, in tiers (as GitHub's globe does it). The canvas starts at the display's pixel ratio, at
 * most 2; when frames cannot keep up (the median interval between frames drawn back to back above 1/45 s for
 * about 2 s) it steps down a tier, and when frames come comfortably fast for about 5 s it steps back up. A step
 * up that had to be taken back waits twice as long before it is tried again, so a machine on the edge between
 * two tiers does not flip between them every few seconds.
 *
 * With on-demand rendering the frame rate only means something while frames are drawn back to back (the globe
 * turning, the simulation playing); AdaptivePixelRatio feeds only those intervals. Plain state, unit-tested.
 */

/** The pixel ratio never goes above this: beyond it the extra pixels cost far more than they show. */
export const MAX_PIXEL_RATIO = 2
/** The tiers below the top one. */
export const TIER_STEPS: readonly number[] = [1.5, 1, 0.75]

/** Frames slower than this (ms apart) cannot hold 45 frames a second. */
export const SLOW_INTERVAL_MS = 1000 / 45
/** Frames at least this fast (ms apart) leave room for more pixels: 55 frames a second or better. */
export const FAST_INTERVAL_MS = 1000 / 55
/** Intervals are judged by the median of batches this long (ms of frames drawn back to back). */
export const BATCH_MS = 1000
/** Slow for this long (ms): step down. */
export const STEP_DOWN_AFTER_MS = 2000
/** Fast for this long (ms): step up (doubled for each time a step up to that tier had to be taken back). */
export const STEP_UP_AFTER_MS = 5000
/**
 * A gap longer than this (ms) between two frames drawn back to back is a pause (a hidden tab, a stall), not a frame
 * rate: it is not counted. A machine that draws only two or three frames a second is slow, not paused, and must
 * step down too.
 */
export const MAX_INTERVAL_MS = 1000
/** Most frames in one batch (a 480 Hz display fills a second with them). */
const MAX_BATCH = 480
/** At most 2^this times the usual wait before trying a step up again. */
const MAX_BACKOFF = 4

/** The highest pixel ratio worth drawing at on this display. */
export function pixelRatioCap(devicePixelRatio: number): number {
  const dpr = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1
  return Math.min(dpr, MAX_PIXEL_RATIO)
}

/** The tiers for a cap, best first: the cap, then every step below it. */
export function pixelRatioTiers(cap: number): number[] {
  return [cap, ...TIER_STEPS.filter((t) => t < cap - 0.01)]
}

export class PixelRatioGovernor {
  private tiers: number[]
  private index = 0
  /** Intervals of the batch under way; unused slots hold +Infinity, so sorting the whole array sorts the batch. */
  private readonly batch = new Float64Array(MAX_BATCH).fill(Infinity)
  private count = 0
  private sum = 0
  private slowMs = 0
  private fastMs = 0
  private lastStep: 'up' | 'down' | null = null
  /** Per tier, how many times a step up to it had to be taken back. */
  private failedUps: number[]

  constructor(cap: number) {
    this.tiers = pixelRatioTiers(cap)
    this.failedUps = this.tiers.map(() => 0)
  }

  /** The pixel ratio to draw at. */
  get pixelRatio(): number {
    return this.tiers[this.index]!
  }

  /**
   * A new cap (the display's pixel ratio changed: browser zoom, another screen). Keeps the current tier when it
   * still exists, else the nearest one below. Returns whether the pixel ratio changed.
   */
  setCap(cap: number): boolean {
    const before = this.pixelRatio
    const tiers = pixelRatioTiers(cap)
    if (tiers.length === this.tiers.length && tiers.every((t, i) => t === this.tiers[i])) return false
    this.tiers = tiers
    this.failedUps = tiers.map(() => 0)
    const i = tiers.findIndex((t) => t <= before + 1e-9)
    this.index = i < 0 ? tiers.length - 1 : i
    this.restart()
    return this.pixelRatio !== before
  }

  /**
   * One interval (ms) between two frames drawn back to back. Returns whether the pixel ratio changed; the
   * caller then applies pixelRatio.
   */
  sample(intervalMs: number): boolean {
    if (!(intervalMs > 0) || intervalMs > MAX_INTERVAL_MS) return false
    this.batch[this.count++] = intervalMs
    this.sum += intervalMs
    if (this.sum < BATCH_MS && this.count < MAX_BATCH) return false
    return this.judge()
  }

  /** Forgets the batch under way (after a pause, the next frames start a fresh one). */
  interrupt(): void {
    this.clearBatch()
  }

  private judge(): boolean {
    this.batch.sort()
    const median = this.batch[this.count >> 1]!
    const span = this.sum
    this.clearBatch()
    if (median > SLOW_INTERVAL_MS) {
      this.slowMs += span
      this.fastMs = 0
    } else if (median <= FAST_INTERVAL_MS) {
      this.fastMs += span
      this.slowMs = 0
    } else {
      this.slowMs = 0
      this.fastMs = 0
    }
    if (this.slowMs >= STEP_DOWN_AFTER_MS && this.index < this.tiers.length - 1) {
      if (this.lastStep === 'up') this.failedUps[this.index]!++
      this.index++
      this.lastStep = 'down'
      this.restart()
      return true
    }
    if (this.index > 0) {
      const backoff = 2 ** Math.min(MAX_BACKOFF, this.failedUps[this.index - 1]!)
      if (this.fastMs >= STEP_UP_AFTER_MS * backoff) {
        this.index--
        this.lastStep = 'up'
        this.restart()
        return true
      }
    }
    return false
  }

  private clearBatch(): void {
    this.batch.fill(Infinity, 0, this.count)
    this.count = 0
    this.sum = 0
  }

  /** A new tier is judged on its own frames only. */
  private restart(): void {
    this.clearBatch()
    this.slowMs = 0
    this.fastMs = 0
  }
}
