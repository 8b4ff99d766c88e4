/**
 * A slow machine: with the CPU throttled four times (Chrome DevTools Protocol) on a high-density display, the
 * globe steps its pixel ratio down through its quality tiers, and the page still answers the controls.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage, waitForReady } from './chromium'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe('a slow machine', () => {
  test('with the CPU throttled 4×, the quality tiers step down and the controls still answer', async () => {
    const opened = await openPage(browser, '', { deviceScaleFactor: 2, viewport: { width: 900, height: 600 } })
    const { page } = opened
    await waitForReady(page)
    await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })
    // Frames back to back: the globe turning and a scenario playing.
    await page.evaluate(async () => {
      window.p2pglobe!.setAutoRotate(true)
      await window.p2pglobe!.runScenario({ kind: 'random', fraction: 0.05 })
    })
    await page.waitForFunction(() => window.p2pglobe!.stats().pixelRatio > 0)
    const start = await page.evaluate(() => window.p2pglobe!.stats().pixelRatio)

    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    try {
      // Slow frames for a few seconds: a tier down, at least.
      await page.waitForFunction((s) => window.p2pglobe!.stats().pixelRatio < s, start, { timeout: 60_000 })
      const lowered = await page.evaluate(() => window.p2pglobe!.stats().pixelRatio)
      expect(lowered).toBeLessThan(start)
      expect([1.5, 1, 0.75]).toContain(lowered)

      // Still interactive: the dock's controls do what they say.
      const dock = page.getByRole('navigation', { name: 'Dock' })
      await dock.getByRole('radio', { name: 'Peer-to-peer' }).click({ timeout: 30_000 })
      await page.waitForFunction(() => window.p2pglobe!.getState().network === 'p2p', undefined, { timeout: 30_000 })
      // Play or pause, whichever it offers: the clock follows.
      const playing = await page.evaluate(() => window.p2pglobe!.getState().playing)
      await dock.locator('[data-action="dock-play"]').click({ timeout: 30_000 })
      await page.waitForFunction((was) => window.p2pglobe!.getState().playing !== was, playing, { timeout: 30_000 })
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    }
    expect(opened.pageErrors).toEqual([])
    await page.context().close()
  }, 180_000)
})
