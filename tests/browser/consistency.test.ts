/**
 * One number everywhere, on the built page: under a regional disaster at Northern Virginia and under a cascade,
 * on every network, each percentage in the HUD's sentence is the HUD's services or users figure, and so is each
 * one in the newest line of the event log; in the compare view the difference sentence's points are the
 * difference of the two figures it quotes. The issue this guards: a services tile of 68% over a sentence of 70%,
 * a cascade's 83% against 94%, and "98% … 68%: 29 points more".
 *
 * Only the class names the HUD's redesign keeps are used, all here at the top.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { StepMetrics } from '../../src/sim/engine'
import type { ScenarioSpec } from '../../src/sim/scenarios'
import { formatPercent } from '../../src/ui/hud/format'
import { launchBrowser, openPage } from './chromium'
import { openDrawer, openTimeline, readyForChecks } from './stage'

const SENTENCE = '.hud__sentence'
const TILE = (metric: 'services' | 'users') => `.hud [data-metric="${metric}"] .hud__value`
const EVENT = '.timeline__event'
const DIFFERENCE = '.compare__difference'
const CONTROLS = '.controls'
const COMPARE_BUTTON = '[data-action="compare"]'

const NETWORKS = ['centralized', 'decentralized', 'p2p'] as const
const SCENARIOS: { name: string; spec: ScenarioSpec; steps: number }[] = [
  {
    name: 'a regional disaster at Northern Virginia',
    spec: { kind: 'region', lat: 39.04, lon: -77.49, radiusKm: 500 },
    steps: 3,
  },
  // Twelve rounds: long enough for the cascade to have cut people off on the clouds.
  { name: 'an overload cascade', spec: { kind: 'cascade', alpha: 0.2, trigger: 'load' }, steps: 12 },
]
/** A percentage as written on screen: "68%", "99.9%". */
const PERCENT = /\d+(?:\.\d+)?%/g
/** Two shares on a shared, slow machine: polls get time. */
const SLOW = { timeout: 30_000 }

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

async function openReady(): Promise<Page> {
  const opened = await openPage(browser, '', { viewport: { width: 1440, height: 900 } })
  const { page } = opened
  await readyForChecks(page)
  // The event log is in the timeline, which opens on demand.
  await openTimeline(page)
  return page
}

/** Runs the scenario on every network, paused, `steps` steps in. */
async function runPaused(page: Page, spec: ScenarioSpec, steps: number): Promise<void> {
  await page.evaluate(
    async ([s, n]) => {
      const api = window.p2pglobe!
      await api.runScenario(s)
      api.pause()
      await api.step(n)
    },
    [spec, steps] as const,
  )
  await page.waitForFunction((n) => (window.p2pglobe!.getState().metrics?.t ?? 0) >= n, steps)
}

/** What the page shows at one moment: the two tiles, the sentence and the newest log line. */
async function shown(page: Page) {
  return page.evaluate(
    ([sentence, services, users, event]) => {
      const text = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? ''
      return { services: text(services), users: text(users), sentence: text(sentence), event: text(event) }
    },
    [SENTENCE, TILE('services'), TILE('users'), EVENT] as const,
  )
}

describe('the numbers agree with each other', () => {
  for (const { name, spec, steps } of SCENARIOS) {
    test(`under ${name}, on every network: the sentence, the log and the compare view quote the HUD`, async () => {
      const page = await openReady()
      await runPaused(page, spec, steps)

      for (const kind of NETWORKS) {
        const metrics = (await page.evaluate((k) => {
          const api = window.p2pglobe!
          api.setNetwork(k)
          return api.getState().metrics
        }, kind)) as StepMetrics
        // Wait for the HUD to show this network's numbers (the page's own rounding, checked against ours).
        await expect
          .poll(async () => {
            const s = await shown(page)
            return [s.services, s.users]
          }, SLOW)
          .toEqual([formatPercent(metrics.serviceAvailability), formatPercent(metrics.usersOnline)])
        const now = await shown(page)
        const where = `${kind}: [${now.services} ${now.users}] "${now.sentence}" / "${now.event}"`
        const tiles = [now.services, now.users]

        const inSentence = now.sentence.match(PERCENT) ?? []
        for (const pct of inSentence) expect(tiles, where).toContain(pct)
        // Services first, under the tile's name; users online after, when people are cut off.
        if (now.services !== '100%' && now.users !== '0%')
          expect(now.sentence, where).toMatch(new RegExp(`[Ss]ervices available ${now.services.replace('.', '\\.')}`))
        if (now.users !== '100%' && now.users !== '0%')
          expect(now.sentence, where).toContain(`users online ${now.users}`)

        const inEvent = now.event.match(PERCENT) ?? []
        for (const pct of inEvent) expect(tiles, where).toContain(pct)
        expect(inEvent.length + (now.event.includes('every service still answers') ? 1 : 0), where).toBeGreaterThan(0)
      }

      // The compare view, opened from the panel as a person would.
      const controls = page.locator(CONTROLS)
      await openDrawer(page)
      await controls.locator(COMPARE_BUTTON).click()
      const difference = page.locator(DIFFERENCE)
      await expect.poll(() => difference.count(), SLOW).toBeGreaterThan(0)
      await expect.poll(async () => (await difference.first().innerText()).length, SLOW).toBeGreaterThan(0)
      const sentence = await difference.first().innerText()
      const match = /keeps (\d+(?:\.\d+)?)% of .+?; the .+? (\d+(?:\.\d+)?)%: (\d+(?:\.\d+)?) points? more/.exec(
        sentence,
      )
      expect(match, sentence).not.toBeNull()
      const [, better, worse, points] = match!.map(Number)
      expect(points, sentence).toBeCloseTo(better! - worse!, 9)
      await page.context().close()
    })
  }
})
