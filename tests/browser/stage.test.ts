/**
 * The stage's composition in the built app: at the sizes a talk, a laptop and a phone use, the page's chrome covers
 * at most a tenth of the globe, in the default view, with a failure running and at the story's steps (the compare
 * view's two globes each); no site label hides under the chrome or runs into another; and the HUD's text never
 * overlaps or is cut off, in every theme and in an embed's minimal chrome.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { BUILTIN_STORY } from '../../src/story/builtin'
import type { Theme } from '../../src/store/store'
import { launchBrowser, openPage } from './chromium'
import {
  STAGE_SIZES,
  afterFrames,
  readyForChecks,
  chromeBoxes,
  discsSettled,
  globeCoverage,
  labelsSettled,
  overlaps,
  textBoxes,
  visibleLabels,
  type Box,
} from './stage'

/** The bar: at most this share of a globe's visible disc under any chrome. */
const MAX_COVERED = 0.1
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** The globes' coverage, the labels against the chrome and each other, at one moment of one view. */
async function checkView(page: Page, what: string, globes: number): Promise<void> {
  await discsSettled(page)
  await labelsSettled(page)
  const coverage = await globeCoverage(page)
  expect(coverage, `${what}: globes`).toHaveLength(globes)
  for (const c of coverage) {
    expect(c.samples, `${what}: the globe shows`).toBeGreaterThan(100)
    expect(c.share, `${what}: covered by ${JSON.stringify(c.by)}`).toBeLessThanOrEqual(MAX_COVERED)
  }
  const chrome = await chromeBoxes(page)
  const labels = await visibleLabels(page)
  const viewport = page.viewportSize()!
  for (const label of labels) {
    for (const piece of chrome)
      expect(overlaps(label, piece), `${what}: label ${label.name} under ${piece.name}`).toBe(false)
    expect(label.left, `${what}: ${label.name} inside the window`).toBeGreaterThanOrEqual(0)
    expect(label.top).toBeGreaterThanOrEqual(0)
    expect(label.right).toBeLessThanOrEqual(viewport.width)
    expect(label.bottom).toBeLessThanOrEqual(viewport.height)
    for (const other of labels)
      if (other !== label) expect(overlaps(label, other), `${what}: ${label.name} on ${other.name}`).toBe(false)
  }
}

/** Text boxes of the HUD: none on another, none outside the HUD's box or the window (cut off). */
async function checkHud(page: Page, what: string): Promise<void> {
  const boxes = await textBoxes(page, '.hud')
  expect(boxes.length, `${what}: the HUD has text`).toBeGreaterThan(4)
  const hud = (await page.locator('.hud').first().boundingBox())!
  const viewport = page.viewportSize()!
  const inside = (b: Box, o: Box) =>
    b.left >= o.left - 1 && b.top >= o.top - 1 && b.right <= o.right + 1 && b.bottom <= o.bottom + 1
  const hudBox = { left: hud.x, top: hud.y, right: hud.x + hud.width, bottom: hud.y + hud.height }
  const window = { left: 0, top: 0, right: viewport.width, bottom: viewport.height }
  for (const b of boxes) {
    expect(inside(b, hudBox), `${what}: "${b.text}" cut off by the HUD's box`).toBe(true)
    expect(inside(b, window), `${what}: "${b.text}" outside the window`).toBe(true)
    for (const o of boxes)
      if (o.owner !== b.owner) expect(overlaps(b, o), `${what}: "${b.text}" runs into "${o.text}"`).toBe(false)
  }
  // The rail holds all of it: nothing scrolled out of sight.
  const clipped = await page.evaluate(() => {
    const rail = document.querySelector<HTMLElement>('.rail')
    return rail ? rail.scrollHeight > rail.clientHeight + 1 : false
  })
  expect(clipped, `${what}: the rail overflows`).toBe(false)
}

const THEMES: readonly Theme[] = ['dark', 'projector', 'light']

