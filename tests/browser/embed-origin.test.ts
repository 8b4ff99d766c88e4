/**
 * Whom an embed talks to. Framed by a page on another origin that did not name itself (no parentOrigin in the
 * address), the demo posts nothing: a message to an origin the host is not on would fail, loudly, in the host's
 * console, several times a second while a scenario plays. With parentOrigin, the host hears every event; framed by
 * a page on the demo's own origin, the demo's origin is the right one without being named.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { launchBrowser } from './chromium'

let browser: Browser
let server: Server
let demoBase: string
let hostOrigin: string

/** The host page: the demo framed at `src`, and every message the page receives noted with its origin. */
const hostPage = (src: string) => `<!doctype html><html><head><title>A host</title></head><body style="margin:0">
  <script>
    window.received = []
    window.addEventListener('message', (e) => window.received.push({ origin: e.origin, data: e.data }))
  </script>
  <iframe title="p2p-globe" style="display:block;width:640px;height:420px;border:0" src="${src}"></iframe>
</body></html>`

beforeAll(async () => {
  browser = await launchBrowser()
  demoBase = inject('baseUrl')
  // A second origin: the host page is whatever its `src` parameter says to frame.
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end()
      return
    }
    if (url.pathname !== '/host.html') {
      res.writeHead(404).end()
      return
    }
    const src = url.searchParams.get('src') ?? ''
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(hostPage(src))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  hostOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await browser?.close()
  await new Promise((r) => server?.close(r))
})

interface Received {
  origin: string
  data: { type?: string; event?: string }
}

/** A page with every console message of every frame in it noted, and uncaught errors. */
async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } })
  const page = await context.newPage()
  const logged: string[] = []
  page.on('console', (m) => logged.push(`${m.type()} ${m.location().url}: ${m.text()}`))
  page.on('pageerror', (e) => logged.push(`pageerror ${String(e)}`))
  return { page, logged }
}

/** The demo's frame (the host page's only child frame), once its networks are built and its first frame drawn. */
async function demoFrame(page: Page): Promise<Frame> {
  const framed = () =>
    page
      .mainFrame()
      .childFrames()
      .find((f) => f.url().startsWith(demoBase))
  await expect.poll(() => framed() !== undefined, { timeout: 30_000 }).toBe(true)
  const frame = framed()!
  await frame.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 60_000 })
  return frame
}

/** Waits until the scenario the address started has played `minutes` of simulated time. */
async function playFor(frame: Frame, minutes: number): Promise<void> {
  await frame.waitForFunction((m) => (window.p2pglobe!.getState().metrics?.t ?? 0) >= m, minutes, {
    timeout: 60_000,
    polling: 250,
  })
  const state = await frame.evaluate(() => window.p2pglobe!.getState())
  expect(state.scenario.kind).toBe('churn')
  expect(state.playing).toBe(true)
}

const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received[] }).received)

/** Churn: a scenario that never settles, so the clock runs and the metrics keep coming until it is stopped. */
const EMBED = '?embed=1&network=p2p&scenario=churn&speed=4'

describe('an embed tells only a host it knows', () => {
  test('framed by another origin without parentOrigin: no message, and no postMessage error in any console', async () => {
    const { page, logged } = await newPage()
    const src = `${demoBase}${EMBED}`
    await page.goto(`${hostOrigin}/host.html?src=${encodeURIComponent(src)}`)
    const frame = await demoFrame(page)
    // Ten simulated minutes: metrics events would have gone out every half second, state changes besides.
    await playFor(frame, 10)
    // A key the demo does not use would be passed on to the host too.
    await page.locator('iframe').click()
    await page.keyboard.press('x')
    await page.waitForTimeout(500)

    expect(await received(page)).toEqual([])
    expect(logged.filter((c) => /postMessage/i.test(c))).toEqual([])
    // Nor anything else: reading the host's location to learn whether it shares the origin logs nothing either.
    expect(logged.filter((c) => /^(error|warning|pageerror) /.test(c))).toEqual([])
    await page.context().close()
  }, 120_000)

  test('with parentOrigin, the host hears ready, the state changes and the metrics, from the demo only', async () => {
    const { page, logged } = await newPage()
    const src = `${demoBase}${EMBED}&parentOrigin=${encodeURIComponent(hostOrigin)}`
    await page.goto(`${hostOrigin}/host.html?src=${encodeURIComponent(src)}`)
    const frame = await demoFrame(page)
    await playFor(frame, 2)
    const events = async () => (await received(page)).map((r) => r.data.event)
    await expect.poll(events, { timeout: 30_000 }).toEqual(expect.arrayContaining(['ready', 'stateChanged', 'metrics']))
    const demoOrigin = new URL(demoBase).origin
    expect((await received(page)).every((r) => r.origin === demoOrigin && r.data.type === 'p2pglobe')).toBe(true)
    expect(logged.filter((c) => /postMessage/i.test(c))).toEqual([])
    await page.context().close()
  }, 120_000)

  test('framed by a page on its own origin without parentOrigin, the demo talks to it', async () => {
    const { page, logged } = await newPage()
    // A host page on the demo's own origin: served in place of a page the demo's server does not have.
    const demoOrigin = new URL(demoBase).origin
    const hostUrl = `${demoOrigin}/same-origin-host.html`
    await page.route(hostUrl, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostPage(`${demoBase}${EMBED}`) }),
    )
    await page.goto(hostUrl)
    const frame = await demoFrame(page)
    await playFor(frame, 2)
    const events = async () => (await received(page)).map((r) => r.data.event)
    await expect.poll(events, { timeout: 30_000 }).toEqual(expect.arrayContaining(['ready', 'stateChanged', 'metrics']))
    expect((await received(page)).every((r) => r.origin === demoOrigin)).toBe(true)
    expect(logged.filter((c) => /postMessage/i.test(c))).toEqual([])
    await page.context().close()
  }, 120_000)
})
