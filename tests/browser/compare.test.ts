/**
 * The compare view in the built app under its CSP, driven from the control panel as a person would: two globes
 * drawn side by side, the same failure run on both, each half's numbers those of its own network, both on one
 * chart, the difference said in a sentence that matches the numbers, linked cameras, a half switched to another
 * network, and the way back (button and Esc) to one globe with the renderer's memory where it was. Then on a phone.
 * window.p2pglobe is only read, to check what the page shows against the simulation's own numbers.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PALETTE, SWITCH_SECONDS } from '../../src/scene/constants'
import type { GlobeRenderStats, PageRenderStats } from '../../src/scene/RenderProbe'
import type { StepMetrics } from '../../src/sim/engine'
import type { NetworkKind } from '../../src/store/store'
import { describeDifference } from '../../src/ui/compare/difference'
import { formatPercent } from '../../src/ui/hud/format'
import { launchBrowser, openPage, type OpenedPage } from './chromium'
import { hexToRgb } from './pixels'
import { decodePng } from './png'
import { globeCoverage, openDrawer, openLegend, openTimeline, readyForChecks } from './stage'

let browser: Browser

/** How long a poll waits: two canvases on a shared CPU (SwiftShader) take their time. */
const SLOW = { timeout: 30_000 }

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

async function prepare(opened: OpenedPage): Promise<Page> {
  const { page } = opened
  await readyForChecks(page)
  await openDrawer(page)
  return page
}

const stats = (page: Page) => page.evaluate(() => window.p2pglobe!.stats() as PageRenderStats)
const canvases = (page: Page) => page.locator('.globe canvas').count()
const half = (side: 'left' | 'right') => `.compare__half[data-side="${side}"]`

/**
 * A network's latest metrics, read by making it the active network through the page API for a moment (the
 * halves show their own networks whatever the active one is); the centralized cloud is put back after.
 */
async function metricsOf(page: Page, kind: NetworkKind): Promise<StepMetrics> {
  return page.evaluate((k) => {
    const api = window.p2pglobe!
    api.setNetwork(k)
    const metrics = api.getState().metrics!
    api.setNetwork('centralized')
    return metrics
  }, kind)
}

/**
 * Once the cross-fade metricsOf set off is over: on leaving the comparison the page's globe shows the active
 * network again, and within the fade it would draw (and so upload) the network it switched to and back from.
 */
const afterSwitchFade = (page: Page) => page.waitForTimeout(SWITCH_SECONDS * 1000 + 200)

/** Share of a canvas's pixels that are clearly drawn (not the near-black background). */
async function drawnShare(page: Page, selector: string): Promise<number> {
  const img = decodePng(await page.locator(`${selector} .globe canvas`).screenshot({ type: 'png' }))
  let drawn = 0
  for (let i = 0; i < img.data.length; i += 4)
    if (Math.max(img.data[i]!, img.data[i + 1]!, img.data[i + 2]!) > 60) drawn++
  return drawn / (img.width * img.height)
}

/** Pixels of the chart's canvas close to a colour. */
function chartPixels(page: Page, rgb: [number, number, number]): Promise<number> {
  return page.evaluate(([r, g, b]) => {
    const chart = document.querySelector<HTMLCanvasElement>('.timeline__chart canvas')
    if (!chart) return 0
    // Read from a copy: reading the chart's own canvas again and again makes Chromium warn about readbacks.
    const copy = document.createElement('canvas')
    copy.width = chart.width
    copy.height = chart.height
    const ctx = copy.getContext('2d')!
    ctx.drawImage(chart, 0, 0)
    const data = ctx.getImageData(0, 0, copy.width, copy.height).data
    let matching = 0
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue
      if (Math.abs(data[i]! - r!) < 40 && Math.abs(data[i + 1]! - g!) < 40 && Math.abs(data[i + 2]! - b!) < 40)
        matching++
    }
    return matching
  }, rgb)
}