describe('the globe is the page', () => {
  for (const size of STAGE_SIZES) {
    const at = `${size.width}×${size.height}`
    test(`at ${at}: the chrome covers at most a tenth of the globe, labels stay clear of it, the HUD whole in every theme`, async () => {
      const opened = await openPage(browser, '', { viewport: size })
      const { page } = opened
      await readyForChecks(page)
      await checkView(page, 'default view', 1)

      // A regional disaster in Northern Virginia, running on every network; the peer-to-peer grid on screen.
      await page.evaluate(async () => {
        const api = window.p2pglobe!
        api.setNetwork('p2p')
        await api.runScenario({ kind: 'region', lat: 39.04, lon: -77.49, radiusKm: 500 })
        api.pause()
        await api.step(5)
      })
      await checkView(page, 'the grid under a disaster', 1)

      // The HUD of the network that loses most (its figures the widest), in every theme, with every number shown.
      await page.evaluate(() => window.p2pglobe!.setNetwork('centralized'))
      for (const theme of THEMES) {
        await page.evaluate((t) => window.p2pglobe!.applyParams(`?theme=${t}`), theme)
        await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme)
        await afterFrames(page)
        await checkHud(page, `${at} ${theme}`)
        // With the further numbers (latency, failures, person-hours) open too.
        await page.locator('[data-action="hud-details"]').click()
        await page.waitForFunction(() => document.querySelector('[data-metric="hours"]') !== null)
        await afterFrames(page)
        await checkHud(page, `${at} ${theme}, every number`)
        await page.locator('[data-action="hud-details"]').click()
      }
      await page.evaluate(() => window.p2pglobe!.applyParams('?theme=dark'))

      // The built-in story: the cloud's recorded outage (a region impaired, labelled), and the two networks side by side.
      const last = BUILTIN_STORY.steps.length
      for (const step of [3, last]) {
        await page.evaluate((n) => window.p2pglobe!.applyParams(`?story=builtin&step=${n}`), step)
        // The step is on screen once its scenario plays (the step number comes first, its scenario after it).
        await page.waitForFunction((n) => {
          const s = window.p2pglobe!.getState()
          return s.story?.index === n - 1 && s.playing && s.scenario.kind !== 'none'
        }, step)
        await page.evaluate(() => window.p2pglobe!.pause())
        await checkView(page, `story step ${step}`, step === last ? 2 : 1)
      }

      expect(opened.pageErrors).toEqual([])
      expect(opened.console).toEqual([])
      await page.context().close()
    }, 120_000)
  }
})

describe('the HUD', () => {
  test('an embed with minimal or full chrome fits at 800×500 and 400×300: its numbers whole, its globe clear', async () => {
    for (const ui of ['minimal', 'full'] as const) {
      // Interactive: a locked embed lays a clear button over its globe to take the click that engages it (the
      // canvas takes no pointer then), which is not chrome on the picture. One page, its frame resized.
      const opened = await openPage(
        browser,
        `?embed=1&ui=${ui}&interactive=1&network=centralized&scenario=region&at=ashburn&autoplay=1`,
        { viewport: { width: 800, height: 500 } },
      )
      const { page } = opened
      await readyForChecks(page)
      await page.waitForFunction(() => (window.p2pglobe!.getState().metrics?.serviceAvailability ?? 1) < 1)
      for (const viewport of [
        { width: 800, height: 500 },
        { width: 400, height: 300 },
      ]) {
        const what = `embed ui=${ui} ${viewport.width}×${viewport.height}`
        await page.setViewportSize(viewport)
        await discsSettled(page)
        await checkHud(page, what)
        if (ui === 'full') {
          // Every piece of the dock inside it and inside the frame, none on another.
          const dock = await textBoxes(page, '.dock')
          const bar = (await page.locator('.dock').boundingBox())!
          expect(dock.length, what).toBeGreaterThan(3)
          for (const b of dock) {
            expect(
              b.left >= bar.x - 1 && b.right <= bar.x + bar.width + 1,
              `${what}: "${b.text}" out of the dock`,
            ).toBe(true)
            for (const o of dock)
              if (o.owner !== b.owner) expect(overlaps(b, o), `${what}: "${b.text}" on "${o.text}"`).toBe(false)
          }
          expect(bar.x + bar.width).toBeLessThanOrEqual(viewport.width)
        }
        const [c] = await globeCoverage(page)
        expect(c!.share, `${what}: ${JSON.stringify(c!.by)}`).toBeLessThanOrEqual(MAX_COVERED)
        // A small globe is not buried under names: one per 45 px of its radius, the failed site's first (by its
        // short name on a small globe).
        await labelsSettled(page)
        const names = (await visibleLabels(page)).map((l) => l.name)
        expect(
          names.length,
          `${what}: ${names.join(', ')} on a globe ${Math.round(c!.disc.r)} px across`,
        ).toBeLessThanOrEqual(Math.max(1, Math.floor(c!.disc.r / 45)))
        expect(names, what).toContain(viewport.width >= 800 ? 'Northern Virginia' : 'N. Virginia')
      }
      expect(opened.pageErrors).toEqual([])
      await page.context().close()
    }
  }, 120_000)
})
