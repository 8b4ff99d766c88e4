/**
 * The simulated clock in the built app: an outage without a repair keeps it running and costing person-hours from
 * its first failed step (a site, a regional disaster, an attack, a push); a healthy network with no scenario plays
 * on like any day; a scenario whose failures are repaired stops it by itself once everything is back; and Next on
 * a story's last step stays there, its scenario running on.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { BUILTIN_STORY } from '../../src/story/builtin'
import type { StepMetrics } from '../../src/sim/engine'
import type { ScenarioSpecInput } from '../../src/sim/params'
import { launchBrowser, openPage, type OpenedPage } from './chromium'
import { readyForChecks } from './stage'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

async function prepare(opened: OpenedPage): Promise<Page> {
  const { page } = opened
  await readyForChecks(page)
  return page
}

const state = (page: Page) => page.evaluate(() => window.p2pglobe!.getState())

/**
 * Waits until the clock has reached minute `t` or has stopped, whichever comes first (so a clock that stops too
 * early fails at once instead of timing out).
 */
async function untilMinuteOrStopped(page: Page, t: number): Promise<void> {
  await page.waitForFunction(
    (t) => {
      const s = window.p2pglobe!.getState()
      return !s.playing || s.metrics!.t >= t
    },
    t,
    { timeout: 90_000 },
  )
}

async function expectCleanAndClose(opened: OpenedPage): Promise<void> {
  expect(opened.pageErrors).toEqual([])
  expect(opened.console).toEqual([])
  await opened.page.context().close()
}

const OUTAGES: ScenarioSpecInput[] = [
  { kind: 'site', at: 'ashburn' },
  { kind: 'region', lat: 39.04, lon: -77.49, radiusKm: 600 },
  { kind: 'attack', fraction: 0.05, by: 'degree' },
  { kind: 'push', transmissibility: 1, operator: 'largest' },
]

