/**
 * One finger on a phone. On the demo's own page the globe turns from the first swipe (before, the first swipe did
 * nothing, and a sideways one could go to the browser, which navigated back); embedded in another page and not
 * interactive yet, the same swipe leaves the globe alone, so the visitor scrolls the host page past it; embedded
 * and interactive, one finger turns it once a tap has given it focus.
 *
 * Touches go through Chromium's input pipeline (CDP Input.dispatchTouchEvent), so the page's touch-action rules
 * decide what the browser does with them, as on a phone.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { launchBrowser } from './chromium'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

interface Pose {
  x: number
  y: number
  z: number
  turn: number
}

/** Where the globe is seen from, without the count of frames drawn (a frame may come without anything moving). */
const pose = (page: Page) =>
  page.evaluate(() => {
    const { frame: _frame, ...seen } = (
      window.p2pglobe!.stats() as unknown as { globes: { view: Pose & { frame: number } }[] }
    ).globes[0]!.view
    return seen
  })

/** Two animation frames: whatever a touch asked for has been drawn (and its pose noted). */
const frames = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))

/**
 * A phone (390 × 844, touch, mobile viewport) on `path`, with a page before it in its history, so that a swipe
 * the browser took as "back" would leave the demo. Once ready, the globe stands still: nothing but a touch can
 * turn it.
 */
async function openPhone(path: string): Promise<{ page: Page; navigations: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
  })
  const page = await context.newPage()
  await page.goto('about:blank')
  await page.goto(new URL(path, inject('baseUrl')).href)
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 60_000 })
  await page.evaluate(() => {
    window.p2pglobe!.pause()
    window.p2pglobe!.setAutoRotate(false)
  })
  await frames(page)
  const navigations: string[] = []
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations.push(f.url())
  })
  return { page, navigations }
}

/**
 * A point on the globe's stage that a finger would touch: near the middle of the stage, and on the top element
 * there that is the globe's canvas or (embedded) the button lying over it, not a panel.
 */
async function touchPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const stage = document.querySelector('.stage')!.getBoundingClientRect()
    const onStage = (el: Element | null) =>
      !!el && (el.matches('.globe canvas') || el.closest('.stage__engage') !== null)
    for (let dy = 0; dy < stage.height / 2; dy += 10) {
      for (const sign of [-1, 1]) {
        const x = stage.left + stage.width / 2
        const y = stage.top + stage.height / 2 + sign * dy
        if (onStage(document.elementFromPoint(x, y))) return { x, y }
      }
    }
    return null
  })
  expect(point, 'no point of the stage is free of panels').not.toBeNull()
  return point!
}

/** One finger, sideways across the globe: 120 CSS pixels in 12 moves. */
async function swipe(page: Page, from: { x: number; y: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const at = (dx: number) => [{ x: from.x + dx, y: from.y, id: 1, radiusX: 4, radiusY: 4, force: 1 }]
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) })
  for (let i = 1; i <= 12; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i * 10) })
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}

const samePose = (a: Pose, b: Pose) =>
  Math.abs(a.x - b.x) < 1e-6 && Math.abs(a.y - b.y) < 1e-6 && Math.abs(a.z - b.z) < 1e-6 && a.turn === b.turn

describe('one finger on a phone', () => {
  test('on the full page, the first swipe turns the globe, and the page stays', async () => {
    const { page, navigations } = await openPhone('?seed=1')
    const url = page.url()
    // Nothing has focus yet: this is the page as a visitor finds it.
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('CANVAS')
    const before = await pose(page)

    await swipe(page, await touchPoint(page))
    await expect.poll(async () => samePose(await pose(page), before), { timeout: 10_000 }).toBe(false)
    expect(page.url()).toBe(url)
    expect(navigations).toEqual([])
    await page.context().close()
  })

  test('embedded and not interactive yet, the same swipe leaves the globe alone', async () => {
    const { page, navigations } = await openPhone('?embed=1&seed=1')
    const url = page.url()
    expect(await page.locator('.stage__engage').count()).toBe(1)
    const before = await pose(page)

    await swipe(page, await touchPoint(page))
    await frames(page)
    expect(await pose(page)).toEqual(before)
    // Not engaged by a swipe either: a tap does that.
    expect(await page.locator('.stage__engage').count()).toBe(1)
    expect(page.url()).toBe(url)
    expect(navigations).toEqual([])
    await page.context().close()
  })

  test('embedded and interactive, one finger scrolls past the globe until it has focus, then turns it', async () => {
    const { page } = await openPhone('?embed=1&interactive=1&seed=1')
    expect(await page.locator('.stage__engage').count()).toBe(0)
    const point = await touchPoint(page)
    const before = await pose(page)

    await swipe(page, point)
    await frames(page)
    expect(await pose(page)).toEqual(before)

    // A tap gives the globe focus; from then on one finger turns it.
    await page.touchscreen.tap(point.x, point.y)
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('CANVAS')
    const focused = await pose(page)
    await swipe(page, point)
    await expect.poll(async () => samePose(await pose(page), focused), { timeout: 10_000 }).toBe(false)
    await page.context().close()
  })
})
