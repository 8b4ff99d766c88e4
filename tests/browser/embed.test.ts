/**
 * The demo inside other people's pages. Three origins: the demo (the preview server), a host page on a second
 * origin that embeds it and drives it through postMessage (the project's own example page and host helper), and a
 * third origin, framed by the host, that tries to drive the demo too and must change nothing. Then the embed's
 * manners: only a link to the full demo, the host page scrolls past the globe until the visitor clicks into it,
 * keys the demo does not use reach the host, Esc gives the keyboard back. Last, URL parameters apply, and the
 * page runs under the Content-Security-Policy of the issue without one violation.
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { launchBrowser, openPage, waitForReady } from './chromium'
import { openDrawer, openTimeline } from './stage'

/** The policy issue 5 names; the preview server sends a stricter one still (global-setup.ts). */
const ISSUE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
]

let browser: Browser
const servers: Server[] = []
let demoBase: string
let demoOrigin: string
let hostOrigin: string
let thirdOrigin: string

type Routes = Map<string, { type: string; body: string }>

/** A static server on 127.0.0.1 and a free port: another origin than the demo's. */
async function serve(routes: Routes): Promise<string> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const route = routes.get(path)
    if (path === '/favicon.ico') {
      res.writeHead(204).end()
      return
    }
    if (!route) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': route.type, 'Cache-Control': 'no-store' }).end(route.body)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const file = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
const HTML = 'text/html; charset=utf-8'
const JS = 'text/javascript; charset=utf-8'

beforeAll(async () => {
  browser = await launchBrowser()
  demoBase = inject('baseUrl')
  demoOrigin = new URL(demoBase).origin

  const hostRoutes: Routes = new Map()
  hostOrigin = await serve(hostRoutes)
  for (const [name, type] of [
    ['example.html', HTML],
    ['example.js', JS],
    ['example.css', 'text/css'],
    ['host.js', JS],
  ] as const)
    hostRoutes.set(`/embed/${name}`, { type, body: file(`public/embed/${name}`) })
  // A long article with the demo in the middle of it, driven by the host helper; it notes every key it gets.
  const embedUrl = `${demoBase}?embed=1&parentOrigin=${encodeURIComponent(hostOrigin)}&seed=5`
  hostRoutes.set('/article.html', {
    type: HTML,
    body: `<!doctype html><html><head><title>An article</title></head><body style="margin:0">
      <div style="height:1000px">Text before the demo.</div>
      <iframe id="demo" title="p2p-globe" style="display:block;width:640px;height:420px;border:0" src="${embedUrl}"></iframe>
      <div style="height:2400px">Text after the demo.</div>
      <script type="module">
        import { connect } from '/embed/host.js'
        window.demo = connect(document.getElementById('demo'))
        window.keys = []
        document.addEventListener('keydown', (e) => window.keys.push(e.key))
      </script></body></html>`,
  })

  const thirdRoutes: Routes = new Map()
  thirdOrigin = await serve(thirdRoutes)
  // Framed by the host, beside the demo: it sends the demo commands, well formed and not, and notes any answer.
  thirdRoutes.set('/third.html', {
    type: HTML,
    body: `<!doctype html><html><body><script>
      window.received = []
      window.addEventListener('message', (e) => window.received.push(e.data))
      const demo = parent.frames[0]
      const commands = [
        { type: 'p2pglobe', command: 'setNetwork', network: 'centralized', id: 1 },
        { type: 'p2pglobe', command: 'reset', id: 2 },
        { type: 'p2pglobe', command: 'pause', id: 3 },
        { type: 'p2pglobe', command: 'runScenario', scenario: { kind: 'none' }, id: 4 },
        { type: 'p2pglobe', command: 'setParams', params: { theme: 'light' }, id: 5 },
        { type: 'p2pglobe', command: 'getState', id: 6 },
        { type: 'p2pglobe', command: 'nonsense', id: 7 },
      ]
      for (const c of commands) demo.postMessage(c, '*')
      window.sent = commands.length
    </script></body></html>`,
  })
})

afterAll(async () => {
  await browser?.close()
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))
})

