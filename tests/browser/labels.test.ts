/**
 * The site labels and the legend, in the built app under its CSP: real metro names where the sites face the
 * viewer, never on top of each other nor under the page's chrome, none on the far side or for the peer-to-peer
 * grid, red when their site fails; the legend opens on demand, follows the network on screen and closes again.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { METROS } from '../../src/sim/regions'
import type { NetworkKind } from '../../src/store/store'
import { launchBrowser, openPage, waitForReady, type OpenedPage } from './chromium'
import { chromeBoxes, openDrawer, openLegend } from './stage'

/** The cross-fade between networks takes a second, a flight to a failure 1.5 s; labels make way in a quarter. */
const SETTLE_MS = 1800

/** Reads until the condition holds (a busy machine draws slowly), then lets animations finish. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 20_000): Promise<T> {
  const end = Date.now() + timeout
  for (;;) {
    const value = await read()
    if (ok(value)) return value
    if (Date.now() > end)
      throw new Error(`condition not met within ${timeout} ms: ${JSON.stringify(value).slice(0, 400)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

const shownFor = (network: string) => (labels: LabelInfo[]) => labels.filter((l) => l.visible && l.network === network)

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

interface LabelInfo {
  network: string
  name: string
  visible: boolean
  down: boolean
  stateShown: boolean
  stateText: string
  rect: { left: number; top: number; right: number; bottom: number }
}

/** Every site label in the page, with whether a viewer sees it (its layer shown, itself visible and not transparent). */
function readLabels(page: Page): Promise<LabelInfo[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.site-label')].map((el) => {
      const layer = el.parentElement as HTMLElement
      const style = getComputedStyle(el)
      const state = el.querySelector<HTMLElement>('.site-label__state')!
      const r = el.getBoundingClientRect()
      return {
        network: layer.dataset.network ?? '',
        name: el.querySelector('.site-label__name')?.textContent ?? '',
        visible: !layer.hidden && style.visibility === 'visible' && Number(style.opacity) > 0,
        down: el.classList.contains('is-down'),
        stateShown: getComputedStyle(state).display !== 'none',
        stateText: state.textContent ?? '',
        rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      }
    }),
  )
}

async function prepare(opened: OpenedPage, network: NetworkKind, waitForLabels = true): Promise<void> {
  const { page } = opened
  await waitForReady(page)
  await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })
  await page.evaluate((kind) => {
    window.p2pglobe!.setAutoRotate(false)
    window.p2pglobe!.setNetwork(kind)
  }, network)
  await page.waitForFunction((kind) => window.p2pglobe!.getState().network === kind, network)
  if (waitForLabels && network !== 'p2p')
    await until(
      () => readLabels(page),
      (ls) => shownFor(network)(ls).length >= 3,
    )
  await page.waitForTimeout(SETTLE_MS)
}

function overlap(a: LabelInfo['rect'], b: LabelInfo['rect']): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

function legendEntries(page: Page): Promise<string[]> {
  return page.locator('ul[aria-label="Legend"] > li').allTextContents()
}

const METRO_NAMES = new Set(METROS.map((m) => m.name))

describe('site labels', () => {
  test('name the big sites facing the viewer, never overlap, hide for the far side and the grid, show failure', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await prepare(opened, 'centralized')

    const labels = (await readLabels(page)).filter((l) => l.network === 'centralized')
    expect(labels.length).toBe(METROS.length)
    const visible = labels.filter((l) => l.visible)
    expect(visible.filter((l) => METRO_NAMES.has(l.name)).length).toBeGreaterThanOrEqual(3)
    for (const a of visible) for (const b of visible) if (a !== b) expect(overlap(a.rect, b.rect)).toBe(false)
    // None under the page's chrome (the rail of numbers, the dock).
    const chrome = await chromeBoxes(page)
    for (const l of visible) for (const c of chrome) expect(overlap(l.rect, c), `${l.name} under ${c.name}`).toBe(false)
    // The globe starts with the Atlantic in front (START_LONGITUDE −50°): Asia and Australia are out of sight.
    for (const far of ['Tokyo', 'Sydney', 'Singapore', 'Mumbai'])
      expect(labels.find((l) => l.name === far)?.visible).toBe(false)
    // Northern Virginia, where the first failure strikes, faces the viewer from the start (not on the rim).
    expect(labels.find((l) => l.name === 'Northern Virginia')?.visible).toBe(true)
    // Only the network on screen is named.
    expect((await readLabels(page)).filter((l) => l.visible && l.network !== 'centralized')).toEqual([])

    // Labels never take the pointer: what is under a label is the globe, so dragging it works there too.
    const first = visible[0]!
    const cx = (first.rect.left + first.rect.right) / 2
    const cy = (first.rect.top + first.rect.bottom) / 2
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName, [cx, cy])).toBe('CANVAS')

    // The peer-to-peer grid has no big sites: no label at all once the fade is over.
    await page.evaluate(() => window.p2pglobe!.setNetwork('p2p'))
    await until(
      () => readLabels(page),
      (ls) => ls.every((l) => !l.visible),
    )
    await page.waitForTimeout(SETTLE_MS)
    expect((await readLabels(page)).filter((l) => l.visible)).toEqual([])

    // Back to the cloud, then its most important visible site fails: its label turns to the failed state.
    await page.evaluate(() => window.p2pglobe!.setNetwork('centralized'))
    await until(
      () => readLabels(page),
      (ls) => shownFor('centralized')(ls).length >= 3,
    )
    await page.waitForTimeout(SETTLE_MS)
    const shown = shownFor('centralized')(await readLabels(page))
    const target = METROS.find((m) => shown.some((l) => l.name === m.name))!
    expect(target).toBeDefined()
    await page.evaluate(async ({ lat, lon }) => {
      const api = window.p2pglobe!
      await api.runScenario({ kind: 'site', at: { lat, lon } })
      api.pause()
      await api.step(2)
    }, target)
    await until(
      () => readLabels(page),
      (ls) => ls.some((l) => l.name === target.name && l.visible && l.down),
    )
    await page.waitForTimeout(SETTLE_MS)
    const after = (await readLabels(page)).filter((l) => l.network === 'centralized')
    const failed = after.find((l) => l.name === target.name)!
    expect(failed.visible).toBe(true)
    expect(failed.down).toBe(true)
    expect(failed.stateShown).toBe(true)
    expect(failed.stateText).toMatch(/down/i)
    // Only that site is down.
    expect(after.filter((l) => l.down).map((l) => l.name)).toEqual([target.name])
    const visibleAfter = after.filter((l) => l.visible)
    for (const a of visibleAfter) for (const b of visibleAfter) if (a !== b) expect(overlap(a.rect, b.rect)).toBe(false)
    // With the drawer of controls open the globe moves over, and the labels with it: none under the drawer.
    await openDrawer(page)
    await until(
      () => readLabels(page),
      (ls) => shownFor('centralized')(ls).length >= 2,
    )
    await page.waitForTimeout(SETTLE_MS)
    const drawer = (await chromeBoxes(page)).find((c) => c.name.includes('controls'))!
    expect(drawer).toBeDefined()
    for (const l of shownFor('centralized')(await readLabels(page)))
      expect(overlap(l.rect, drawer), `${l.name} under the drawer`).toBe(false)

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })
})

