/**
 * Recorded outages in the built app: one named in the address replays on every network, its site up but impaired
 * (grey, labelled), its card under the numbers with the operator's report, the globe uncovered; a bad id is named
 * in a notice with the known ones and the page runs on; the panel lists every outage on a line of years and one
 * press replays it.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { INCIDENT_FACTS } from '../../src/sim/incidents/facts'
import { launchBrowser, openPage, type OpenedPage } from './chromium'
import { DEFAULT_RESPONSE } from '../../src/sim/repair'
import { discsSettled, globeCoverage, labelsSettled, openTimeline, readyForChecks } from './stage'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

async function expectCleanAndClose(opened: OpenedPage): Promise<void> {
  expect(opened.pageErrors).toEqual([])
  expect(opened.console).toEqual([])
  await opened.page.context().close()
}

/** The card's box against the rail it stands in (the rail scrolls: a card below its edge is cut off). */
function cardInRail(page: Page) {
  return page.evaluate(() => {
    const card = document.querySelector('.incident-card')!.getBoundingClientRect()
    const rail = document.querySelector('.rail')!.getBoundingClientRect()
    return { card: { top: card.top, bottom: card.bottom }, rail: { top: rail.top, bottom: rail.bottom } }
  })
}

describe('recorded outages', () => {
  test("?incident= replays AWS's October 2025 DNS outage: the region impaired, its card whole, the globe clear", async () => {
    const opened = await openPage(browser, '?incident=aws-2025-10-20&network=centralized', {
      viewport: { width: 1280, height: 720 },
    })
    const { page } = opened
    await readyForChecks(page)
    await page.waitForFunction(() => window.p2pglobe!.getState().scenario.kind === 'incident')
    await page.evaluate(async () => {
      window.p2pglobe!.pause()
      await window.p2pglobe!.step(5)
    })
    const s = await page.evaluate(() => window.p2pglobe!.getState())
    expect(s.scenario).toEqual({ kind: 'incident', id: 'aws-2025-10-20' })
    // The region is up; what needs its endpoints does not answer.
    expect(s.metrics!.failedNodes).toBe(0)
    expect(s.metrics!.serviceAvailability!).toBeLessThan(0.95)
    // Its label says so, in grey.
    const label = page.locator('.site-labels[data-network="centralized"] .site-label', { hasText: 'Northern Virginia' })
    await expect.poll(() => label.getAttribute('class')).toMatch(/is-impaired/)
    expect(await label.locator('.site-label__state').textContent()).toBe('impaired')
    // The numbers' sentence names it; the card under them gives the date, the duration and the report.
    await expect
      .poll(() => page.locator('.hud').textContent())
      .toMatch(/AWS DynamoDB DNS in Northern Virginia, replayed/)
    const card = page.locator('.incident-card')
    await expect.poll(() => card.count()).toBe(1)
    expect(await card.textContent()).toMatch(/20 October 2025 · 14\.5 h · the report/)
    expect(await card.locator('a').getAttribute('href')).toBe('https://aws.amazon.com/message/101925/')
    expect(await card.textContent()).toMatch(/Here: Northern Virginia's regional endpoints fail/)
    // At each projector size the card is whole, inside the rail, and the globe stays uncovered.
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(viewport)
      await discsSettled(page)
      await labelsSettled(page)
      const box = await cardInRail(page)
      expect(box.card.bottom, `${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(box.rail.bottom + 1)
      const [coverage] = await globeCoverage(page)
      expect(coverage!.share, JSON.stringify(coverage!.by)).toBeLessThanOrEqual(0.1)
    }
    // The multi-region cloud rides it out, and the card says what the replay did there.
    await page.evaluate(() => window.p2pglobe!.setNetwork('decentralized'))
    await expect.poll(() => page.evaluate(() => window.p2pglobe!.getState().metrics!.serviceAvailability)).toBe(1)
    expect(await card.textContent()).toMatch(/Here: Northern Virginia's regional endpoints fail/)
    await expectCleanAndClose(opened)
  }, 90_000)

  test('a bad id is named with the known ones, and the page runs on', async () => {
    const opened = await openPage(browser, '?incident=aws-1999-01-01&network=p2p', {
      viewport: { width: 1280, height: 720 },
    })
    const { page } = opened
    await readyForChecks(page)
    const notice = await page.locator('.notices').textContent()
    expect(notice).toMatch(/incident="aws-1999-01-01" ignored: expected a recorded outage: aws-2017-02-28, /)
    const s = await page.evaluate(() => window.p2pglobe!.getState())
    expect(s.network).toBe('p2p')
    expect(s.scenario.kind).toBe('none')
    expect(opened.pageErrors).toEqual([])
    await opened.page.context().close()
  }, 60_000)

  test('the panel lists every outage on a line of years, and one press replays it on every network', async () => {
    const opened = await openPage(browser, '', { viewport: { width: 1280, height: 720 } })
    const { page } = opened
    await readyForChecks(page)
    await page.locator('[data-action="fail-menu"]').click()
    await page.locator('[data-preset="incidents"]').click()
    const dialog = page.locator('dialog.incidents')
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true)
    expect(await dialog.locator('.incidents__dot').count()).toBe(INCIDENT_FACTS.length)
    expect(await dialog.locator('.incidents__item').count()).toBe(INCIDENT_FACTS.length)
    // Every report's source is named, and the model's table has a row for each.
    expect(await dialog.locator('.incidents__source').count()).toBe(INCIDENT_FACTS.length)
    expect(await dialog.locator('.incidents__table tbody tr').count()).toBe(INCIDENT_FACTS.length)
    // Dots in time order, left to right.
    const xs = await dialog
      .locator('.incidents__dot')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left))
    expect([...xs].sort((a, b) => a - b)).toEqual(xs)
    // On a wide screen the panel is a sheet at the right: the globe beside it, clear, with a pin for each place an
    // outage hit (and the site labels out of their way).
    await discsSettled(page)
    const [c] = await globeCoverage(page)
    expect(c!.share, JSON.stringify(c!.by)).toBeLessThanOrEqual(0.1)
    const sheet = (await dialog.boundingBox())!
    expect(c!.disc.x + c!.disc.r).toBeLessThanOrEqual(sheet.x + 2)
    expect(await page.locator('.incident-pin').count()).toBe(3)
    expect(await page.locator('.site-labels').evaluateAll((els) => els.every((e) => (e as HTMLElement).hidden))).toBe(
      true,
    )
    // Pointing at the OVHcloud fire lights its pin, and the globe turns to face Strasbourg.
    await dialog.locator('.incidents__item[data-incident="ovhcloud-2021-03-10"] .incidents__title').hover()
    const pin = page.locator('.incident-pin', { hasText: 'Strasbourg' })
    await expect.poll(() => pin.getAttribute('class')).toMatch(/is-focus/)
    await labelsSettled(page)
    const at = async () => {
      const b = (await pin.boundingBox())!
      const [g] = await globeCoverage(page)
      // The pin's dot sits at the left end of its box, vertically centred.
      return Math.hypot(b.x - g!.disc.x, b.y + b.height / 2 - g!.disc.y) / g!.disc.r
    }
    await expect.poll(at, { timeout: 10_000 }).toBeLessThan(0.25)
    await dialog.locator('.incidents__dot[data-incident="fastly-2021-06-08"]').click()
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false)
    await expect
      .poll(() => page.evaluate(() => window.p2pglobe!.getState().scenario))
      .toEqual({ kind: 'incident', id: 'fastly-2021-06-08' })
    await expect.poll(() => page.locator('.incident-card').textContent()).toMatch(/8 June 2021 · 49 min/)
    // Closed, the pins go and the site labels come back.
    expect(await page.locator('.incident-pin').count()).toBe(0)
    await expect
      .poll(() => page.locator('.site-labels').evaluateAll((els) => els.some((e) => !(e as HTMLElement).hidden)))
      .toBe(true)
    await expectCleanAndClose(opened)
  }, 60_000)

  test("the timeline says who repaired: the cloud's engineers alerted, then restoring; the grid healing by itself", async () => {
    const opened = await openPage(browser, '?network=centralized&scenario=site&at=ashburn&autoplay=0', {
      viewport: { width: 1280, height: 720 },
    })
    const { page } = opened
    await readyForChecks(page)
    await openTimeline(page)
    const log = () => page.locator('.timeline__event').allTextContents()
    const restored = Math.ceil(1 + DEFAULT_RESPONSE.cloudRestoreMin)
    // To the failure, then past the restore time.
    await page.evaluate(async (n) => {
      await window.p2pglobe!.step(3)
      await window.p2pglobe!.step(n)
    }, restored)
    await expect.poll(log).toContainEqual(expect.stringMatching(/The provider's engineers are alerted/))
    await expect
      .poll(log)
      .toContainEqual(expect.stringMatching(/1 node came back \(restored by the provider's engineers\)/))
    expect(await page.evaluate(() => window.p2pglobe!.getState().metrics!.failedNodes)).toBe(0)
    // The chart marks both moments.
    expect(await page.locator('.timeline__chart canvas').count()).toBeGreaterThan(0)

    // The grid under a disaster: its copies made again, with no one involved, before anyone repairs a node.
    await page.evaluate(async () => {
      const api = window.p2pglobe!
      api.setNetwork('p2p')
      await api.runScenario({ kind: 'region', lat: 39.04, lon: -77.49, radiusKm: 500 })
      api.pause()
      await api.step(3)
      await api.step(60)
    })
    await expect
      .poll(log)
      .toContainEqual(expect.stringMatching(/lost cop(y|ies) made again on other nodes by the grid itself/))
    expect(await page.evaluate(() => window.p2pglobe!.getState().metrics!.failedNodes)).toBeGreaterThan(0)
    await expectCleanAndClose(opened)
  }, 60_000)
})
