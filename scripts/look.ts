/**
 * `node --import tsx scripts/look.ts 'query' 'js to run in the page (await allowed)' out.png [width height]`: serves
 * dist/, opens it with the query, waits for ready, runs the script in the page, waits for the globe to stand
 * still and saves a PNG. A development tool for looking at a change, not a test.
 */
import { sceneIdle } from '../tests/browser/stage.ts'
import { startDistBrowser } from './dist-browser.ts'

const [query = '', script = '', out = 'test-results/look.png', w = '1280', h = '720'] = process.argv.slice(2)
const { base, browser, close } = await startDistBrowser()
try {
  const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } })
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`))
  page.on('console', (m) => m.type() !== 'log' && console.log(`[page ${m.type()}] ${m.text()}`))
  await page.addInitScript(() => {
    window.addEventListener('p2pglobe:ready', () => ((window as unknown as { __ready: boolean }).__ready = true))
  })
  await page.goto(`${base}?${query}`)
  await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, undefined, {
    timeout: 60_000,
  })
  await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready')
  await page.evaluate(`(async () => { window.p2pglobe.setAutoRotate(false); ${script} })()`)
  await sceneIdle(page, 1500, 30_000).catch(() => console.log('(the globe kept drawing)'))
  await page.screenshot({ path: out })
  console.log(`saved ${out}`)
} finally {
  await close()
}
