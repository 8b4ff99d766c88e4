/**
 * Pointing at the globe in the built app: hovering a node shows what it is and where, the tools act on what the
 * pointer points at (fail and repair a node, cut a link, drag out a disaster area), and the keyboard reaches the
 * same details. The view is fixed (no auto-rotation, pixel ratio 1, a place turned to the middle of the globe),
 * so a node's screen position is known: after lookAt(its latitude, longitude) it faces the viewer at the middle of
 * the globe's disc.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadWorld } from '../../src/cli/load-world'
import { CAMERA_FOV, GLOBE_RADIUS } from '../../src/scene/constants'
import type { PageRenderStats } from '../../src/scene/RenderProbe'
import { buildNetwork, greatCircleKm, METROS, NodeClass } from '../../src/sim/index'
import type { Tool } from '../../src/store/store'
import { placeName } from '../../src/ui/nodeDetails'
import { launchBrowser, openPage, waitForReady, type OpenedPage } from './chromium'

const VIEWPORT = { width: 1280, height: 720 }
/** Long enough for a jump of the view, or a switch of network (a 1 s cross-fade), to be drawn. */
const SETTLE_MS = 400
const SWITCH_MS = 1300

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

async function openStill(): Promise<OpenedPage> {
  const opened = await openPage(browser, '', { viewport: VIEWPORT })
  const { page } = opened
  await waitForReady(page)
  await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })
  await page.evaluate(() => {
    window.p2pglobe!.setAutoRotate(false)
    window.p2pglobe!.setPixelRatio(1)
  })
  return opened
}

/** Turns a place to the middle of the globe; returns that point in the page. */
async function look(page: Page, lat: number, lon: number): Promise<{ x: number; y: number }> {
  await page.evaluate(([la, lo]) => window.p2pglobe!.lookAt(la!, lo!, { instant: true }), [lat, lon])
  // The jump happens in the next frame drawn, however long a busy machine takes to draw it.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  await page.waitForTimeout(SETTLE_MS)
  // The middle of the globe's disc: the globe is centred in the room the page's chrome leaves (room.ts), not in
  // the canvas.
  const { x, y } = await page.evaluate(() => (window.p2pglobe!.stats() as PageRenderStats).globes[0]!.view.disc)
  return { x, y }
}

/** Rests the mouse on a point, arriving from a little way off as a hand would. */
async function hover(page: Page, at: { x: number; y: number }): Promise<void> {
  await page.mouse.move(at.x - 30, at.y + 25)
  await page.mouse.move(at.x, at.y, { steps: 5 })
}

const card = (page: Page) => page.locator('section.node-info[aria-label="Selected node"]')

async function cardText(page: Page): Promise<string> {
  await page.waitForFunction(() => document.querySelector('.node-info')?.hasAttribute('data-empty') === false)
  return (await card(page).textContent()) ?? ''
}

function setTool(page: Page, tool: Tool): Promise<void> {
  return page.evaluate((t) => window.p2pglobe!.setTool(t), tool)
}

function metric(page: Page, name: 'failedNodes' | 'failedLinks'): Promise<number | undefined> {
  return page.evaluate((n) => window.p2pglobe!.getState().metrics?.[n], name)
}

async function until(page: Page, name: 'failedNodes' | 'failedLinks', value: number): Promise<void> {
  await expect.poll(() => metric(page, name), { timeout: 15_000 }).toBe(value)
}

function expectClean(opened: OpenedPage): void {
  expect(opened.pageErrors).toEqual([])
  expect(opened.console.filter((c) => c.type === 'error')).toEqual([])
}

