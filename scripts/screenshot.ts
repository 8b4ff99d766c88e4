/**
 * `npm run screenshot -- [--network p2p] [--scenario '{"kind":"region",...}'] [--steps N] [--lat L --lon L]
 * [--click 'selector;selector'] [--canvas] [--quality Q] [--out file.png]`:
 * builds nothing; serves dist/ (run `npm run build` first), opens it in headless Chromium, drives it through
 * window.p2pglobe and saves a PNG, for looking at what a change did. A development tool, not a test.
 */

import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startDistBrowser } from './dist-browser.ts'

// node's parser would take "-20" for a flag: join a negative value to its flag (--lon=-20).
const args: string[] = []
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i]!
  const next = process.argv[i + 1]
  if (arg.startsWith('--') && !arg.includes('=') && next !== undefined && /^-\d/.test(next)) {
    args.push(`${arg}=${next}`)
    i++
  } else args.push(arg)
}

const { values } = parseArgs({
  args,
  options: {
    network: { type: 'string', default: 'centralized' },
    scenario: { type: 'string' },
    steps: { type: 'string', default: '0' },
    wait: { type: 'string', default: '1500' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '720' },
    dpr: { type: 'string', default: '1' },
    query: { type: 'string', default: '' },
    rotate: { type: 'boolean', default: false },
    /** Two networks side by side (the compare view), from the control panel's button. */
    compare: { type: 'boolean', default: false },
    /** Elements to press before the picture, in order (CSS selectors, comma-separated groups split on ";"). */
    click: { type: 'string' },
    /** Only the canvas, with the page's overlays (labels, legend, heading) hidden. */
    canvas: { type: 'boolean', default: false },
    /** JPEG quality (1-100); without it the picture is a PNG. */
    quality: { type: 'string' },
    lat: { type: 'string' },
    lon: { type: 'string' },
    out: { type: 'string', default: 'test-results/shot.png' },
  },
})

const root = fileURLToPath(new URL('..', import.meta.url))
// P2PGLOBE_DIST: serve another build folder than dist/ (as the browser tests do).
const { base, browser, close } = await startDistBrowser()
try {
  const page = await browser.newPage({
    viewport: { width: Number(values.width), height: Number(values.height) },
    deviceScaleFactor: Number(values.dpr),
  })
  page.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`))
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`))
  await page.addInitScript(() => {
    window.addEventListener('p2pglobe:ready', () => ((window as unknown as { __ready: boolean }).__ready = true))
  })
  await page.goto(`${base}${values.query ? `?${values.query}` : ''}`)
  await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, undefined, {
    timeout: 60_000,
  })
  await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready')
  await page.evaluate(
    async ({ network, scenario, steps, rotate }) => {
      const api = window.p2pglobe!
      api.setAutoRotate(rotate)
      api.setNetwork(network as never)
      if (scenario) {
        await api.runScenario(JSON.parse(scenario))
        api.pause()
      }
      await api.step(steps)
    },
    {
      network: values.network!,
      scenario: values.scenario ?? null,
      steps: Number(values.steps),
      rotate: values.rotate!,
    },
  )
  if (values.compare) {
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('[data-action="compare"]')!.click())
    await page.waitForFunction(() => document.querySelectorAll('.globe canvas').length === 2)
  }
  if (values.lat !== undefined && values.lon !== undefined) {
    await page.evaluate(
      ([lat, lon]) => window.p2pglobe!.lookAt(lat!, lon!, { instant: true }),
      [Number(values.lat), Number(values.lon)],
    )
  }
  for (const selector of values.click ? values.click.split(';') : []) {
    await page.locator(selector).first().click()
    await page.waitForTimeout(300)
  }
  await page.waitForTimeout(Number(values.wait))
  const out = resolve(root, values.out!)
  mkdirSync(dirname(out), { recursive: true })
  const format = values.quality
    ? ({ type: 'jpeg', quality: Number(values.quality) } as const)
    : ({ type: 'png' } as const)
  if (values.canvas) {
    await page.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>(
        '.site-labels, .legend, .rail, .dock, .timeline, .controls',
      ))
        el.style.display = 'none'
    })
    await page.locator('.globe canvas').screenshot({ path: out, ...format })
  } else {
    await page.screenshot({ path: out, ...format })
  }
  const stats = await page.evaluate(() => window.p2pglobe!.stats())
  console.log(`saved ${out}; draw calls ${stats.drawCalls}, triangles ${stats.triangles}`)
} finally {
  await close()
}
