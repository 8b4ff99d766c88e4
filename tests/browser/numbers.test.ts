/**
 * The numbers, in the built app under its CSP: the HUD after Northern Virginia fails on the centralized cloud
 * (services around 70%, a sentence that names the place, the same said politely to screen readers at most once
 * a second; latency, failures and person-hours on demand), the chart and the event log (the timeline, opened on
 * demand), the switch to the peer-to-peer grid, and the methodology dialog opened from its button and closed with
 * Esc, focus returned. On a phone the timeline opens from the drawer.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { PALETTE } from '../../src/scene/constants'
import { launchBrowser, openPage, type OpenedPage } from './chromium'
import { hexToRgb } from './pixels'
import { openDrawer, openLegend, openTimeline, readyForChecks } from './stage'

const ASHBURN = { lat: 39.04, lon: -77.49 }

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

async function ready(opened: OpenedPage): Promise<void> {
  const { page } = opened
  await readyForChecks(page)
}

/** Northern Virginia fails on every network; the centralized cloud is on screen, three steps taken. */
async function failAshburn(page: Page): Promise<void> {
  await page.evaluate(async (at) => {
    const api = window.p2pglobe!
    api.setNetwork('centralized')
    await api.runScenario({ kind: 'site', at })
    api.pause()
    await api.step(3)
  }, ASHBURN)
}

const text = (page: Page, selector: string) => page.locator(selector).first().innerText()

/** The number in a HUD tile ("70%" → 70). */
async function tileNumber(page: Page, metric: string): Promise<number> {
  const value = await text(page, `.hud [data-metric="${metric}"] .hud__value`)
  return Number.parseFloat(value.replace(/,/g, ''))
}

/** Pixels of uPlot's canvas close to a colour (its series are drawn there). */
function chartPixels(page: Page, rgb: [number, number, number]): Promise<{ painted: number; matching: number }> {
  return page.evaluate(([r, g, b]) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.timeline__chart canvas')
    if (!canvas) return { painted: 0, matching: 0 }
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
    let painted = 0
    let matching = 0
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! === 0) continue
      painted++
      if (Math.abs(data[i]! - r!) < 40 && Math.abs(data[i + 1]! - g!) < 40 && Math.abs(data[i + 2]! - b!) < 40)
        matching++
    }
    return { painted, matching }
  }, rgb)
}