describe('legend', () => {
  test('opens on demand, lists what is on screen for the network shown, and changes with it', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await prepare(opened, 'centralized', false)

    // Closed at first: the globe has the screen; the dock's Legend button opens it.
    expect(await page.locator('.legend').count()).toBe(0)
    const door = page.locator('[data-action="open-legend"]')
    expect(await door.getAttribute('aria-expanded')).toBe('false')
    await openLegend(page)
    expect(await door.getAttribute('aria-expanded')).toBe('true')
    const toggle = page.locator('.legend__toggle')
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    expect(await toggle.textContent()).toMatch(/Centralized cloud/)
    const cloud = await legendEntries(page)
    for (const entry of [
      /Cloud region/,
      /Point of presence/,
      /Link/,
      /People served/,
      /People losing services/,
      /People cut off/,
      /Traffic/,
      /Failed/,
      /Repaired/,
      /Disaster area/,
    ])
      expect(cloud.some((t) => entry.test(t))).toBe(true)
    expect(cloud.some((t) => /Small node/.test(t))).toBe(false)

    await page.evaluate(() => window.p2pglobe!.setNetwork('p2p'))
    await page.waitForFunction(() => document.querySelector('.legend__toggle')?.textContent?.includes('Peer-to-peer'))
    const grid = await legendEntries(page)
    expect(grid.some((t) => /Small node/.test(t))).toBe(true)
    expect(grid.some((t) => /Cloud region|Point of presence/.test(t))).toBe(false)
    expect(grid.some((t) => /Disaster area/.test(t))).toBe(true)

    // The swatches take PALETTE's colours (set through the CSSOM, which the CSP allows).
    const swatch = await page
      .locator('li[data-entry="peer"] .legend__swatch')
      .evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(swatch).toBe('rgb(61, 245, 192)') // PALETTE.p2p.node, #3df5c0

    // Closes and opens from the keyboard: its title closes it and gives the focus back to the dock's button.
    await toggle.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.legend').count()).toBe(0)
    expect(await door.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Space')
    await page.locator('ul[aria-label="Legend"]').waitFor({ state: 'visible' })
    expect(await door.getAttribute('aria-expanded')).toBe('true')

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })

  test('on a phone it opens from the drawer, text stays readable, and open it keeps off the middle of the globe', async () => {
    const opened = await openPage(browser, '', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    const { page } = opened
    await prepare(opened, 'centralized', false)

    expect(await page.locator('.legend').count()).toBe(0)
    // The dock of a phone keeps to the networks, Fail, the clock and the drawer; the drawer has the legend.
    expect(await page.locator('[data-action="open-legend"]').isVisible()).toBe(false)
    await openDrawer(page)
    await page.locator('[data-action="drawer-legend"]').click()
    // The drawer, a sheet over the bottom of a phone, steps aside so the legend shows.
    await page.locator('.controls').waitFor({ state: 'hidden' })
    const toggle = page.locator('.legend__toggle')
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    const box = (await page.locator('.legend').boundingBox())!
    // The globe is centred in the viewport.
    expect(box.y).toBeGreaterThan(844 / 2)
    const sizes = await page
      .locator('.legend li, .legend__toggle')
      .evaluateAll((els) => els.map((el) => Number.parseFloat(getComputedStyle(el).fontSize)))
    for (const s of sizes) expect(s).toBeGreaterThanOrEqual(14)

    const visible = (await readLabels(page)).filter((l) => l.visible)
    for (const a of visible) for (const b of visible) if (a !== b) expect(overlap(a.rect, b.rect)).toBe(false)

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })
})