/** The HUD of one half against its network's metrics: the same numbers, written the same way. */
async function expectHalfShows(page: Page, side: 'left' | 'right', kind: NetworkKind): Promise<void> {
  expect(await page.locator(half(side)).getAttribute('data-network')).toBe(kind)
  const hud = page.locator(`${half(side)} .hud`)
  expect(await hud.getAttribute('data-network')).toBe(kind)
  const m = await metricsOf(page, kind)
  const value = (metric: string) => hud.locator(`[data-metric="${metric}"] .hud__value`).innerText()
  expect(await value('services')).toBe(formatPercent(m.serviceAvailability))
  expect(await value('users')).toBe(formatPercent(m.usersOnline))
  // A half's numbers are the headline two; latency and the rest are on the chart and in the single view.
  expect(await hud.locator('.hud__metric').count()).toBe(2)
}

function samePose(a: GlobeRenderStats['view'], b: GlobeRenderStats['view']): boolean {
  const close = (x: number, y: number) => Math.abs(x - y) < 1e-6
  return close(a.x, b.x) && close(a.y, b.y) && close(a.z, b.z) && close(a.turn, b.turn)
}

describe('compare', () => {
  test('two networks side by side under the same failure, with linked cameras, and back to one globe', async () => {
    const opened = await openPage(browser, '', { viewport: { width: 1440, height: 900 } })
    const page = await prepare(opened)
    const panel = page.getByRole('complementary', { name: 'Controls' })

    // The failure first, on one globe: the largest site goes down on every network; a few steps, then paused.
    await panel.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'One site down' })
    await panel.getByRole('button', { name: 'Run on every network' }).click()
    await page.waitForFunction(() => window.p2pglobe!.getState().scenario.kind === 'site')
    await panel
      .locator('[data-action="pause"]')
      .click({ timeout: 5_000 })
      .catch(() => undefined)
    await page.waitForFunction(() => !window.p2pglobe!.getState().playing)
    await page.evaluate(() => window.p2pglobe!.step(3))
    await page.waitForFunction(() => window.p2pglobe!.getState().metrics!.failedNodes > 0)

    // The renderer's memory with one globe, once it has settled.
    expect(await canvases(page)).toBe(1)
    await page.waitForTimeout(500)
    const baseline = await stats(page)
    expect(baseline.globes).toHaveLength(1)
    expect(baseline.geometries).toBeGreaterThan(0)

    // Compare: two canvases, both drawn, each in its own half, within the draw-call budget.
    const compare = panel.getByRole('button', { name: 'Compare side by side' })
    await compare.click()
    await expect.poll(() => compare.getAttribute('aria-pressed'), SLOW).toBe('true')
    await expect.poll(() => canvases(page), SLOW).toBe(2)
    await expect.poll(async () => (await stats(page)).globes.length, SLOW).toBe(2)
    await expect.poll(async () => (await stats(page)).globes.every((g) => g.drawCalls > 0), SLOW).toBe(true)
    for (const g of (await stats(page)).globes) expect(g.drawCalls).toBeLessThanOrEqual(20)
    await expect.poll(() => drawnShare(page, half('left')), SLOW).toBeGreaterThan(0.05)
    await expect.poll(() => drawnShare(page, half('right')), SLOW).toBeGreaterThan(0.05)
    const [leftBox, rightBox] = await Promise.all(
      [half('left'), half('right')].map(async (s) => (await page.locator(s).boundingBox())!),
    )
    expect(leftBox!.x + leftBox!.width).toBeLessThanOrEqual(rightBox!.x)
    // Each globe's site labels lie in its own half (the centralized cloud names its regions; the grid has none).
    const labels = await page
      .locator(`${half('left')} .site-labels`)
      .first()
      .evaluate((el) => {
        const r = el.getBoundingClientRect()
        return { left: r.left, right: r.right }
      })
    expect(labels.left).toBeGreaterThanOrEqual(leftBox!.x - 1)
    expect(labels.right).toBeLessThanOrEqual(leftBox!.x + leftBox!.width + 1)
    expect(await page.locator(`${half('right')} .site-labels`).count()).toBe(0)
    // Both halves are clear of the panels around them: the drawer, and the timeline and the legend once open.
    await openTimeline(page)
    await openLegend(page)
    // The halves make room once the panels have been measured (a frame or more after they open): wait for it.
    const overlaps = async () => {
      const halves = await Promise.all(
        [half('left'), half('right')].map(async (s) => (await page.locator(s).boundingBox())!),
      )
      const found: string[] = []
      for (const panel of ['.legend', '.timeline', '.controls', '.dock']) {
        const p = (await page.locator(panel).boundingBox())!
        for (const b of halves) {
          const apart =
            b.x + b.width <= p.x + 1 ||
            p.x + p.width <= b.x + 1 ||
            b.y + b.height <= p.y + 1 ||
            p.y + p.height <= b.y + 1
          if (!apart) found.push(`${panel} ${JSON.stringify(p)} and a half ${JSON.stringify(b)}`)
        }
      }
      return found
    }
    await expect.poll(overlaps, SLOW).toEqual([])
    // The single HUD gives way to one per half.
    expect(await page.locator('.hud:not(.hud--compact)').count()).toBe(0)
    // The two globes get the same room: the same size, and nothing over either.
    await expect
      .poll(async () => {
        const [l, r] = await globeCoverage(page)
        return Math.abs(l!.disc.r - r!.disc.r) < 1 && l!.share <= 0.1 && r!.share <= 0.1
      }, SLOW)
      .toBe(true)

    // One step more, from the panel: each half shows its own network's numbers.
    const before = (await page.evaluate(() => window.p2pglobe!.getState().metrics!.t)) as number
    await panel.locator('[data-action="step"]').click()
    await page.waitForFunction((t) => window.p2pglobe!.getState().metrics!.t > t, before)
    await page.evaluate(() => window.p2pglobe!.step(0))
    await expectHalfShows(page, 'left', 'centralized')
    await expectHalfShows(page, 'right', 'p2p')

    // The difference in one sentence, from the same numbers.
    const central = await metricsOf(page, 'centralized')
    const p2p = await metricsOf(page, 'p2p')
    const sentence = describeDifference({ kind: 'centralized', metrics: central }, { kind: 'p2p', metrics: p2p }, true)
    expect(central.serviceAvailability).toBeLessThan(p2p.serviceAvailability!)
    expect(await page.locator('.compare__difference').innerText()).toBe(sentence)
    expect(sentence).toContain(`the peer-to-peer grid keeps ${formatPercent(p2p.serviceAvailability)}`)
    expect(sentence).toContain(`the centralized cloud ${formatPercent(central.serviceAvailability)}`)

    // Both networks on one chart: named in its legend, drawn in their colours.
    const key = await page.locator('.timeline__key').innerText()
    expect(key).toContain('Services available, Centralized cloud')
    expect(key).toContain('Services available, Peer-to-peer grid')
    await expect.poll(() => chartPixels(page, hexToRgb(PALETTE.centralized.node)), SLOW).toBeGreaterThan(100)
    await expect.poll(() => chartPixels(page, hexToRgb(PALETTE.p2p.node)), SLOW).toBeGreaterThan(100)
    expect(await page.locator('.timeline__chart').getAttribute('aria-label')).toMatch(
      /Centralized cloud: services available .*; Peer-to-peer grid: services available/,
    )

    // Dragging the left globe turns the right one with it.
    const ready = await stats(page)
    const start = ready.globes[1]!.view
    const canvas = (await page.locator(`${half('left')} .globe canvas`).boundingBox())!
    const cx = canvas.x + canvas.width / 2
    const cy = canvas.y + canvas.height / 2
    await page.mouse.move(cx, cy)
    await page.mouse.down()
    await page.mouse.move(cx + 120, cy + 30, { steps: 8 })
    await page.mouse.up()
    await expect
      .poll(async () => {
        const [l, r] = (await stats(page)).globes
        return !samePose(r!.view, start) && samePose(l!.view, r!.view)
      }, SLOW)
      .toBe(true)

    // A half switched to another network: its numbers follow, and the other picker no longer offers it.
    await page.locator(`${half('right')} .compare__select`).selectOption('decentralized')
    await expect.poll(() => page.locator(half('right')).getAttribute('data-network'), SLOW).toBe('decentralized')
    await expectHalfShows(page, 'right', 'decentralized')
    const leftChoices = await page
      .locator(`${half('left')} .compare__select option`)
      .evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value))
    expect(leftChoices).toContain('centralized')
    expect(leftChoices).not.toContain('decentralized')
    expect(await page.locator('.timeline__key').innerText()).toContain('Services available, Multi-region cloud')
    const decentralized = await metricsOf(page, 'decentralized')
    expect(await page.locator('.compare__difference').innerText()).toBe(
      describeDifference(
        { kind: 'centralized', metrics: central },
        { kind: 'decentralized', metrics: decentralized },
        true,
      ),
    )
    for (const g of (await stats(page)).globes) expect(g.drawCalls).toBeLessThanOrEqual(20)

    // Leaving by the button: one canvas again, the single HUD back, the memory where it was.
    await afterSwitchFade(page)
    await page.getByRole('button', { name: 'Leave compare' }).click()
    await expect.poll(() => canvases(page), SLOW).toBe(1)
    expect(await compare.getAttribute('aria-pressed')).toBe('false')
    expect(await page.locator('.hud:not(.hud--compact)').count()).toBe(1)
    await expect
      .poll(async () => {
        const s = await stats(page)
        return [s.globes.length, s.geometries, s.textures]
      }, SLOW)
      .toEqual([1, baseline.geometries, baseline.textures])
    expect((await stats(page)).drawCalls).toBeLessThanOrEqual(20)

    // And by Esc, after opening it again.
    await compare.click()
    await expect.poll(() => canvases(page), SLOW).toBe(2)
    await page.locator('.compare__difference').click()
    await page.keyboard.press('Escape')
    await expect.poll(() => canvases(page), SLOW).toBe(1)
    await expect
      .poll(async () => {
        const s = await stats(page)
        return [s.globes.length, s.geometries, s.textures]
      }, SLOW)
      .toEqual([1, baseline.geometries, baseline.textures])

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  }, 300_000)

  test('on a phone the halves stand one above the other, alike, readable, clear of the dock at the bottom', async () => {
    const opened = await openPage(browser, '', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    const page = await prepare(opened)
    const compare = page.getByRole('button', { name: 'Compare side by side' })
    await compare.scrollIntoViewIfNeeded()
    await compare.click()
    await page.locator('.controls__toggle').click()
    await expect.poll(() => canvases(page), SLOW).toBe(2)

    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!
    const top = await box(half('left'))
    const bottom = await box(half('right'))
    expect(top.y + top.height).toBeLessThanOrEqual(bottom.y)
    expect(top.width).toBeGreaterThan(350)
    expect(Math.abs(top.height - bottom.height)).toBeLessThan(2)
    // Clear of the dock, which stands at the bottom of the page.
    const dock = await box('.dock')
    expect(bottom.y + bottom.height).toBeLessThanOrEqual(dock.y + 1)
    // The numbers of each half do not run into each other, and are readable.
    for (const side of ['left', 'right'] as const) {
      const tiles = await page.locator(`${half(side)} .hud__metric`).evaluateAll((els) =>
        els
          .filter((el) => getComputedStyle(el).display !== 'none')
          .map((el) => {
            const r = el.getBoundingClientRect()
            const label = el.querySelector('.hud__label')!
            return { left: r.left, right: r.right, scroll: label.scrollWidth, client: label.clientWidth }
          }),
      )
      expect(tiles.length).toBe(2)
      for (let i = 1; i < tiles.length; i++) expect(tiles[i]!.left).toBeGreaterThanOrEqual(tiles[i - 1]!.right)
      for (const t of tiles) expect(t.scroll).toBeLessThanOrEqual(t.client + 1)
    }
    const sentenceSize = await page
      .locator('.compare__difference')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))
    expect(sentenceSize).toBeGreaterThanOrEqual(14)
    await expect.poll(() => drawnShare(page, half('right')), SLOW).toBeGreaterThan(0.05)
    const leave = page.getByRole('button', { name: 'Leave compare' })
    expect((await leave.boundingBox())!.height).toBeGreaterThanOrEqual(44)
    await leave.click()
    await expect.poll(() => canvases(page), SLOW).toBe(1)

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  }, 180_000)
})
