/**
 * Hostile addresses in the real page: the globe renders, what was ignored is shown in the notice, no uncaught
 * error occurs, and nothing from the address becomes HTML (markup in a value stays text; a script in it never
 * runs). 500 addresses are applied to one running page through `p2pglobe.applyParams`, the same parser and the
 * same setting-up as a load; P2PGLOBE_FUZZ_LOADS more are loaded in full, each a page load of its own (default 8,
 * to keep `npm test` quick; `P2PGLOBE_FUZZ_LOADS=500 npm run test:browser -- fuzz` for the long run). The parser
 * alone takes 3,000 random addresses in a unit test (src/embed/urlParams.fuzz.test.ts).
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { launchBrowser } from './chromium'

const LOADS = Math.max(1, Math.min(2000, Number(process.env.P2PGLOBE_FUZZ_LOADS) || 8))

/** Values that try to be markup or script, or to break a parser. */
const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '%3Cb%3Ebold%3C%2Fb%3E',
  '1e309',
  'NaN',
  '-0',
  '99999999999999999999999',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '😀'.repeat(50),
  'x'.repeat(3000),
  '',
  '%',
  '__proto__',
]
const KEYS = [
  'network',
  'scenario',
  'seed',
  'nodes',
  'lat',
  'lon',
  'radius',
  'theme',
  'ui',
  'story',
  'step',
  'speed',
  'view',
  'embed',
  'parentOrigin',
  'at',
  'zzz',
  '__proto__',
  '<b>k</b>',
]

/** A seeded stream of addresses: hostile values under known and unknown keys, repeated keys, many keys. */
function addresses(count: number, seed = 12345): string[] {
  let s = seed
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const parts: string[] = []
    const n = 1 + Math.floor(next() * 6)
    for (let k = 0; k < n; k++) {
      const key = pick(KEYS)
      const value = pick(HOSTILE)
      parts.push(next() < 0.25 ? `${key}=${value}` : `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    }
    out.push(`?${parts.join('&')}`)
  }
  return out
}

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** A page of its own, noting every uncaught error and console error. */
async function newPage() {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  return { context, page, errors }
}

/** What a value from the address would have done had it become markup or script. */
const injected = () => ({
  pwned: (window as unknown as { __pwned?: number }).__pwned ?? 0,
  // Markup from a value would have become elements: none of these exist in the app.
  elements: document.querySelectorAll('main img[src="x"], main svg[onload], main script, main b').length,
})

describe('hostile addresses', () => {
  test('500 hostile addresses applied to the running page: it keeps drawing, the notice tells, nothing becomes HTML', async () => {
    const { context, page, errors } = await newPage()
    await page.goto(inject('baseUrl'))
    await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })
    await page.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 60_000 })
    const frames = () => page.evaluate(() => window.p2pglobe!.stats().frameTimesMs.join())
    let told = 0
    const queries = addresses(500, 777)
    for (const [i, query] of queries.entries()) {
      const problems = await page.evaluate((q) => window.p2pglobe!.applyParams(q), query)
      // The page is still up (what the address set going, like a new seed's rebuild, goes on in the background;
      // the store puts what comes next after it).
      expect(await page.evaluate(() => window.p2pglobe!.getState().status), query).toBe('ready')
      // The notice shows what was ignored, as text.
      const shown = await page.evaluate(() => document.querySelector('.notices')?.textContent ?? '')
      for (const p of problems) expect(shown, query).toContain(p.slice(0, 30))
      if (problems.length > 0) told++
      expect(await page.evaluate(injected), query).toEqual({ pwned: 0, elements: 0 })
      expect(errors, query).toEqual([])
      // Every 25 addresses: the globe still draws (a frame asked for is drawn).
      if (i % 25 === 24) {
        const before = await frames()
        await page.evaluate(() => window.p2pglobe!.lookAt(10 * Math.random(), 10 * Math.random(), { instant: true }))
        await expect.poll(frames, { timeout: 15_000, message: query }).not.toBe(before)
      }
    }
    // Nearly every address has something wrong, and says so.
    expect(told).toBeGreaterThan(400)
    await context.close()
  }, 300_000)

  test(
    `${LOADS} hostile addresses: the globe renders, the notice tells, nothing becomes HTML`,
    async () => {
      const { context, page, errors } = await newPage()
      let withNotice = 0
      for (const query of addresses(LOADS)) {
        await page.goto(new URL(query, inject('baseUrl')).href)
        // The first frame of the globe, drawn.
        await page.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 60_000 })
        // The notice says what was ignored, as text.
        const notice = page.locator('.notices').first()
        if ((await notice.count()) > 0 && (await notice.isVisible())) withNotice++
        expect(await page.evaluate(injected), query).toEqual({ pwned: 0, elements: 0 })
        expect(errors, query).toEqual([])
        // The globe is drawn: its canvas exists with a size.
        expect(await page.locator('.globe canvas').count(), query).toBeGreaterThan(0)
      }
      // Nearly every address has something wrong, and says so.
      expect(withNotice).toBeGreaterThan(LOADS / 2)
      await context.close()
    },
    60_000 + LOADS * 8_000,
  )
})
