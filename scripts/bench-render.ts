/**
 * `npm run bench:render`: how the globe renders in headless Chromium (SwiftShader, the CPU rasteriser: no GPU).
 * Builds the app, serves it, and measures two views while frames come continuously:
 *  - the default view (the centralized cloud, turning slowly);
 *  - a 10,000-node peer-to-peer network during an overload cascade.
 * Records draw calls, triangles, the frame interval (median and 95th percentile) and the main-thread JavaScript
 * time per frame (the frame's update callbacks plus three.js's render call, from window.p2pglobe.stats()), in
 * bench-results/render.json and the render section of BENCHMARKS.md. A benchmark, not a test.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { build, preview } from 'vite'
import { launchBrowser } from '../tests/browser/chromium.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const quick = process.argv.includes('--quick')
const SECONDS = quick ? 3 : 8

interface Measured {
  view: string
  drawCalls: number
  triangles: number
  frames: number
  intervalP50Ms: number
  intervalP95Ms: number
  jsP50Ms: number
  jsP95Ms: number
  /** The same without the simulation's steps: what drawing costs. */
  sceneP50Ms: number
  sceneP95Ms: number
  /** Simulation time of the frames that stepped it. */
  stepP50Ms: number
  stepP95Ms: number
  steps: number
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!
}

/** Runs in the page: rAF intervals, new per-frame JS times and the worst draw calls over `ms`. */
const IN_PAGE = `async (ms) => {
  const api = window.p2pglobe
  const stamps = []
  const js = []
  const sim = []
  let drawCalls = 0
  let triangles = 0
  let lastCount = api.stats().frameTimesMs.length
  const end = performance.now() + ms
  await new Promise((resolve) => {
    const tick = (t) => {
      stamps.push(t)
      const s = api.stats()
      drawCalls = Math.max(drawCalls, s.drawCalls)
      triangles = Math.max(triangles, s.triangles)
      // frameTimesMs keeps the last 120 frames; take the new ones.
      const times = s.frameTimesMs
      const fresh = times.length >= 120 ? 1 : times.length - lastCount
      for (let i = Math.max(0, times.length - fresh); i < times.length; i++) {
        js.push(times[i])
        sim.push(s.simulationTimesMs[i])
      }
      lastCount = times.length
      if (t < end) requestAnimationFrame(tick)
      else resolve()
    }
    requestAnimationFrame(tick)
  })
  const intervals = stamps.slice(1).map((t, i) => t - stamps[i])
  return { intervals, js, sim, drawCalls, triangles }
}`

/** Collects rAF intervals and per-frame JS time for `seconds` while the page animates; the worst draw calls seen. */
async function measure(page: Page, view: string, seconds: number): Promise<Measured> {
  // Sent as source text: tsx would otherwise wrap the named inner functions with a helper the page lacks.
  const result = (await page.evaluate(`(${IN_PAGE})(${seconds * 1000})`)) as {
    intervals: number[]
    js: number[]
    sim: number[]
    drawCalls: number
    triangles: number
  }
  const scene = result.js.map((t, i) => t - (result.sim[i] ?? 0))
  const steps = result.sim.filter((t) => t > 0)
  return {
    view,
    drawCalls: result.drawCalls,
    triangles: result.triangles,
    frames: result.intervals.length,
    intervalP50Ms: quantile(result.intervals, 0.5),
    intervalP95Ms: quantile(result.intervals, 0.95),
    jsP50Ms: quantile(result.js, 0.5),
    jsP95Ms: quantile(result.js, 0.95),
    sceneP50Ms: quantile(scene, 0.5),
    sceneP95Ms: quantile(scene, 0.95),
    stepP50Ms: quantile(steps, 0.5),
    stepP95Ms: quantile(steps, 0.95),
    steps: steps.length,
  }
}

