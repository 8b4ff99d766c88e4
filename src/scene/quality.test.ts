import { describe, expect, it } from 'vitest'
import {
  MAX_INTERVAL_MS,
  PixelRatioGovernor,
  STEP_DOWN_AFTER_MS,
  STEP_UP_AFTER_MS,
  pixelRatioCap,
  pixelRatioTiers,
} from './quality'

/** Feeds frames `ms` apart for `seconds`; returns the pixel ratio after each change. */
function run(g: PixelRatioGovernor, ms: number, seconds: number): number[] {
  const changes: number[] = []
  for (let t = 0; t < seconds * 1000; t += ms) if (g.sample(ms)) changes.push(g.pixelRatio)
  return changes
}

/** Seconds of frames `ms` apart until the pixel ratio changes (Infinity if it does not within `limit`). */
function secondsUntilChange(g: PixelRatioGovernor, ms: number, limit = 600): number {
  for (let t = 0; t < limit * 1000; t += ms) if (g.sample(ms)) return (t + ms) / 1000
  return Infinity
}

const AT_30_FPS = 1000 / 30
const AT_60_FPS = 1000 / 60
const AT_50_FPS = 1000 / 50

describe('the pixel ratio tiers', () => {
  it('caps the display’s pixel ratio at 2', () => {
    expect(pixelRatioCap(1)).toBe(1)
    expect(pixelRatioCap(1.25)).toBe(1.25)
    expect(pixelRatioCap(3)).toBe(2)
    expect(pixelRatioCap(NaN)).toBe(1)
    expect(pixelRatioCap(0)).toBe(1)
  })

  it('steps down from the cap through 1.5, 1 and 0.75', () => {
    expect(pixelRatioTiers(2)).toEqual([2, 1.5, 1, 0.75])
    expect(pixelRatioTiers(1.25)).toEqual([1.25, 1, 0.75])
    expect(pixelRatioTiers(1)).toEqual([1, 0.75])
    expect(pixelRatioTiers(0.5)).toEqual([0.5])
  })
})

describe('the pixel ratio governor', () => {
  it('starts at the cap and stays there while frames keep up', () => {
    const g = new PixelRatioGovernor(2)
    expect(g.pixelRatio).toBe(2)
    expect(run(g, AT_60_FPS, 60)).toEqual([])
    expect(g.pixelRatio).toBe(2)
  })

  it('steps down a tier after about 2 s of slow frames, and on down while they stay slow', () => {
    const g = new PixelRatioGovernor(2)
    const first = secondsUntilChange(g, AT_30_FPS)
    expect(first).toBeGreaterThan(STEP_DOWN_AFTER_MS / 1000 - 0.05)
    expect(first).toBeLessThan(STEP_DOWN_AFTER_MS / 1000 + 0.5)
    expect(g.pixelRatio).toBe(1.5)
    expect(run(g, AT_30_FPS, 10)).toEqual([1, 0.75])
    // The lowest tier is the floor.
    expect(run(g, AT_30_FPS, 10)).toEqual([])
  })

  it('takes no notice of a few slow frames among fast ones (the median)', () => {
    const g = new PixelRatioGovernor(2)
    for (let i = 0; i < 600; i++) expect(g.sample(i % 3 === 0 ? 60 : AT_60_FPS)).toBe(false)
    expect(g.pixelRatio).toBe(2)
  })

  it('steps back up after about 5 s of comfortably fast frames', () => {
    const g = new PixelRatioGovernor(2)
    run(g, AT_30_FPS, 2.1)
    expect(g.pixelRatio).toBe(1.5)
    const up = secondsUntilChange(g, AT_60_FPS)
    expect(up).toBeGreaterThan(STEP_UP_AFTER_MS / 1000 - 0.1)
    expect(up).toBeLessThan(STEP_UP_AFTER_MS / 1000 + 1.1)
    expect(g.pixelRatio).toBe(2)
  })

  it('neither steps up nor down in between (50 frames a second)', () => {
    const g = new PixelRatioGovernor(2)
    run(g, AT_30_FPS, 2.1)
    expect(run(g, AT_50_FPS, 60)).toEqual([])
    expect(g.pixelRatio).toBe(1.5)
  })

  it('waits longer each time a step up had to be taken back, so it does not flip every few seconds', () => {
    const g = new PixelRatioGovernor(2)
    // A machine that holds 60 fps at 1.5 but only 30 at 2.
    const frames = () => (g.pixelRatio > 1.5 ? AT_30_FPS : AT_60_FPS)
    const steps: { at: number; to: number }[] = []
    let t = 0
    while (t < 300_000) {
      const ms = frames()
      t += ms
      if (g.sample(ms)) steps.push({ at: t / 1000, to: g.pixelRatio })
    }
    const ups = steps.filter((s) => s.to === 2).map((s) => s.at)
    // It keeps trying (the machine may have been busy), but ever more rarely, up to a limit.
    expect(ups.length).toBeGreaterThan(2)
    expect(ups.length).toBeLessThan(8)
    const waits = ups.slice(1).map((at, i) => at - ups[i]!)
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThan(waits[i - 1]! - 0.1)
    expect(waits[1]!).toBeGreaterThan(waits[0]! * 1.5)
    expect(waits[waits.length - 1]!).toBeGreaterThan(waits[0]! * 4)
  })

  it('steps down on a machine that draws only a few frames a second', () => {
    const g = new PixelRatioGovernor(2)
    let changed = false
    for (let i = 0; i < 20 && !changed; i++) changed = g.sample(400)
    expect(changed).toBe(true)
    expect(g.pixelRatio).toBe(1.5)
  })

  it('does not count pauses as frames: a hidden tab is not a slow machine', () => {
    const g = new PixelRatioGovernor(2)
    for (let i = 0; i < 100; i++) expect(g.sample(MAX_INTERVAL_MS + 1)).toBe(false)
    expect(g.sample(0)).toBe(false)
    expect(g.sample(NaN)).toBe(false)
    expect(g.pixelRatio).toBe(2)
  })

  it('forgets the batch under way after an interruption', () => {
    const g = new PixelRatioGovernor(2)
    run(g, AT_30_FPS, 1.9)
    g.interrupt()
    // The slow second already judged still counts, the unfinished batch does not.
    expect(secondsUntilChange(g, AT_30_FPS)).toBeGreaterThan(0.9)
  })

  it('follows a change of display: keeps its tier where it can, never goes above the new cap', () => {
    const g = new PixelRatioGovernor(2)
    run(g, AT_30_FPS, 2.1)
    expect(g.pixelRatio).toBe(1.5)
    expect(g.setCap(2)).toBe(false)
    expect(g.setCap(3)).toBe(false) // still capped at 2
    expect(g.setCap(1)).toBe(true)
    expect(g.pixelRatio).toBe(1)
    expect(g.setCap(2)).toBe(false) // stays at 1 until frames say there is room
    expect(g.pixelRatio).toBe(1)
    expect(run(g, AT_60_FPS, 6)).toEqual([1.5])
  })
})
