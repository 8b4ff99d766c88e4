/**
 * The single-file build (`npm run build:single`): one HTML file that works opened straight from disk (file://),
 * for a laptop with no network. Built here, opened from its file, and checked for a drawn globe and a working
 * simulation (in the page: a page opened from disk cannot start a worker from a file).
 */
import { existsSync, statSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { BACKGROUND_COLOR } from '../../src/scene/constants'
import type { PageRenderStats } from '../../src/scene/RenderProbe'
import { launchBrowser } from './chromium'
import { census, hexToRgb, share } from './pixels'
import { decodePng } from './png'

const root = fileURLToPath(new URL('../..', import.meta.url))
const file = fileURLToPath(new URL('../../dist-single/index.html', import.meta.url))

let browser: Browser

beforeAll(async () => {
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ root, mode: 'single', logLevel: 'warn' })
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  await browser?.close()
})

describe('the single-file build', () => {
  test('is one HTML file that opens from disk and draws the globe', async () => {
    expect(existsSync(file)).toBe(true)
    // Everything is inside it: no script or style file beside it.
    expect(statSync(file).size).toBeGreaterThan(500_000)
    const page = await browser.newPage({ viewport: { width: 960, height: 600 } })
    const errors: string[] = []
    const requests: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('request', (r) => requests.push(r.url()))
    await page.goto(pathToFileURL(file).href)
    await page.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 60_000 })
    await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })
    expect(await page.evaluate(() => window.p2pglobe!.getState().backend)).toBe('page')

    // The simulation runs: a failure changes the numbers.
    await page.evaluate(async () => {
      const api = window.p2pglobe!
      await api.runScenario({ kind: 'site', at: { lat: 39.04, lon: -77.49 } })
      api.pause()
      await api.step(1)
    })
    const metrics = await page.evaluate(() => window.p2pglobe!.getState().metrics!)
    expect(metrics.serviceAvailability).toBeLessThan(0.8)

    // The middle of the globe: centred in the room the page's chrome leaves, not in the canvas.
    const canvas = page.locator('.globe canvas').first()
    const box = (await canvas.boundingBox())!
    const disc = await page.evaluate(() => (window.p2pglobe!.stats() as PageRenderStats).globes[0]!.view.disc)
    const img = decodePng(await canvas.screenshot({ type: 'png' }))
    const c = census(img, hexToRgb(BACKGROUND_COLOR), { cx: disc.x - box.x, cy: disc.y - box.y, r: disc.r * 0.5 })
    expect(share(c, 'background')).toBeLessThan(0.05)
    expect(share(c, 'land') + share(c, 'other')).toBeGreaterThan(0.05)

    // Nothing but the file itself (and data: or blob: URLs, and its favicon beside it) is asked for.
    const outside = requests.filter(
      (u) =>
        !u.startsWith('data:') && !u.startsWith('blob:') && !u.endsWith('/index.html') && !u.endsWith('/favicon.svg'),
    )
    expect(outside).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })
})
