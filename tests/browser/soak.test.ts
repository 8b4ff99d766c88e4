/**
 * Soak: 90 network switches and 40 scenario runs in one page, accelerated (the page API, a frame after each
 * switch, a few steps per run), in two cycles. After a forced garbage collection the page's JavaScript heap after
 * the second cycle is within 10% of its size after the first; the renderer's geometries and textures are back at
 * their baseline; no error. The heap is measured from a snapshot, without V8's compiled code (which grows as hot
 * functions are optimised) and the browser's native objects. Then the kiosk loop, round and round.
 */
import { rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage, waitForReady } from './chromium'
import { readyForChecks } from './stage'

/**
 * Two cycles of 45 switches and 20 runs (every kind of scenario twice): the heap after the second is compared with
 * the heap after the first. A leak of one thing per switch or per run shows as 45 or 20 more of it.
 */
const CYCLES = 2
const SWITCHES_PER_CYCLE = 45
/** Every kind of scenario once a cycle. */
const RUNS_PER_CYCLE = 10

let browser: Browser

// The folder the browser tests serve (tests/browser/global-setup.ts), for a story file given by its address.
const served = process.env.P2PGLOBE_DIST
  ? resolve(fileURLToPath(new URL('../..', import.meta.url)), process.env.P2PGLOBE_DIST)
  : fileURLToPath(new URL('../../dist', import.meta.url))
const KIOSK_STORY = `soak-kiosk-${process.pid}.json`
/**
 * Four steps of the shortest time a step may stay (2 s), each a different network and failure, at 6 simulated
 * minutes a second: the loop is the kiosk's hours, accelerated.
 */
const STORY = {
  version: 1,
  title: 'Soak',
  steps: [
    {
      title: 'One',
      caption: 'A site goes down.',
      network: 'centralized',
      scenario: { kind: 'site', at: 'ashburn' },
      seconds: 2,
      speed: 6,
    },
    {
      title: 'Two',
      caption: 'A region goes dark.',
      network: 'decentralized',
      scenario: { kind: 'region', lat: 50.1, lon: 8.7, radiusKm: 700 },
      seconds: 2,
      speed: 6,
    },
    {
      title: 'Three',
      caption: 'Random failures.',
      network: 'p2p',
      scenario: { kind: 'random', fraction: 0.2 },
      seconds: 2,
      speed: 6,
    },
    {
      title: 'Four',
      caption: 'Side by side.',
      network: 'p2p',
      compare: { left: 'centralized', right: 'p2p' },
      seconds: 2,
      speed: 6,
    },
  ],
}

beforeAll(async () => {
  browser = await launchBrowser()
  writeFileSync(join(served, KIOSK_STORY), JSON.stringify(STORY))
})

afterAll(async () => {
  await browser?.close()
  rmSync(join(served, KIOSK_STORY), { force: true })
})

/**
 * The page's JavaScript heap after a forced garbage collection, from a heap snapshot: the objects the page's
 * code keeps (V8's compiled code and the browser's own native objects are left out: code grows as the engine
 * optimises hot functions, and neither is something the app holds on to).
 */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const chunks: string[] = []
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }
    nodes: number[]
  }
  const fields = snapshot.snapshot.meta.node_fields
  const types = snapshot.snapshot.meta.node_types[0]
  const stride = fields.length
  const typeAt = fields.indexOf('type')
  const sizeAt = fields.indexOf('self_size')
  let bytes = 0
  for (let i = 0; i < snapshot.nodes.length; i += stride) {
    const type = types[snapshot.nodes[i + typeAt]!]
    if (type !== 'code' && type !== 'native' && type !== 'hidden') bytes += snapshot.nodes[i + sizeAt]!
  }
  return bytes
}

/** One cycle: the networks switched in turn, with a frame drawn each time, then scenarios of every kind run. */
async function cycle(page: Page): Promise<void> {
  await page.evaluate(
    async ({ switches, runs }) => {
      const api = window.p2pglobe!
      const kinds = ['p2p', 'decentralized', 'centralized'] as const
      const frame = () => new Promise((r) => requestAnimationFrame(r))
      for (let i = 0; i < switches; i++) {
        api.setNetwork(kinds[i % kinds.length]!)
        await frame()
      }
      const scenarios = [
        { kind: 'site', at: 'largest' },
        { kind: 'region', lat: 35.7, lon: 139.7, radiusKm: 900 },
        { kind: 'random', fraction: 0.2 },
        { kind: 'links', fraction: 0.2 },
        { kind: 'attack', fraction: 0.05, by: 'degree' },
        { kind: 'cascade', alpha: 0.1, trigger: 'degree' },
        { kind: 'spread', transmissibility: 0.4, at: null },
        { kind: 'push', transmissibility: 0.5, operator: 'largest' },
        { kind: 'churn' },
        { kind: 'none' },
      ] as const
      for (let i = 0; i < runs; i++) {
        await api.runScenario(scenarios[i % scenarios.length]!)
        api.pause()
        await api.step(3)
        await frame()
      }
      api.setNetwork('centralized')
      await api.reset()
      await frame()
      await frame()
    },
    { switches: SWITCHES_PER_CYCLE, runs: RUNS_PER_CYCLE },
  )
}

