/**
 * prefers-reduced-motion is honoured: the globe does not turn by itself, a scenario's place is shown by a cut
 * rather than a camera flight, and nothing keeps drawing frames once it is shown.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage, waitForReady } from './chromium'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** Where the globe is seen from (the camera, the Earth's turn, the disc), without the count of frames drawn. */
const view = (page: Page) =>
  page.evaluate(() => {
    const { frame: _frame, ...pose } = (
      window.p2pglobe!.stats() as unknown as { globes: { view: { frame: number } }[] }
    ).globes[0]!.view
    return pose
  })

describe('reduced motion', () => {
  test('no auto-rotation, no flight: the camera cuts to the place and the picture stands still', async () => {
    const opened = await openPage(browser, '', { reducedMotion: 'reduce', viewport: { width: 900, height: 600 } })
    const { page } = opened
    await waitForReady(page)
    await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })

    // Left alone, nothing turns.
    const first = await view(page)
    await page.waitForTimeout(2500)
    expect(await view(page)).toEqual(first)

    // A failure on the far side: the view changes at once, and then does not move on.
    await page.evaluate(async () => {
      await window.p2pglobe!.runScenario({ kind: 'region', lat: -33.9, lon: 151.2, radiusKm: 800 })
      window.p2pglobe!.pause()
    })
    await page.waitForFunction((v) => {
      const { frame: _frame, ...now } = (
        window.p2pglobe!.stats() as unknown as { globes: { view: { frame: number } }[] }
      ).globes[0]!.view
      return JSON.stringify(now) !== JSON.stringify(v)
    }, first)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    const cut = await view(page)
    await page.waitForTimeout(1000)
    expect(await view(page)).toEqual(cut)
    // And no frame is drawn while nothing changes.
    const frames = await page.evaluate(() => window.p2pglobe!.stats().frameTimesMs.join())
    await page.waitForTimeout(1000)
    expect(await page.evaluate(() => window.p2pglobe!.stats().frameTimesMs.join())).toBe(frames)
    expect(opened.pageErrors).toEqual([])
    await page.context().close()
  })
})
