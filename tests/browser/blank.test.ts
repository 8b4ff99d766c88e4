/**
 * The globe's canvas must never be left blank while the page around it (the site labels) still shows. Resizing a
 * WebGL canvas, or changing its pixel ratio, clears its drawing buffer, and with frames drawn on demand nothing
 * else may ask for the next one: whoever resizes must see that a frame follows.
 *
 * The reported blank came from the adaptive pixel ratio: it changes tier at the end of a frame (fiber's
 * after-effects), and on the last frame of a burst fiber's loop then stops without drawing the frame the resize
 * asked for. Reproduced here on a fake clock, so that it happens on purpose rather than by chance: the page's
 * timers and animation frames run only when the test moves time on, and every burst is two frames long, 100 ms
 * apart (slow frames, to the governor), so the step down lands on the last frame of one.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { SCENE_THEMES } from '../../src/scene/constants'
import { launchBrowser } from './chromium'
import { census, hexToRgb, share } from './pixels'
import { decodePng } from './png'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

const OVERLAYS = '.site-labels, .legend, .rail, .dock, .timeline, .controls, .notices'
const BACKGROUND = hexToRgb(SCENE_THEMES.dark.background)

/** The page on a fake clock that stands still once the globe has drawn its first frame. */
async function openStill(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 900, height: 600 },
    deviceScaleFactor: 1,
    reducedMotion: 'no-preference',
  })
  const page = await context.newPage()
  // Installed before the page's own code: its timers, frames and clocks are the fake ones from the start. Time
  // flows as usual until pauseAt.
  await page.clock.install()
  await page.goto(new URL('?seed=1', inject('baseUrl')).href)
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 60_000 })
  await page.evaluate(() => {
    window.p2pglobe!.pause()
    window.p2pglobe!.setAutoRotate(false)
  })
  // Let the frames in hand finish, then stop time: from here on, nothing is drawn unless time moves on.
  await page.clock.runFor(500)
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000)
  // The canvas alone in the pictures: the labels and panels are DOM, and would show whatever the canvas does.
  await page.evaluate((overlays) => {
    for (const el of document.querySelectorAll<HTMLElement>(overlays)) el.style.display = 'none'
  }, OVERLAYS)
  return page
}

async function globeCensus(page: Page) {
  const png = await page.locator('.globe canvas').screenshot({ type: 'png' })
  return census(decodePng(png), BACKGROUND)
}

/** Moves the page's time on by a few frames' worth, one frame at a time: whatever was asked for is drawn. */
async function letFramesCome(page: Page): Promise<void> {
  for (let i = 0; i < 5; i++) await page.clock.fastForward(100)
}

const canvasWidth = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLCanvasElement>('.globe canvas')!.width)

describe('the canvas is never left blank', () => {
  test('after the adaptive pixel ratio steps down on the last frame of a burst, with no input after it', async () => {
    const page = await openStill()
    const before = await globeCensus(page)
    // The globe is there to begin with: its dark ocean fills a good part of the canvas, its land dots some of it.
    expect(share(before, 'ocean')).toBeGreaterThan(0.1)
    expect(share(before, 'land')).toBeGreaterThan(0.01)

    // Bursts of two frames: one asked for by switching the auto-rotation on (which asks for the next), the next
    // one drawn with it off again, asking for none. fastForward draws one frame per call, 100 ms after the last.
    const width = await canvasWidth(page)
    let bursts = 0
    while ((await canvasWidth(page)) === width && bursts < 100) {
      await page.evaluate(() => window.p2pglobe!.setAutoRotate(true))
      await page.clock.fastForward(100)
      await page.evaluate(() => window.p2pglobe!.setAutoRotate(false))
      await page.clock.fastForward(100)
      bursts++
    }
    // Slow frames for two seconds: one tier down (1 to 0.75 on this display).
    expect(await canvasWidth(page)).toBe(Math.round(width * 0.75))

    await letFramesCome(page)
    const after = await globeCensus(page)
    expect(share(after, 'ocean'), `after ${bursts} bursts: ${JSON.stringify(after)}`).toBeGreaterThan(
      share(before, 'ocean') * 0.5,
    )
    expect(share(after, 'land')).toBeGreaterThan(share(before, 'land') * 0.5)
    await page.context().close()
  }, 120_000)

  test('after the window is resized and after the pixel ratio is fixed, with nothing turning', async () => {
    const page = await openStill()
    const before = await globeCensus(page)
    expect(share(before, 'ocean')).toBeGreaterThan(0.1)

    await page.setViewportSize({ width: 700, height: 600 })
    await expect.poll(() => canvasWidth(page)).toBe(700)
    await letFramesCome(page)
    const resized = await globeCensus(page)
    expect(share(resized, 'ocean'), JSON.stringify(resized)).toBeGreaterThan(share(before, 'ocean') * 0.5)
    expect(share(resized, 'land')).toBeGreaterThan(share(before, 'land') * 0.5)

    await page.evaluate(() => window.p2pglobe!.setPixelRatio(1.5))
    await expect.poll(() => canvasWidth(page)).toBe(1050)
    await letFramesCome(page)
    const sharper = await globeCensus(page)
    expect(share(sharper, 'ocean'), JSON.stringify(sharper)).toBeGreaterThan(share(before, 'ocean') * 0.5)
    expect(share(sharper, 'land')).toBeGreaterThan(share(before, 'land') * 0.5)
    await page.context().close()
  }, 120_000)
})