async function newPage(viewport = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.location().url}: ${m.text()}`)
  })
  page.on('pageerror', (e) => errors.push(String(e)))
  return { page, errors }
}

/** The demo's frame inside the host page, once its networks are built. */
async function demoFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(demoBase)), { timeout: 30_000 }).toBe(true)
  const frame = page.frames().find((f) => f.url().startsWith(demoBase))!
  await frame.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })
  // The first real frame of the globe has been drawn.
  await frame.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 60_000 })
  return frame
}

/**
 * Frames the third origin's page beside the demo, in the host page, once it has sent its own commands (seven, well
 * formed and not).
 */
async function frameThird(page: Page): Promise<Frame> {
  await page.evaluate((src) => {
    const third = document.createElement('iframe')
    third.src = src
    document.body.append(third)
  }, `${thirdOrigin}/third.html`)
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(thirdOrigin))).toBe(true)
  const third = page.frames().find((f) => f.url().startsWith(thirdOrigin))!
  await third.waitForFunction(() => (window as unknown as { sent?: number }).sent === 7)
  return third
}

interface HostWindow {
  demo: { send(command: string, args?: Record<string, unknown>): Promise<{ network: string; playing: boolean }> }
  keys: string[]
}

describe('embedded in another page', () => {
  test('a host page on a second origin drives the demo and hears its events; a third origin changes nothing', async () => {
    const { page, errors } = await newPage()
    await page.goto(`${hostOrigin}/embed/example.html?demo=${encodeURIComponent(demoBase)}`)
    const frame = await demoFrame(page)
    expect(new URL(frame.url()).origin).toBe(demoOrigin)
    expect(demoOrigin).not.toBe(hostOrigin)

    // Commands through the host helper, answered with the state.
    const state = await page.evaluate(() =>
      (window as unknown as HostWindow).demo.send('setNetwork', { network: 'p2p' }),
    )
    expect(state.network).toBe('p2p')
    await page.evaluate(() =>
      (window as unknown as HostWindow).demo.send('runScenario', { scenario: { kind: 'site', at: 'ashburn' } }),
    )
    expect(await frame.evaluate(() => window.p2pglobe!.getState().scenario)).toEqual({
      kind: 'site',
      at: { lat: 39.04, lon: -77.49 },
    })
    // Events reach the host page: it logs them and shows the metrics it is sent.
    const log = page.locator('#log')
    await expect.poll(() => log.textContent(), { timeout: 30_000 }).toMatch(/ready/)
    await expect.poll(() => log.textContent()).toMatch(/stateChanged/)
    await expect.poll(() => page.locator('#users').textContent(), { timeout: 30_000 }).toMatch(/%$/)
    // A bad command gets an error back, and the demo goes on.
    const refused = await page.evaluate(() =>
      (window as unknown as HostWindow).demo.send('setNetwork', { network: 'mars' }).then(
        () => 'accepted',
        (e: Error) => e.message,
      ),
    )
    expect(refused).toMatch(/network/)

    await page.evaluate(() => (window as unknown as HostWindow).demo.send('pause'))
    const before = await frame.evaluate(() => window.p2pglobe!.getState())
    const theme = await frame.evaluate(() => document.documentElement.dataset.theme ?? '')

    // A third origin, framed beside the demo, sends its own commands.
    const thirdFrame = await frameThird(page)
    // A round trip from the host after them: the demo has handled what came before.
    await page.evaluate(() => (window as unknown as HostWindow).demo.send('getState'))
    await page.waitForTimeout(300)
    const after = await frame.evaluate(() => window.p2pglobe!.getState())
    expect(after.network).toBe(before.network)
    expect(after.scenario).toEqual(before.scenario)
    expect(after.playing).toBe(false)
    expect(after.metrics!.t).toBe(before.metrics!.t)
    expect(await frame.evaluate(() => document.documentElement.dataset.theme ?? '')).toBe(theme)
    // Not even answered.
    expect(await thirdFrame.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })

  test('only a link to the full demo; the page scrolls past the globe until clicked; keys pass through; Esc lets go', async () => {
    const { page, errors } = await newPage()
    await page.goto(`${hostOrigin}/article.html`)
    // Below the fold, the demo draws nothing (no CPU off screen): scroll it into view first.
    await page.evaluate(() => window.scrollTo(0, 800))
    const frame = await demoFrame(page)
    await frame.evaluate(() => window.p2pglobe!.setAutoRotate(false))

    // No chrome but a small link to the full demo, which opens the same view without the embed's restrictions.
    const link = frame.locator('.embed-link')
    expect(await link.isVisible()).toBe(true)
    expect(await link.getAttribute('target')).toBe('_blank')
    const href = new URL((await link.getAttribute('href'))!)
    expect(href.origin).toBe(demoOrigin)
    expect(href.searchParams.get('seed')).toBe('5')
    for (const key of ['embed', 'parentOrigin', 'ui', 'interactive']) expect(href.searchParams.has(key)).toBe(false)
    for (const chrome of ['.controls', '.masthead', '.hud', '.dock', '.timeline', '.legend'])
      expect(await frame.locator(chrome).first().isVisible(), chrome).toBe(false)

    // The wheel over the globe scrolls the article.
    const box = (await page.locator('#demo').boundingBox())!
    const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    await page.mouse.move(middle.x, middle.y)
    await page.mouse.wheel(0, 200)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(800)

    // A click into it: the globe is the visitor's; the wheel zooms it and the article stays put.
    const boxNow = (await page.locator('#demo').boundingBox())!
    await page.mouse.click(boxNow.x + boxNow.width / 2, boxNow.y + boxNow.height / 2)
    await expect.poll(() => frame.locator('.stage__engage').count()).toBe(0)
    const scrolled = await page.evaluate(() => window.scrollY)
    await page.mouse.wheel(0, -200)
    await page.waitForTimeout(400)
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled)

    // A key the demo does not use reaches the host page; Esc too, and it gives the keyboard back.
    await page.keyboard.press('x')
    await expect.poll(() => page.evaluate(() => (window as unknown as HostWindow).keys)).toContain('x')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.evaluate(() => (window as unknown as HostWindow).keys)).toContain('Escape')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('demo')
    await expect.poll(() => frame.locator('.stage__engage').count()).toBe(1)
    // Locked again: the wheel scrolls the article once more.
    await page.mouse.move(middle.x, middle.y)
    await page.mouse.wheel(0, 150)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled)

    expect(errors).toEqual([])
    await page.context().close()
  })
})

describe('hostile messages', () => {
  test('500 malformed messages from the host each get an error event; 500 from a third origin change nothing', async () => {
    const { page, errors } = await newPage()
    await page.goto(`${hostOrigin}/article.html`)
    await page.evaluate(() => window.scrollTo(0, 800))
    const frame = await demoFrame(page)
    await page.evaluate(() => (window as unknown as HostWindow).demo.send('pause'))
    const before = await frame.evaluate(() => window.p2pglobe!.getState())

    // From the allowed origin: well addressed, badly formed, every one different.
    const sent = await page.evaluate((origin) => {
      const w = window as unknown as { errorsSeen: number; demo: { on(e: string, f: () => void): void } }
      w.errorsSeen = 0
      w.demo.on('error', () => (w.errorsSeen += 1))
      const target = document.querySelector('iframe')!.contentWindow!
      const junk: unknown[] = [
        null,
        0,
        -1,
        1e308,
        '',
        'mars',
        true,
        [],
        [1, 2],
        { kind: 'meteor' },
        '<img src=x>',
        'x'.repeat(5000),
      ]
      const commands = ['setNetwork', 'runScenario', 'setParams', 'goToStep', 'play', 'explode', '', 42]
      let seed = 1
      const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
      const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!
      for (let i = 0; i < 500; i++) {
        const command = pick(commands)
        const message: Record<string, unknown> = { type: 'p2pglobe', command, id: i }
        if (command === 'setNetwork') message.network = pick(junk)
        else if (command === 'runScenario') message.scenario = pick(junk)
        else if (command === 'setParams') message.params = pick(junk)
        else if (command === 'goToStep') message.step = pick(junk)
        else message[`extra${i % 7}`] = pick(junk)
        target.postMessage(message, origin)
      }
      return 500
    }, demoOrigin)
    await page.waitForFunction((n) => (window as unknown as { errorsSeen: number }).errorsSeen >= n, sent, {
      timeout: 30_000,
    })
    expect(await page.evaluate(() => (window as unknown as { errorsSeen: number }).errorsSeen)).toBe(sent)

    // From a third origin, framed beside it: 500 more, good and bad alike.
    const thirdFrame = await frameThird(page)
    await thirdFrame.evaluate(() => {
      const demo = parent.frames[0]!
      for (let i = 0; i < 500; i++) {
        const good = i % 2 === 0
        demo.postMessage(
          good
            ? { type: 'p2pglobe', command: 'setNetwork', network: 'centralized', id: i }
            : { type: 'p2pglobe', command: 'runScenario', scenario: { kind: 'random', fraction: i / 500 }, id: i },
          '*',
        )
      }
    })
    await page.evaluate(() => (window as unknown as HostWindow).demo.send('getState'))
    await page.waitForTimeout(300)
    const after = await frame.evaluate(() => window.p2pglobe!.getState())
    expect(after.network).toBe(before.network)
    expect(after.scenario).toEqual(before.scenario)
    expect(after.metrics!.t).toBe(before.metrics!.t)
    expect(await thirdFrame.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })
})

describe('quiet when out of sight', () => {
  test('an embed scrolled out of view draws nothing and its clock stands still, then goes on without a jump', async () => {
    const { page, errors } = await newPage()
    await page.goto(`${hostOrigin}/article.html`)
    await page.evaluate(() => window.scrollTo(0, 800))
    const frame = await demoFrame(page)
    /** What the embed has drawn and simulated so far: its recent frame times change with every frame drawn. */
    const seen = () =>
      frame.evaluate(() => ({
        t: window.p2pglobe!.getState().metrics?.t ?? 0,
        frames: window.p2pglobe!.stats().frameTimesMs.join(),
        playing: window.p2pglobe!.getState().playing,
      }))
    await frame.evaluate(async () => {
      const api = window.p2pglobe!
      api.setSpeed(2)
      // Churn never settles: the clock keeps running until it is stopped.
      await api.runScenario({ kind: 'churn' })
    })
    // In view, it draws and its clock moves. Waited on frame by frame, not on a time: a loaded machine draws
    // slowly, and the store gives a slow frame no more than a quarter of a second of simulated time.
    const start = await seen()
    await expect.poll(seen, { timeout: 40_000, interval: 250 }).toMatchObject({ playing: true })
    const log: string[] = []
    await expect
      .poll(
        async () => {
          const now = await seen()
          log.push(`${now.t} ${now.playing} ${now.frames.length}`)
          return now.t
        },
        { timeout: 40_000, interval: 250 },
      )
      .toBeGreaterThan(start.t)
      .catch((e) => {
        throw new Error(`${String(e)}\n${log.slice(-10).join('\n')}`)
      })

    // Out of view: the article scrolled to its end. Once the frame in hand (if any) is finished, nothing more.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    await page.waitForTimeout(1000)
    const away = await seen()
    expect(away.playing).toBe(true)
    await page.waitForTimeout(3000)
    const still = await seen()
    expect(still.frames).toBe(away.frames)
    expect(still.t).toBe(away.t)

    // Back in view: it draws again and goes on from where it stood, not three seconds (six simulated minutes)
    // later.
    await page.evaluate(() => window.scrollTo(0, 800))
    await expect.poll(async () => (await seen()).frames, { timeout: 40_000, interval: 250 }).not.toBe(away.frames)
    await expect.poll(async () => (await seen()).t, { timeout: 40_000, interval: 250 }).toBeGreaterThan(away.t)
    const back = await seen()
    expect(back.t - away.t).toBeLessThanOrEqual(3)
    expect(errors).toEqual([])
    await page.context().close()
  }, 180_000)
})

describe('the address and the security policy', () => {
  test('URL parameters apply, with an embed that is not interactive unless asked', async () => {
    const opened = await openPage(
      browser,
      '?network=decentralized&seed=42&scenario=region&lat=35.7&lon=139.7&radius=600&autoplay=0&ui=minimal&interactive=1',
    )
    const { page } = opened
    await waitForReady(page)
    await page.waitForFunction(() => window.p2pglobe!.getState().scenario.kind === 'region', undefined, {
      timeout: 60_000,
    })
    const state = await page.evaluate(() => window.p2pglobe!.getState())
    expect(state.network).toBe('decentralized')
    expect(state.scenario).toEqual({ kind: 'region', lat: 35.7, lon: 139.7, radiusKm: 600 })
    expect(state.playing).toBe(false)
    // Minimal: the globe and its numbers, no controls or heading; interactive, so nothing lies over the globe.
    expect(await page.locator('.hud').isVisible()).toBe(true)
    expect(await page.locator('.masthead').isVisible()).toBe(false)
    expect(await page.locator('.controls').count()).toBe(0)
    expect(await page.locator('.dock').count()).toBe(0)
    expect(await page.locator('.stage__engage').count()).toBe(0)
    expect(opened.pageErrors).toEqual([])
    expect(opened.console.filter((c) => c.type === 'error')).toEqual([])
    await page.context().close()
  })

  test('the built page runs under the issue’s Content-Security-Policy without a violation, and asks no other origin', async () => {
    const opened = await openPage(browser, '', {
      initScript: `
        window.__violations = []
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__violations.push(e.violatedDirective + ' ' + e.blockedURI))
      `,
    })
    const { page } = opened
    const policy = opened.headers['content-security-policy'] ?? ''
    for (const directive of ISSUE_CSP) expect(policy).toContain(directive)
    await waitForReady(page)
    await page.waitForFunction(() => window.p2pglobe!.getState().status === 'ready', undefined, { timeout: 60_000 })
    // The worker, the chart, the panels and a scenario on every network: all under the policy.
    expect((await page.evaluate(() => window.p2pglobe!.getState())).backend).toBe('worker')
    for (const network of ['p2p', 'decentralized', 'centralized'] as const)
      await page.evaluate((n) => window.p2pglobe!.setNetwork(n), network)
    await page.evaluate(() => window.p2pglobe!.runScenario({ kind: 'site', at: 'largest' }))
    await page.evaluate(() => window.p2pglobe!.step(3))
    await openTimeline(page)
    await openDrawer(page)
    await page.getByRole('button', { name: 'How it works' }).first().click()
    await page.keyboard.press('Escape')
    await page.waitForTimeout(300)
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([])
    const foreign = opened.requests.filter((u) => {
      const url = new URL(u)
      return url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== opened.url.origin
    })
    expect(foreign).toEqual([])
    expect(opened.pageErrors).toEqual([])
    expect(opened.console.filter((c) => c.type === 'error')).toEqual([])
    await page.context().close()
  })
})
