/**
 * The globe scene in the built app: each network looks as its committed reference picture does (fixed seed,
 * paused clock, fixed view and pixel ratio), a failure visibly changes its site, and the renderer's draw calls,
 * geometries and textures stay bounded however often the viewer switches networks.
 *
 * Reference pictures live in tests/browser/references/. After a deliberate visual change, regenerate them with
 * `UPDATE_REFERENCES=1 npm run test:browser`, look at them, and commit them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { RenderStats } from '../../src/embed/pageApi'
import type { NetworkKind } from '../../src/store/store'
import { launchBrowser, type OpenedPage } from './chromium'
import { decodePng, type Image } from './png'
import { openStill } from './stage'

const REFERENCES = new URL('./references/', import.meta.url)
const RESULTS = new URL('../../test-results/', import.meta.url)
const UPDATE = process.env.UPDATE_REFERENCES === '1'
/** The view the pictures are taken from: Europe and Africa, a little north of the equator. */
const VIEW = { lat: 25, lon: 10 }
/** Long enough for a network cross-fade (1 s) and a failure's colour change to finish. */
const SETTLE_MS = 1600

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** The globe alone and still at the fixed view (stage.ts), after a moment for the jump to be drawn. */
async function openScene(): Promise<OpenedPage> {
  const opened = await openStill(browser, VIEW)
  await opened.page.waitForTimeout(300)
  return opened
}

/** Two animation frames: whatever was asked for has been drawn. */
function frames(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
}

const OVERLAYS = '.site-labels, .legend, .rail, .dock, .timeline, .controls'

/**
 * A picture of the globe's canvas alone: the DOM overlays (labels, legend, heading, numbers, timeline, controls,
 * with their fonts) are hidden first.
 */
async function shoot(page: Page): Promise<Buffer> {
  await page.evaluate((overlays) => {
    for (const el of document.querySelectorAll<HTMLElement>(overlays)) el.style.display = 'none'
  }, OVERLAYS)
  await frames(page)
  const png = await page.locator('.globe canvas').screenshot({ type: 'png' })
  await page.evaluate((overlays) => {
    for (const el of document.querySelectorAll<HTMLElement>(overlays)) el.style.display = ''
  }, OVERLAYS)
  return png
}

function stats(page: Page): Promise<RenderStats> {
  return page.evaluate(() => window.p2pglobe!.stats())
}

/** Share of pixels whose colour differs by more than `threshold` in any channel, within an optional disc. */
function differing(a: Image, b: Image, threshold = 40, disc?: { cx: number; cy: number; r: number }): number {
  expect(a.width).toBe(b.width)
  expect(a.height).toBe(b.height)
  let total = 0
  let diff = 0
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      if (disc && (x - disc.cx) ** 2 + (y - disc.cy) ** 2 > disc.r ** 2) continue
      const i = (y * a.width + x) * 4
      total++
      const d = Math.max(
        Math.abs(a.data[i]! - b.data[i]!),
        Math.abs(a.data[i + 1]! - b.data[i + 1]!),
        Math.abs(a.data[i + 2]! - b.data[i + 2]!),
      )
      if (d > threshold) diff++
    }
  }
  return total ? diff / total : 0
}

/** How much redder than green and blue a disc of the image is on average (failures are vermillion, #ff5a14). */
function redness(img: Image, disc: { cx: number; cy: number; r: number }): number {
  let sum = 0
  let n = 0
  for (let y = Math.max(0, Math.floor(disc.cy - disc.r)); y < Math.min(img.height, disc.cy + disc.r); y++) {
    for (let x = Math.max(0, Math.floor(disc.cx - disc.r)); x < Math.min(img.width, disc.cx + disc.r); x++) {
      if ((x - disc.cx) ** 2 + (y - disc.cy) ** 2 > disc.r ** 2) continue
      const i = (y * img.width + x) * 4
      sum += img.data[i]! - Math.max(img.data[i + 1]!, img.data[i + 2]!)
      n++
    }
  }
  return n ? sum / n : 0
}