describe('pointing at the globe', () => {
  test('hovering a cloud region shows its details; the fail tool fails it and repairs it', async () => {
    const opened = await openStill()
    const { page } = opened
    const frankfurt = METROS.find((m) => m.name === 'Frankfurt')!
    const middle = await look(page, frankfurt.lat, frankfurt.lon)
    await hover(page, middle)
    const text = await cardText(page)
    expect(text).toMatch(/Cloud region/)
    expect(text).toMatch(/Frankfurt/)
    expect(text).toMatch(/50\.11° N, 8\.68° E/)
    expect(text).toMatch(/Working/)
    // The card sits beside the pointer, on screen.
    const box = (await card(page).boundingBox())!
    expect(Math.abs(box.x - middle.x)).toBeLessThan(box.width + 40)
    expect(Math.abs(box.y - middle.y)).toBeLessThan(box.height + 40)
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height)
    // Moving off the globe puts the details away.
    await page.mouse.move(middle.x + 5, 5)
    await page.waitForFunction(() => document.querySelector('.node-info')?.hasAttribute('data-empty') === true)

    await setTool(page, 'failNode')
    await page.mouse.click(middle.x, middle.y)
    await until(page, 'failedNodes', 1)
    expect(await cardText(page)).toMatch(/Down/)
    await page.mouse.click(middle.x, middle.y)
    await until(page, 'failedNodes', 0)
    expect(await cardText(page)).toMatch(/Working/)
    expectClean(opened)
    await page.context().close()
  })

  test('a small node of the peer-to-peer grid says it is one, and the country it is in', async () => {
    // The page builds the same grid from the same seed; find a node with no other close by.
    const world = loadWorld()
    const net = buildNetwork(world, { kind: 'p2p' }, 1)
    let node = -1
    for (let v = 0; v < net.graph.n && node < 0; v++) {
      if (Math.abs(net.lat[v]!) > 55) continue
      let nearest = Infinity
      for (let u = 0; u < net.graph.n; u++)
        if (u !== v) nearest = Math.min(nearest, greatCircleKm(net.lat[v]!, net.lon[v]!, net.lat[u]!, net.lon[u]!))
      if (nearest > 150) node = v
    }
    expect(node).toBeGreaterThanOrEqual(0)
    expect(net.nodeClass[node]).toBe(NodeClass.peer)

    const opened = await openStill()
    const { page } = opened
    await page.evaluate(() => window.p2pglobe!.setNetwork('p2p'))
    await page.waitForTimeout(SWITCH_MS)
    const middle = await look(page, net.lat[node]!, net.lon[node]!)
    await hover(page, middle)
    const text = await cardText(page)
    expect(text).toMatch(/Small node/)
    expect(text).toContain(placeName(net, world, node))
    expect(text).toMatch(/Peer-to-peer grid/)
    expectClean(opened)
    await page.context().close()
  })

  test('the cut tool cuts the link under the pointer', async () => {
    // A long link of the centralized cloud, its middle turned to the middle of the canvas: the drawn arc, lifted
    // straight above the great circle's midpoint, passes through the middle of the screen.
    const world = loadWorld()
    const net = buildNetwork(world, { kind: 'centralized' }, 1)
    const g = net.graph
    let link = -1
    let mid = { lat: 0, lon: 0 }
    for (let e = 0; e < g.m && link < 0; e++) {
      const a = g.linkA[e]!
      const b = g.linkB[e]!
      const km = greatCircleKm(net.lat[a]!, net.lon[a]!, net.lat[b]!, net.lon[b]!)
      if (km < 1500 || km > 4000) continue
      const m = midpoint(net.lat[a]!, net.lon[a]!, net.lat[b]!, net.lon[b]!)
      if (Math.abs(m.lat) > 50) continue
      link = e
      mid = m
    }
    expect(link).toBeGreaterThanOrEqual(0)

    const opened = await openStill()
    const { page } = opened
    const middle = await look(page, mid.lat, mid.lon)
    await setTool(page, 'cutLink')
    await hover(page, middle)
    // The link a click would cut is drawn over the globe, with a tip.
    await page.waitForSelector('.pick-overlay__arc.is-shown', { state: 'attached' })
    expect(await page.locator('.pick-tip').textContent()).toMatch(/cut this link/i)
    await page.mouse.click(middle.x, middle.y)
    await until(page, 'failedLinks', 1)
    expect(await metric(page, 'failedNodes')).toBe(0)
    expectClean(opened)
    await page.context().close()
  })

  test('the disaster tool turns a drag into a regional disaster of that centre and radius', async () => {
    const opened = await openStill()
    const { page } = opened
    const place = { lat: 20, lon: 15 }
    const middle = await look(page, place.lat, place.lon)
    await setTool(page, 'drawDisaster')
    const dx = 150
    await page.mouse.move(middle.x, middle.y)
    await page.mouse.down()
    await page.mouse.move(middle.x + dx / 3, middle.y, { steps: 4 })
    await page.mouse.move(middle.x + dx, middle.y, { steps: 6 })
    // The area shows while it is dragged out, with its radius beside the pointer.
    expect(await page.locator('.pick-tip').textContent()).toMatch(/km radius/)
    await page.mouse.up()
    await expect
      .poll(() => page.evaluate(() => window.p2pglobe!.getState().scenario.kind), { timeout: 15_000 })
      .toBe('region')
    const scenario = (await page.evaluate(() => window.p2pglobe!.getState().scenario)) as {
      lat: number
      lon: number
      radiusKm: number
    }
    expect(scenario.lat).toBeCloseTo(place.lat, 0)
    expect(scenario.lon).toBeCloseTo(place.lon, 0)
    // The radius: where a ray dx pixels off the middle meets the globe, from the camera's distance.
    const view = await page.evaluate(() => (window.p2pglobe!.stats() as PageRenderStats).globes[0]!.view)
    const distance = Math.hypot(view.x, view.y, view.z)
    const alpha = Math.atan((dx / (VIEWPORT.height / 2)) * Math.tan((CAMERA_FOV * Math.PI) / 360))
    const theta = Math.asin((distance * Math.sin(alpha)) / GLOBE_RADIUS) - alpha
    const expectedKm = theta * 6371.0088
    expect(Math.abs(scenario.radiusKm - expectedKm) / expectedKm).toBeLessThan(0.05)
    expectClean(opened)
    await page.context().close()
  })

  test('the keyboard reaches the same details, and the page API selects and sets the tool', async () => {
    const opened = await openStill()
    const { page } = opened
    const tokyo = METROS.find((m) => m.name === 'Tokyo')!
    await look(page, tokyo.lat, tokyo.lon)
    await page.locator('.globe canvas').focus()
    await page.keyboard.press('Enter')
    expect(await cardText(page)).toMatch(/Tokyo/)
    // What a screen reader announces: one line, in a live region inside the card's region.
    expect(await card(page).locator('[aria-live="polite"]').textContent()).toBe(
      'Cloud region, Tokyo, Centralized cloud: working.',
    )
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => document.querySelector('.node-info')?.hasAttribute('data-empty') === true)

    await page.evaluate(() => window.p2pglobe!.select({ kind: 'centralized', node: 0 }))
    expect(await cardText(page)).toMatch(/Northern Virginia/)
    await page.evaluate(() => window.p2pglobe!.select(null))
    await page.waitForFunction(() => document.querySelector('.node-info')?.hasAttribute('data-empty') === true)
    const refused = await page.evaluate(() => {
      const api = window.p2pglobe!
      const errors: string[] = []
      for (const call of [() => api.setTool('hammer' as never), () => api.select({ kind: 'p2p', node: -1 })]) {
        try {
          call()
        } catch (e) {
          errors.push((e as Error).name)
        }
      }
      return errors
    })
    expect(refused).toEqual(['TypeError', 'TypeError'])
    expectClean(opened)
    await page.context().close()
  })
})

/** The midpoint of the great circle between two places. */
function midpoint(lat1: number, lon1: number, lat2: number, lon2: number): { lat: number; lon: number } {
  const d = Math.PI / 180
  const [x1, y1, z1] = [
    Math.cos(lat1 * d) * Math.cos(lon1 * d),
    Math.cos(lat1 * d) * Math.sin(lon1 * d),
    Math.sin(lat1 * d),
  ]
  const [x2, y2, z2] = [
    Math.cos(lat2 * d) * Math.cos(lon2 * d),
    Math.cos(lat2 * d) * Math.sin(lon2 * d),
    Math.sin(lat2 * d),
  ]
  const x = x1 + x2
  const y = y1 + y2
  const z = z1 + z2
  return { lat: Math.atan2(z, Math.hypot(x, y)) / d, lon: Math.atan2(y, x) / d }
}
