/**
 * When WebGL fails: without it, the fallback explains the demo and the live numbers still show (the simulation
 * does not need WebGL); with a context lost on purpose (WEBGL_lose_context), the globe is back within a second.
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

describe('WebGL trouble', () => {
  test('without WebGL, the fallback and the key numbers show, and a scenario still runs', async () => {
    const opened = await openPage(browser, '', {
      initScript: `
        const getContext = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          return /webgl/i.test(String(type)) ? null : getContext.call(this, type, ...rest);
        };
      `,
    })
    const { page } = opened
    await page.locator('[data-fallback="no-webgl"]').waitFor({ state: 'visible', timeout: 15_000 })
    await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })
    const hud = page.locator('.hud').first()
    await expect.poll(() => hud.isVisible()).toBe(true)
    await expect.poll(() => hud.textContent()).toMatch(/Users online\s*100%/i)
    await page.evaluate(async () => {
      await window.p2pglobe!.runScenario({ kind: 'site', at: 'ashburn' })
      window.p2pglobe!.pause()
      await window.p2pglobe!.step(2)
    })
    const services = (await page.evaluate(() => window.p2pglobe!.getState().metrics!.serviceAvailability))!
    expect(services).toBeLessThan(1)
    // The HUD says the same as the simulation, to the whole percent.
    await expect.poll(() => hud.textContent()).toContain(`${Math.round(services * 100)}%`)
    expect(opened.pageErrors).toEqual([])
    await page.context().close()
  })

  test('a lost WebGL context is recovered within a second, and the globe drawn again', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await waitForReady(page)
    await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })
    await page.evaluate(() => window.p2pglobe!.setAutoRotate(false))
    const geometries = await page.evaluate(() => window.p2pglobe!.stats().geometries)
    expect(geometries).toBeGreaterThan(0)

    // Lose the context on purpose, and let the browser give it back at once.
    const recoveredInMs = await page.evaluate(async () => {
      const canvas = document.querySelector<HTMLCanvasElement>('.globe canvas')!
      const gl = canvas.getContext('webgl2')!
      const ext = gl.getExtension('WEBGL_lose_context')!
      const lost = new Promise((r) => canvas.addEventListener('webglcontextlost', r, { once: true }))
      ext.loseContext()
      await lost
      // The browser decides whether the context may come back once the event has been dispatched to the end.
      await new Promise((r) => setTimeout(r, 0))
      const t0 = performance.now()
      const restored = new Promise((r) => canvas.addEventListener('webglcontextrestored', r, { once: true }))
      ext.restoreContext()
      await restored
      // Recovered: a frame drawn with the whole scene on the new context.
      const before = window.p2pglobe!.stats().frameTimesMs.length
      window.p2pglobe!.lookAt(20, 0, { instant: true })
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r))
        const s = window.p2pglobe!.stats()
        if (s.drawCalls > 0 && s.frameTimesMs.length !== before) break
        if (performance.now() - t0 > 5000) break
      }
      return performance.now() - t0
    })
    expect(recoveredInMs).toBeLessThan(1000)
    const after = await page.evaluate(() => window.p2pglobe!.stats())
    expect(after.drawCalls).toBeGreaterThan(0)
    expect(after.geometries).toBeGreaterThan(0)
    // The canvas is shown again, not left hidden.
    expect(await page.locator('.globe').evaluate((el) => getComputedStyle(el.parentElement ?? el).opacity)).toBe('1')
    expect(opened.pageErrors).toEqual([])
    await page.context().close()
  })
})