describe('the clock', () => {
  test('runs on through an outage without a repair, person-hours counting from its first failed step', async () => {
    const opened = await openPage(browser, '?network=centralized&scenario=site&at=ashburn&autoplay=1&speed=30')
    const page = await prepare(opened)
    // Started from the address: past T+20 with the site still down, and still playing.
    await untilMinuteOrStopped(page, 25)
    const s = await state(page)
    expect(s.playing).toBe(true)
    expect(s.metrics!.t).toBeGreaterThanOrEqual(25)
    expect(s.metrics!.failedNodes).toBeGreaterThan(0)
    expect(s.metrics!.serviceAvailability!).toBeLessThan(0.8)
    expect(s.metrics!.userHoursLost!).toBeGreaterThan(0)

    for (const scenario of OUTAGES) {
      // Step by step from the start: the first step with services lost already carries its cost.
      const first = (await page.evaluate(async (scenario) => {
        const api = window.p2pglobe!
        await api.runScenario(scenario)
        api.pause()
        const seen = [{ ...api.getState().metrics! }]
        for (let i = 0; i < 5; i++) {
          await api.step(1)
          seen.push({ ...api.getState().metrics! })
        }
        return seen
      }, scenario)) as StepMetrics[]
      expect(first.map((m) => m.t)).toEqual([0, 1, 2, 3, 4, 5])
      expect(first[0]!.userHoursLost).toBe(0)
      const failed = first.find((m) => m.serviceAvailability! < 1)
      expect(failed, scenario.kind).toBeDefined()
      expect(failed!.userHoursLost!, scenario.kind).toBeGreaterThan(0)
      for (let i = 1; i < first.length; i++)
        if (first[i]!.serviceAvailability! < 1)
          expect(first[i]!.userHoursLost!, scenario.kind).toBeGreaterThan(first[i - 1]!.userHoursLost!)

      // Played on: past T+20, still down, still costing.
      await page.evaluate(() => window.p2pglobe!.play())
      await untilMinuteOrStopped(page, 25)
      const later = (await state(page)).metrics!
      expect((await state(page)).playing, scenario.kind).toBe(true)
      expect(later.t, scenario.kind).toBeGreaterThanOrEqual(25)
      expect(later.failedNodes, scenario.kind).toBeGreaterThan(0)
      expect(later.userHoursLost!, scenario.kind).toBeGreaterThan(first.at(-1)!.userHoursLost!)
    }
    await expectCleanAndClose(opened)
  }, 240_000)

  test('plays on a healthy network with no scenario: a normal day', async () => {
    const opened = await openPage(browser, '?network=p2p&speed=30')
    const page = await prepare(opened)
    expect((await state(page)).scenario).toEqual({ kind: 'none' })
    await page.evaluate(() => window.p2pglobe!.play())
    await untilMinuteOrStopped(page, 6)
    const s = await state(page)
    expect(s.playing).toBe(true)
    expect(s.metrics!.t).toBeGreaterThanOrEqual(6)
    expect(s.metrics!.failedNodes).toBe(0)
    expect(s.metrics!.userHoursLost).toBe(0)
    await expectCleanAndClose(opened)
  }, 120_000)

  test('stops by itself once the failures are repaired and everything is back', async () => {
    const opened = await openPage(browser, '?network=centralized&speed=30')
    const page = await prepare(opened)
    await page.evaluate(() => window.p2pglobe!.runScenario({ kind: 'site', at: 'ashburn' }, { repairAfterMin: 10 }))
    await untilMinuteOrStopped(page, 200)
    const s = await state(page)
    expect(s.playing).toBe(false)
    // Down from minute 1 to minute 11; the clock asks for up to four steps at once, so it may stop a little later.
    expect(s.metrics!.t).toBeGreaterThanOrEqual(11)
    expect(s.metrics!.t).toBeLessThan(16)
    expect(s.metrics!.failedNodes).toBe(0)
    expect(s.metrics!.serviceAvailability!).toBeCloseTo(1, 9)
    expect(s.metrics!.userHoursLost!).toBeGreaterThan(0)
    // And it stays stopped: frames go by, the clock does not move.
    const after = await page.evaluate(async () => {
      for (let i = 0; i < 30; i++) await new Promise((r) => requestAnimationFrame(r))
      return window.p2pglobe!.getState()
    })
    expect(after.playing).toBe(false)
    expect(after.metrics!.t).toBe(s.metrics!.t)
    await expectCleanAndClose(opened)
  }, 120_000)

  test('stays on the story’s last step when Space asks for the next, its scenario running on', async () => {
    const last = BUILTIN_STORY.steps.length
    const opened = await openPage(browser, `?story=builtin&step=${last}`, { viewport: { width: 1600, height: 900 } })
    const page = await prepare(opened)
    await page.waitForFunction((index) => {
      const s = window.p2pglobe!.getState()
      return s.story?.index === index && s.scenario.kind === 'region'
    }, last - 1)
    // Some minutes into the step's disaster (stepped through the page API: the clock's frames are not needed).
    await page.evaluate(() => window.p2pglobe!.step(5))
    const before = await state(page)
    expect(before.playing).toBe(true)
    const t0 = before.metrics!.t
    expect(t0).toBeGreaterThanOrEqual(5)
    // Every frame, the lowest minute seen: a restarted scenario would show t = 0 for at least a frame.
    await page.evaluate(() => {
      const w = window as unknown as { __minT: number; __kept: boolean | null }
      w.__minT = Infinity
      w.__kept = null
      const sample = () => {
        w.__minT = Math.min(w.__minT, window.p2pglobe!.getState().metrics!.t)
        requestAnimationFrame(sample)
      }
      sample()
      window.addEventListener('keydown', (e) => (w.__kept = e.defaultPrevented), { once: true })
    })
    await page.keyboard.press(' ')
    // The demo took the key (it is the story's Next)…
    expect(await page.evaluate(() => (window as unknown as { __kept: boolean | null }).__kept)).toBe(true)
    // …and stayed. A restart would have been asked of the simulation before this step, and answered first.
    const after = await page.evaluate(async () => {
      await window.p2pglobe!.step(1)
      return window.p2pglobe!.getState()
    })
    expect(after.story!.index).toBe(last - 1)
    expect(after.playing).toBe(true)
    expect(after.scenario).toEqual(before.scenario)
    expect(after.metrics!.t).toBeGreaterThan(t0)
    expect(await page.evaluate(() => (window as unknown as { __minT: number }).__minT)).toBeGreaterThanOrEqual(t0)
    await expectCleanAndClose(opened)
  }, 120_000)
})