describe('the globe scene', () => {
  test('each network matches its reference picture (fixed seed, paused clock)', async () => {
    const opened = await openScene()
    const { page } = opened
    mkdirSync(RESULTS, { recursive: true })
    for (const kind of ['centralized', 'decentralized', 'p2p'] as NetworkKind[]) {
      await page.evaluate((k) => window.p2pglobe!.setNetwork(k), kind)
      await page.waitForTimeout(SETTLE_MS)
      const png = await shoot(page)
      writeFileSync(new URL(`scene-${kind}.png`, RESULTS), png)
      const reference = new URL(`${kind}.png`, REFERENCES)
      if (UPDATE) {
        mkdirSync(REFERENCES, { recursive: true })
        writeFileSync(reference, png)
        continue
      }
      expect(
        existsSync(reference),
        `no reference picture ${reference.pathname}: run UPDATE_REFERENCES=1 npm run test:browser`,
      ).toBe(true)
      const share = differing(decodePng(png), decodePng(readFileSync(reference)))
      // Rasterisers differ a little between Chromium versions: a few percent of pixels may move, not the picture.
      expect(
        share,
        `${kind}: ${(share * 100).toFixed(2)}% of pixels differ from the reference (test-results/scene-${kind}.png)`,
      ).toBeLessThan(0.03)
    }
    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })

  test('a failure changes the pixels at its site, to vermillion', async () => {
    const opened = await openScene()
    const { page } = opened
    const ashburn = { lat: 39.04, lon: -77.49 }
    await page.evaluate((p) => window.p2pglobe!.lookAt(p.lat, p.lon, { instant: true }), ashburn)
    await page.waitForTimeout(SETTLE_MS)
    const before = decodePng(await shoot(page))
    await page.evaluate(async (p) => {
      const api = window.p2pglobe!
      await api.runScenario({ kind: 'region', lat: p.lat, lon: p.lon, radiusKm: 400 })
      api.pause()
      await api.step(1)
    }, ashburn)
    await page.waitForTimeout(SETTLE_MS)
    const after = decodePng(await shoot(page))
    // The site faces the viewer: it is in the middle of the canvas.
    const site = { cx: after.width / 2, cy: after.height / 2, r: Math.min(after.width, after.height) * 0.08 }
    const far = { cx: after.width / 2, cy: after.height * 0.9, r: Math.min(after.width, after.height) * 0.05 }
    expect(differing(before, after, 40, site)).toBeGreaterThan(0.1)
    expect(redness(after, site)).toBeGreaterThan(redness(before, site) + 15)
    // The whole picture did not just change colour: most pixels far from the site stay as they were.
    expect(differing(before, after, 40, far)).toBeLessThan(0.5)
    expect(opened.pageErrors).toEqual([])
    await page.context().close()
  })

  test('draw calls stay at most 20 while switching networks, and nothing is left behind', async () => {
    const opened = await openScene()
    const { page } = opened
    // A network's buffers reach the GPU the first time it is drawn: the baseline is after each was shown once.
    for (const kind of ['p2p', 'decentralized', 'centralized'] as NetworkKind[]) {
      await page.evaluate((k) => window.p2pglobe!.setNetwork(k), kind)
      await page.waitForTimeout(SETTLE_MS)
    }
    const start = await stats(page)
    let most = start.drawCalls
    const order: NetworkKind[] = [
      'p2p',
      'decentralized',
      'centralized',
      'p2p',
      'centralized',
      'decentralized',
      'p2p',
      'decentralized',
      'p2p',
      'centralized',
    ]
    for (const kind of order) {
      await page.evaluate((k) => window.p2pglobe!.setNetwork(k), kind)
      // Sample through the cross-fade, when two networks are drawn at once.
      for (let i = 0; i < 4; i++) {
        await page.waitForTimeout(150)
        most = Math.max(most, (await stats(page)).drawCalls)
      }
    }
    await page.waitForTimeout(SETTLE_MS)
    const end = await stats(page)
    expect(most).toBeLessThanOrEqual(20)
    expect(end.drawCalls).toBeLessThanOrEqual(20)
    expect(end.geometries).toBe(start.geometries)
    expect(end.textures).toBe(start.textures)
    expect(opened.pageErrors).toEqual([])
    await page.context().close()
  })

  test('a 10,000-node network during a cascade is drawn in at most 20 draw calls', async () => {
    const opened = await openScene()
    const { page } = opened
    await page.evaluate(async () => {
      const api = window.p2pglobe!
      await api.configure({ kind: 'p2p', nodes: 10_000 })
      api.setNetwork('p2p')
      await api.runScenario({ kind: 'cascade', alpha: 0.05, trigger: 'load' })
      api.pause()
      await api.step(3)
    })
    await page.waitForTimeout(SETTLE_MS)
    const s = await stats(page)
    expect(s.drawCalls).toBeGreaterThan(5)
    expect(s.drawCalls).toBeLessThanOrEqual(20)
    const state = await page.evaluate(() => window.p2pglobe!.getState())
    expect(state.metrics!.failedNodes).toBeGreaterThan(1)
    expect(opened.pageErrors).toEqual([])
    await page.context().close()
  })
})