await build({ root, mode: 'production', logLevel: 'warn' })
const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, open: false } })
const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`
const browser = await launchBrowser()
const rows: Measured[] = []
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`))
  await page.goto(url)
  await page.waitForFunction(
    () => window.p2pglobe?.getState().status === 'ready' && document.documentElement.dataset.ready === '1',
    undefined,
    {
      timeout: 60_000,
    },
  )
  // The pixel ratio is held at 1: left adaptive, SwiftShader's slow frames would step it down mid-measurement.
  await page.evaluate(() => window.p2pglobe!.setPixelRatio(1))
  // Let the first frames (shader compilation, uploads) pass.
  await page.waitForTimeout(1500)
  rows.push(await measure(page, 'default view (centralized cloud, turning)', SECONDS))

  await page.evaluate(() => {
    const api = window.p2pglobe!
    api.configure({ kind: 'p2p', nodes: 10_000 })
    api.setNetwork('p2p')
    api.runScenario({ kind: 'cascade', alpha: 0.05, trigger: 'load' })
    api.setSpeed(2)
  })
  await page.waitForTimeout(1500)
  rows.push(await measure(page, '10,000-node peer-to-peer network during a cascade', SECONDS))
} finally {
  await browser.close()
  await server.close()
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, headless Chromium with SwiftShader (no GPU)`
console.log(`\nRender benchmark (${machine}; ${SECONDS} s per view)\n`)
for (const r of rows) {
  console.log(
    `${r.view}\n  draw calls ${r.drawCalls} (≤ 20 ${r.drawCalls <= 20 ? 'met' : 'MISSED'}), triangles ${r.triangles.toLocaleString('en')}, ` +
      `${r.frames} frames\n  frame interval p50 ${r.intervalP50Ms.toFixed(1)} ms, p95 ${r.intervalP95Ms.toFixed(1)} ms; ` +
      `JavaScript per frame p50 ${r.jsP50Ms.toFixed(2)} ms, p95 ${r.jsP95Ms.toFixed(2)} ms\n  ` +
      `of which drawing p50 ${r.sceneP50Ms.toFixed(2)} ms, p95 ${r.sceneP95Ms.toFixed(2)} ms; ` +
      `simulation steps in ${r.steps} frames, p50 ${r.stepP50Ms.toFixed(1)} ms, p95 ${r.stepP95Ms.toFixed(1)} ms`,
  )
}

mkdirSync(join(root, 'bench-results'), { recursive: true })
const date = new Date().toISOString()
writeFileSync(
  join(root, 'bench-results', 'render.json'),
  JSON.stringify({ date, machine, quick, rows }, null, 2) + '\n',
)

if (!quick) {
  const big = rows[1]!
  const section = [
    '<!-- bench:render:start -->',
    '## Rendering',
    '',
    `\`npm run bench:render\` on ${machine}, ${date.slice(0, 10)}; 1280 × 720 at pixel ratio 1, ${SECONDS} s per view with frames`,
    "coming continuously. The frame interval is between animation frames; JavaScript per frame is the frame's",
    "update callbacks plus three.js's render call on the main thread (`window.p2pglobe.stats().frameTimesMs`),",
    'split into what stepping the simulation took on the main thread and the rest (drawing).',
    'SwiftShader rasterises on the CPU, so the frame interval here is far longer than on any machine with a GPU;',
    'the draw calls and the JavaScript time are what carry over. Raw figures: bench-results/render.json.',
    '',
    '| View | Draw calls | Triangles | Frame interval p50 / p95 | JS per frame p50 / p95 | of it drawing p50 / p95 | simulation step p50 / p95 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.view} | ${r.drawCalls} | ${r.triangles.toLocaleString('en')} | ${r.intervalP50Ms.toFixed(1)} / ${r.intervalP95Ms.toFixed(1)} ms | ${r.jsP50Ms.toFixed(2)} / ${r.jsP95Ms.toFixed(2)} ms | ${r.sceneP50Ms.toFixed(2)} / ${r.sceneP95Ms.toFixed(2)} ms | ${r.steps ? `${r.stepP50Ms.toFixed(1)} / ${r.stepP95Ms.toFixed(1)} ms` : '—'} |`,
    ),
    '',
    `Targets: at most 20 draw calls in both views (${rows.every((r) => r.drawCalls <= 20) ? 'met' : 'MISSED'}); the 10,000-node view during a cascade at 3 frames a second or more, a frame interval of at most 333 ms at the median (${big.intervalP50Ms <= 1000 / 3 ? 'met' : 'MISSED'}: ${(1000 / big.intervalP50Ms).toFixed(1)} frames a second); at most 5 ms of JavaScript per frame (median) at 10,000 nodes (${big.jsP50Ms <= 5 ? 'met' : 'MISSED'}: ${big.jsP50Ms.toFixed(2)} ms).`,
    '',
    "Where the frame's cost went under SwiftShader (each layer hidden in turn, measured as the GPU process's CPU",
    "time per frame; 2026-12-04): the ring pool drew 24 quads through the Earth's centre even with no ring out (a",
    "third of the default view's frame); 4× multisampling halved the frame rate, and the panels' backdrop blur cost",
    "the compositor as much as a third of the drawing; the atmosphere's shell covered the whole disc that the ocean",
    'then hid; and at 10,000 nodes the links were four fifths of the frame, half of them on the far side of the globe.',
    'Now the pool draws only while a ring is out; on a software rasteriser the context has no multisampling and',
    'the panels no blur (the dots, links and rings antialias in their shaders; on a GPU nothing changed); the',
    'atmosphere is an annulus around the outline; dots and link segments on the far side, or too faint to show,',
    'are moved out of the clip volume in the vertex shader. Before, on this machine, the default view took 183 to',
    '200 ms a frame (at pixel ratio 0.75); the 10,000-node view took 617 ms in the previous run of this benchmark',
    '(2026-11-24, another 2-core machine). The links remain most of the latter (about 110,000 segments).',
    'The simulation runs in a Web Worker: on the main thread a step costs only its request and taking in the',
    'snapshot (the simulation column), which the scene then draws; the cascade rounds themselves (betweenness',
    'from 128 sampled sources at 10,000 nodes) run in the worker and never block a frame. SwiftShader makes the',
    'frame interval long; on a GPU the same JavaScript per frame leaves most of a 16 ms frame free.',
    '<!-- bench:render:end -->',
  ].join('\n')
  const path = join(root, 'BENCHMARKS.md')
  let doc = readFileSync(path, 'utf8')
  doc = doc.includes('<!-- bench:render:start -->')
    ? doc.replace(/<!-- bench:render:start -->[\s\S]*<!-- bench:render:end -->/, section)
    : `${doc.trimEnd()}\n\n${section}\n`
  writeFileSync(path, doc)
  console.log('\nwrote BENCHMARKS.md and bench-results/render.json')
}