describe('numbers', () => {
  test('the HUD, the chart and the event log tell what a failure in Northern Virginia costs', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await ready(opened)
    await failAshburn(page)

    // The HUD: services around 70% on the centralized cloud, in red with its word; nobody is cut off.
    await page.waitForFunction(() =>
      document.querySelector('.hud [data-metric="services"] .hud__value')?.textContent?.includes('%'),
    )
    const services = await tileNumber(page, 'services')
    expect(services).toBeGreaterThan(65)
    expect(services).toBeLessThan(75)
    expect(await tileNumber(page, 'users')).toBe(100)
    const tile = page.locator('.hud [data-metric="services"]')
    expect(await tile.getAttribute('data-severity')).toBe('bad')
    expect(await tile.locator('.hud__state').innerText()).toMatch(/✕\s*severe/)
    // Latency, failures and person-hours are on demand.
    expect(await page.locator('.hud [data-metric="failed"]').count()).toBe(0)
    await page.locator('[data-action="hud-details"]').click()
    expect(await page.locator('[data-action="hud-details"]').getAttribute('aria-expanded')).toBe('true')
    expect(await tileNumber(page, 'failed')).toBe(1)
    expect(await text(page, '.hud [data-metric="hours"] .hud__unit')).toMatch(/million/)
    // Large type: readable from the back of a hall.
    const size = await page
      .locator('.hud [data-metric="services"] .hud__value')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))
    expect(size).toBeGreaterThanOrEqual(28)
    // It leads: services available (what differs between the networks) comes first, the largest or as large.
    expect(await page.locator('.hud .hud__metric').first().getAttribute('data-metric')).toBe('services')
    const usersSize = await page
      .locator('.hud [data-metric="users"] .hud__value')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))
    expect(size).toBeGreaterThanOrEqual(usersSize)

    const sentence = await text(page, '.hud__sentence')
    expect(sentence).toMatch(/^Northern Virginia is down: services available 70%\.$/)
    // The screen reader hears it too (the polite live region is updated within a second).
    const live = page.locator('.hud [aria-live="polite"]')
    await page.waitForFunction(
      () => document.querySelector('.hud [aria-live="polite"]')?.textContent?.includes('Northern Virginia'),
      undefined,
      { timeout: 3000 },
    )
    expect(await live.textContent()).toMatch(/Northern Virginia is down.*services available 70%/)

    // The timeline (opened from the dock): the chart has drawn the network's line (PALETTE.centralized.node).
    await openTimeline(page)
    await page.waitForFunction(() => document.querySelector('.timeline__chart canvas') !== null)
    const px = await chartPixels(page, hexToRgb(PALETTE.centralized.node))
    expect(px.painted).toBeGreaterThan(500)
    expect(px.matching).toBeGreaterThan(100)
    expect(await page.locator('.timeline__chart').getAttribute('aria-label')).toMatch(/services available 70%/)

    // The event log: the failure, newest first, and the start below it.
    const events = await page.locator('.timeline__event').allInnerTexts()
    expect(events[0]).toMatch(/^✕\s*T\+3 min: Northern Virginia went down; services available 70% \(−30 points\)$/)
    expect(events.at(-1)).toMatch(/T\+0: Start \(Northern Virginia will fail\)/)
    // It can be reached and scrolled with the keyboard.
    expect(await page.locator('.timeline__log').getAttribute('tabindex')).toBe('0')

    // The peer-to-peer grid under the same failure: every service still answers.
    await page.evaluate(() => window.p2pglobe!.setNetwork('p2p'))
    await page.waitForFunction(() => document.querySelector('.hud')?.getAttribute('data-network') === 'p2p')
    expect(await tileNumber(page, 'services')).toBe(100)
    expect(await page.locator('.hud [data-metric="services"]').getAttribute('data-severity')).toBe('ok')
    expect(await text(page, '.hud__sentence')).toBe(
      'A small node near Northern Virginia is down: every service still answers.',
    )
    expect(await text(page, '.hud__network')).toBe('Peer-to-peer grid')
    expect(await page.locator('.timeline__event').first().innerText()).toMatch(/small node near Northern Virginia/)
    // The chart follows: the grid's colour now.
    await page.waitForTimeout(200)
    expect((await chartPixels(page, hexToRgb(PALETTE.p2p.node))).matching).toBeGreaterThan(100)

    // Latency on the chart's second view.
    await page.getByRole('button', { name: 'Latency' }).click()
    expect(await page.getByRole('button', { name: 'Latency' }).getAttribute('aria-pressed')).toBe('true')
    expect(await page.locator('.timeline__key').innerText()).toMatch(/Latency, median[\s\S]*Latency, p95 \(dashed\)/)
    expect((await chartPixels(page, hexToRgb(PALETTE.p2p.node))).matching).toBeGreaterThan(100)

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })

  test('the headline number runs from its old value to its new one, so a drop is seen (not under reduced motion)', async () => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const opened = await openPage(browser, '', { reducedMotion })
      const { page } = opened
      await ready(opened)
      await page.evaluate(() => {
        const w = window as unknown as { __shown: string[] }
        w.__shown = []
        const el = document.querySelector('.hud [data-metric="services"] .hud__value')!
        new MutationObserver(() => {
          const shown = (el as HTMLElement).dataset.shown
          if ((el as HTMLElement).dataset.tween !== undefined && shown) w.__shown.push(shown)
        }).observe(el, { attributes: true, attributeFilter: ['data-shown', 'data-tween'] })
      })
      await failAshburn(page)
      await page.waitForFunction(
        () => document.querySelector('.hud [data-metric="services"] .hud__value')?.textContent === '70%',
      )
      // The run ends on the exact figure (the text is the exact value all along).
      await page.waitForFunction(
        () =>
          !document.querySelector<HTMLElement>('.hud [data-metric="services"] .hud__value')!.hasAttribute('data-tween'),
        undefined,
        { timeout: 20_000 },
      )
      const shown = await page.evaluate(() => (window as unknown as { __shown: string[] }).__shown)
      const between = shown.map((v) => Number.parseFloat(v)).filter((x) => x > 70 && x < 100)
      if (reducedMotion === 'reduce') expect(shown, 'no running number under reduced motion').toEqual([])
      else expect(between.length, JSON.stringify(shown)).toBeGreaterThan(0)
      expect(opened.pageErrors).toEqual([])
      await page.context().close()
    }
  })

  test('the screen reader hears at most about once a second', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await ready(opened)
    // Count how often the visible sentence and the live region change while a push takes the cloud down.
    await page.evaluate(() => {
      const w = window as unknown as { __changes: { sentence: number; live: number } }
      w.__changes = { sentence: 0, live: 0 }
      const watch = (selector: string, key: 'sentence' | 'live') => {
        const el = document.querySelector(selector)!
        let last = el.textContent
        new MutationObserver(() => {
          if (el.textContent !== last) {
            last = el.textContent
            w.__changes[key]++
          }
        }).observe(el, { subtree: true, childList: true, characterData: true })
      }
      watch('.hud__sentence', 'sentence')
      watch('.hud [aria-live="polite"]', 'live')
    })
    const started = Date.now()
    await page.evaluate(async () => {
      const api = window.p2pglobe!
      api.setSpeed(8)
      await api.runScenario({ kind: 'push', transmissibility: 1, operator: 'all' })
    })
    await page.waitForTimeout(2500)
    const seconds = (Date.now() - started) / 1000
    const changes = await page.evaluate(
      () => (window as unknown as { __changes: { sentence: number; live: number } }).__changes,
    )
    expect(changes.sentence).toBeGreaterThanOrEqual(3)
    expect(changes.live).toBeLessThanOrEqual(Math.ceil(seconds) + 1)
    expect(changes.live).toBeLessThan(changes.sentence)
    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })

  test('the methodology opens from its button, keeps focus inside, and closes with Esc', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await ready(opened)
    await openTimeline(page)

    const how = page.locator('.timeline__how')
    await how.click()
    const dialog = page.locator('dialog.method')
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog.method')?.open === true)
    expect(await dialog.getAttribute('aria-modal')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.closest('dialog.method') !== null)).toBe(true)
    const body = await dialog.innerText()
    // The live parameters of the networks the page built, and what the distributed design costs.
    expect(body).toMatch(/3,000 small nodes/)
    expect(body).toMatch(/16 hyperscale cloud regions/)
    expect(body).toMatch(/What the distributed design costs/)
    // Failures a year (churnFit.ts's fit to the grid's uptime streaks: Weibull 0.61, 43 days).
    expect(body).toMatch(/small node\s+5\.\d/)
    // Who repairs, and the fit of churn, with its table of published and modelled shares.
    expect(body).toMatch(/Who repairs, and how long it takes/)
    expect(body).toMatch(/Small nodes up for longer than/)
    for (const source of ['Baran', 'Callaway', 'Albert', 'Motter', 'ThreeFold']) expect(body).toContain(source)
    const hrefs = await dialog.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
    expect(hrefs).toContain('https://www.rand.org/pubs/research_memoranda/RM3420.html')
    expect(hrefs).toContain('https://doi.org/10.1103/PhysRevE.66.065102')
    // Rendering links requests nothing.
    expect(opened.requests.filter((u) => !u.startsWith(opened.url.origin) && !/^(data|blob):/.test(u))).toEqual([])

    // Tab stays in the dialog: the page behind is inert.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.closest('dialog.method') !== null)).toBe(true)
    }

    await page.keyboard.press('Escape')
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog.method')?.open === false)
    expect(await page.evaluate(() => document.activeElement?.classList.contains('timeline__how'))).toBe(true)

    // And again from the keyboard alone, closed by its button.
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog.method')?.open === true)
    await page.getByRole('button', { name: 'Close how this works' }).click()
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog.method')?.open === false)
    expect(await page.evaluate(() => document.activeElement?.classList.contains('timeline__how'))).toBe(true)

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })

  test('on a laptop the numbers, the chart and the legend keep to their places', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await ready(opened)
    await failAshburn(page)
    await openTimeline(page)
    await openLegend(page)
    await page.waitForSelector('.timeline__chart canvas')
    const rect = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => {
          const r = el.getBoundingClientRect()
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }
        })
    const hud = await rect('.hud')
    const timeline = await rect('.timeline')
    const legend = await rect('.legend')
    const apart = (a: typeof hud, b: typeof hud) =>
      a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top
    const dock = await rect('.dock')
    expect(apart(hud, timeline)).toBe(true)
    expect(apart(timeline, legend)).toBe(true)
    expect(apart(timeline, dock)).toBe(true)
    expect(apart(legend, dock)).toBe(true)
    expect(apart(hud, dock)).toBe(true)
    // With the drawer open too, nothing runs into it.
    await openDrawer(page)
    const controls = await rect('.controls')
    expect(apart(hud, controls)).toBe(true)
    expect(apart(await rect('.timeline'), controls)).toBe(true)
    expect(apart(await rect('.legend'), controls)).toBe(true)

    // The chart and the log close from the timeline's title and come back from the dock.
    await page.locator('.timeline__toggle').click()
    await expect.poll(() => page.locator('.timeline').count()).toBe(0)
    const door = page.locator('[data-action="open-timeline"]')
    expect(await door.getAttribute('aria-expanded')).toBe('false')
    await door.press('Enter')
    await page.waitForSelector('.timeline__chart canvas')
    expect(await door.getAttribute('aria-expanded')).toBe('true')

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })

  test('on a phone the timeline opens from the drawer, and the numbers fit', async () => {
    const opened = await openPage(browser, '', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    const { page } = opened
    await ready(opened)
    await failAshburn(page)
    await page.waitForFunction(() => document.querySelector('.hud__sentence')?.textContent?.includes('Northern'))

    // Closed at first; the drawer's Timeline button opens it, and the drawer (a sheet) steps aside.
    expect(await page.locator('.timeline').count()).toBe(0)
    await openDrawer(page)
    await page.locator('[data-action="drawer-timeline"]').click()
    await page.locator('.controls').waitFor({ state: 'hidden' })
    const timeline = page.locator('.timeline')
    await timeline.waitFor({ state: 'visible' })
    const box = (await timeline.boundingBox())!
    const dock = (await page.locator('.dock').boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(dock.y)
    expect(box.y).toBeGreaterThan(844 / 3)
    // Tap targets of 44 px.
    for (const h of await page
      .locator('.timeline button')
      .evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().height)))
      expect(h).toBeGreaterThanOrEqual(44)

    // Every number of the HUD (the further ones too) is inside the screen and no two tiles overlap.
    await page.locator('[data-action="hud-details"]').click()
    const tiles = await page.locator('.hud__metric').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect()
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, scroll: el.scrollWidth - el.clientWidth }
      }),
    )
    expect(tiles).toHaveLength(5)
    for (const t of tiles) {
      expect(t.left).toBeGreaterThanOrEqual(0)
      expect(t.right).toBeLessThanOrEqual(390)
      expect(t.scroll).toBeLessThanOrEqual(1)
    }
    for (const a of tiles)
      for (const b of tiles)
        if (a !== b) expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top).toBe(true)
    expect(await tileNumber(page, 'services')).toBeCloseTo(70, 0)

    // The chart draws across the width.
    await page.waitForSelector('.timeline__chart canvas')
    const chart = (await page.locator('.timeline__chart').boundingBox())!
    expect(chart.width).toBeGreaterThan(300)

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })
})
