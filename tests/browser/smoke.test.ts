import { mkdirSync, writeFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { RenderStats } from '../../src/embed/pageApi'
import type { PageRenderStats } from '../../src/scene/RenderProbe'
import { BACKGROUND_COLOR } from '../../src/scene/constants'
import { launchBrowser, openPage, waitForReady, type OpenedPage } from './chromium'
import { census, hexToRgb, share } from './pixels'
import { decodePng } from './png'

const SCREENSHOT = new URL('../../test-results/smoke.png', import.meta.url)

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** Every request stays on the page's origin; data: and blob: URLs are fine. */
function foreignRequests(opened: OpenedPage): string[] {
  return opened.requests.filter((u) => {
    const url = new URL(u)
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false
    return url.origin !== opened.url.origin
  })
}

describe('smoke', () => {
  test('the page loads and draws the globe with its land', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await waitForReady(page)

    expect(await page.title()).toBe('p2p-globe')
    // Served under a strict CSP (tests/browser/global-setup.ts): any inline script or style would be refused and
    // reported as a console error, which the checks below catch.
    expect(opened.headers['content-security-policy']).toMatch(/script-src 'self'; style-src 'self'/)
    expect(await page.evaluate(() => document.documentElement.dataset.ready)).toBe('1')

    // The canvas shows a globe: a dark ocean with land dots, not a blank or background-only canvas.
    const canvas = page.locator('.globe canvas')
    const png = await canvas.screenshot({ type: 'png' })
    mkdirSync(new URL('.', SCREENSHOT), { recursive: true })
    writeFileSync(SCREENSHOT, png)
    const img = decodePng(png)
    expect(img.width).toBeGreaterThan(200)
    const bg = hexToRgb(BACKGROUND_COLOR)
    const all = census(img, bg)
    // The globe and its halo cover a good part of the canvas.
    expect(1 - share(all, 'background')).toBeGreaterThan(0.2)
    // In the middle of the globe (centred in the room the page's chrome leaves, not in the canvas): land dots and
    // ocean between them, both in quantity.
    const box = (await canvas.boundingBox())!
    const disc = await page.evaluate(() => (window.p2pglobe!.stats() as PageRenderStats).globes[0]!.view.disc)
    expect(disc.r).toBeGreaterThan(Math.min(box.width, box.height) * 0.3)
    const middle = census(img, bg, { cx: disc.x - box.x, cy: disc.y - box.y, r: disc.r * 0.5 })
    expect(share(middle, 'background')).toBeLessThan(0.02)
    expect(share(middle, 'land')).toBeGreaterThan(0.04)
    expect(share(middle, 'ocean')).toBeGreaterThan(0.25)

    // The event fired exactly once (give a few more frames the chance to fire it again).
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    expect(await page.evaluate(() => window.__p2pglobeReadyCount)).toBe(1)

    const api = await page.evaluate((): { version: string; stats: RenderStats } | null => {
      const p = window.p2pglobe
      return p ? { version: p.version, stats: p.stats() } : null
    })
    expect(api).not.toBeNull()
    expect(api!.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(api!.stats.drawCalls).toBeGreaterThan(0)
    expect(api!.stats.drawCalls).toBeLessThanOrEqual(20)
    expect(api!.stats.triangles).toBeGreaterThan(0)
    expect(api!.stats.programs).toBeGreaterThan(0)
    expect(api!.stats.frameTimesMs.length).toBeGreaterThan(0)

    // The simulation runs in a Web Worker, off the page's main thread.
    await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready')
    expect(await page.evaluate(() => window.p2pglobe!.getState().backend)).toBe('worker')

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    expect(foreignRequests(opened)).toEqual([])
    expect(opened.requests.length).toBeGreaterThan(0)
    await page.context().close()
  })

  test('without WebGL the page explains itself instead of going blank', async () => {
    // Take WebGL away before the app runs: every WebGL context request fails, as in a browser without it.
    const opened = await openPage(browser, '', {
      initScript: `
        const getContext = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          return /webgl/i.test(String(type)) ? null : getContext.call(this, type, ...rest);
        };
      `,
    })
    const { page } = opened
    const fallback = page.locator('[data-fallback="no-webgl"]')
    await fallback.waitFor({ state: 'visible', timeout: 15_000 })
    expect(await fallback.textContent()).toMatch(/WebGL/)
    expect(await fallback.textContent()).toMatch(/centralized cloud.*multi-region cloud.*peer-to-peer grid/s)
    // A still picture of the globe, loaded from the page's own origin.
    const still = fallback.locator('img')
    await expect
      .poll(() => still.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0)
    expect(await still.getAttribute('alt')).toMatch(/still/i)
    // No globe is drawn (the chart of the numbers, a 2D canvas, still is).
    expect(await page.locator('.stage canvas').count()).toBe(0)
    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    expect(foreignRequests(opened)).toEqual([])
    await page.context().close()
  })

  test('when the renderer cannot start, the error boundary shows the fallback', async () => {
    // The app's WebGL probe gets its context; three.js's own request then fails, as on a lost or refused GPU.
    const opened = await openPage(browser, '', {
      initScript: `
        const getContext = HTMLCanvasElement.prototype.getContext;
        let webglCalls = 0;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          if (/webgl/i.test(String(type)) && ++webglCalls > 1) return null;
          return getContext.call(this, type, ...rest);
        };
      `,
    })
    const { page } = opened
    const fallback = page.locator('[data-fallback="error"]')
    await fallback.waitFor({ state: 'visible', timeout: 30_000 })
    expect(await fallback.textContent()).toMatch(/WebGL/)
    // The failure is reported (React logs what the boundary caught), but nothing escapes as an uncaught error.
    expect(opened.pageErrors).toEqual([])
    expect(foreignRequests(opened)).toEqual([])
    await page.context().close()
  })
})