describe('soak', () => {
  test(`${CYCLES * SWITCHES_PER_CYCLE} switches and ${CYCLES * RUNS_PER_CYCLE} scenario runs leave no growth behind`, async () => {
    const opened = await openPage(browser, '', { viewport: { width: 800, height: 600 } })
    const { page } = opened
    await readyForChecks(page)
    const cdp = await page.context().newCDPSession(page)

    await cycle(page)
    const baseline = await heapAfterGc(cdp)
    const gpu = await page.evaluate(() => window.p2pglobe!.stats())
    for (let i = 1; i < CYCLES; i++) await cycle(page)
    const end = await heapAfterGc(cdp)
    const after = await page.evaluate(() => window.p2pglobe!.stats())

    console.log(
      `soak: heap ${(baseline / 1e6).toFixed(1)} MB after the first cycle, ${(end / 1e6).toFixed(1)} MB after ${CYCLES}`,
    )
    expect(end).toBeLessThanOrEqual(baseline * 1.1)
    expect(after.geometries).toBe(gpu.geometries)
    expect(after.textures).toBe(gpu.textures)
    expect(after.drawCalls).toBeLessThanOrEqual(20)
    expect(opened.pageErrors).toEqual([])
    expect(opened.console.filter((c) => c.type === 'error')).toEqual([])
    await page.context().close()
  }, 600_000)

  test('the kiosk loop, accelerated: a loop of four 2-second steps, four times round (over 30 simulated minutes), no growth', async () => {
    const opened = await openPage(browser, `?story=${KIOSK_STORY}&kiosk=1`, { viewport: { width: 800, height: 600 } })
    const { page } = opened
    await waitForReady(page)
    await page.waitForFunction(() => window.p2pglobe?.getState().story?.kiosk === true, undefined, { timeout: 60_000 })
    await page.evaluate(() => window.p2pglobe!.setPixelRatio(0.5))
    const cdp = await page.context().newCDPSession(page)
    const loops = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await page.waitForFunction(() => window.p2pglobe!.getState().story!.index === 3, undefined, { timeout: 60_000 })
        await page.waitForFunction(() => window.p2pglobe!.getState().story!.index === 0, undefined, { timeout: 60_000 })
      }
    }
    // The simulated time the loop goes through, summed over its steps (each step starts its clock again).
    await page.evaluate(() => {
      const w = window as unknown as { simulatedMinutes: number }
      w.simulatedMinutes = 0
      let last = 0
      setInterval(() => {
        const t = window.p2pglobe!.getState().metrics?.t ?? 0
        w.simulatedMinutes += t >= last ? t - last : t
        last = t
      }, 50)
    })
    // The GPU's resources at the same moment of the loop each time: its third step (the grid), eight simulated
    // minutes in, from a frame drawn then. Not the first step: the compare view before it leaves a new canvas,
    // whose count depends on whether it drew the grid fading out (11 or 13); by the third step that canvas has drawn
    // every network, and holds them all.
    const gpuAtThirdStep = async () => {
      await page.waitForFunction(
        () => {
          const s = window.p2pglobe!.getState()
          return s.story!.index === 2 && (s.metrics?.t ?? 0) >= 8
        },
        undefined,
        { timeout: 60_000, polling: 20 },
      )
      return page.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
        const { geometries, textures } = window.p2pglobe!.stats()
        return { geometries, textures }
      })
    }
    // Two loops round first: each step's code and resources have been used once by then.
    await loops(2)
    const baseline = await heapAfterGc(cdp)
    const gpu = await gpuAtThirdStep()
    await loops(2)
    const end = await heapAfterGc(cdp)
    const after = await gpuAtThirdStep()
    const minutes = await page.evaluate(() => (window as unknown as { simulatedMinutes: number }).simulatedMinutes)
    console.log(
      `kiosk soak: heap ${(baseline / 1e6).toFixed(1)} MB after two loops, ${(end / 1e6).toFixed(1)} MB after 4, ` +
        `${minutes} simulated minutes; geometries ${gpu.geometries} then ${after.geometries}, textures ${gpu.textures} then ${after.textures}`,
    )
    // The "kiosk loop for 30 simulated minutes", accelerated: the clocks went through at least that.
    expect(minutes).toBeGreaterThanOrEqual(30)
    expect(end).toBeLessThanOrEqual(baseline * 1.1)
    // At the same step of the loop, the same GPU resources (one more at most, for a frame caught mid-change); one
    // leaked per loop would be two more.
    expect(after.geometries).toBeLessThanOrEqual(gpu.geometries + 1)
    expect(after.textures).toBeLessThanOrEqual(gpu.textures + 1)
    expect(await page.evaluate(() => window.p2pglobe!.getState().story!.kiosk)).toBe(true)
    expect(opened.pageErrors).toEqual([])
    expect(opened.console.filter((c) => c.type === 'error')).toEqual([])
    await page.context().close()
  }, 300_000)
})
