/**
 * The same seed gives the same numbers everywhere: the metric series of a seeded scenario, computed in the page
 * (in its Web Worker), equals what the command line prints for the same network, scenario and seed, step by step,
 * for every kind of scenario. (The command line's own code, called here in Node rather than in a process of its
 * own: the same function `npm run sim` runs.)
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { main } from '../../src/cli/sim'
import { STEP_METRIC_FIELDS } from '../../src/sim/engine'
import { SCENARIO_KINDS, type ScenarioSpec } from '../../src/sim/scenarios'
import { launchBrowser, openPage, waitForReady } from './chromium'

const SEED = 7
const STEPS = 6
const FIELDS = STEP_METRIC_FIELDS

type Row = Record<(typeof FIELDS)[number], number | null>

/** Every kind of scenario (the command line's list), each on one of the networks. */
const CASES: {
  network: 'centralized' | 'decentralized' | 'p2p'
  flags: string[]
  scenario: ScenarioSpec
  /** Whether it fails something within the steps run (churn may not, on a quiet day). */
  fails: boolean
}[] = [
  { network: 'centralized', flags: ['--scenario', 'none'], scenario: { kind: 'none' }, fails: false },
  {
    network: 'centralized',
    flags: ['--scenario', 'site', '--lat', '39.04', '--lon', '-77.49'],
    scenario: { kind: 'site', at: { lat: 39.04, lon: -77.49 } },
    fails: true,
  },
  {
    network: 'p2p',
    flags: ['--scenario', 'region', '--lat', '50.1', '--lon', '8.7', '--radius-km', '800'],
    scenario: { kind: 'region', lat: 50.1, lon: 8.7, radiusKm: 800 },
    fails: true,
  },
  {
    network: 'decentralized',
    flags: ['--scenario', 'random', '--fraction', '0.2'],
    scenario: { kind: 'random', fraction: 0.2 },
    fails: true,
  },
  {
    network: 'p2p',
    flags: ['--scenario', 'links', '--fraction', '0.1'],
    scenario: { kind: 'links', fraction: 0.1 },
    fails: true,
  },
  {
    network: 'p2p',
    flags: ['--scenario', 'attack', '--fraction', '0.05', '--by', 'degree'],
    scenario: { kind: 'attack', fraction: 0.05, by: 'degree' },
    fails: true,
  },
  {
    network: 'decentralized',
    flags: ['--scenario', 'cascade', '--alpha', '0.1', '--trigger', 'load'],
    scenario: { kind: 'cascade', alpha: 0.1, trigger: 'load' },
    fails: true,
  },
  {
    network: 'p2p',
    // From a node the failure stream picks, in both.
    flags: ['--scenario', 'spread', '--transmissibility', '0.4'],
    scenario: { kind: 'spread', transmissibility: 0.4, at: null },
    fails: true,
  },
  {
    network: 'p2p',
    flags: ['--scenario', 'push', '--transmissibility', '1', '--operator', 'largest'],
    scenario: { kind: 'push', transmissibility: 1, operator: 'largest' },
    fails: true,
  },
  { network: 'p2p', flags: ['--scenario', 'churn'], scenario: { kind: 'churn' }, fails: true },
]

function fromCli(network: string, flags: string[]): Row[] {
  const out = main(['run', '--network', network, ...flags, '--steps', String(STEPS), '--seed', String(SEED)])
  return (JSON.parse(out) as { steps: Row[] }).steps
}

const pick = (r: Record<string, number | null>): Row => Object.fromEntries(FIELDS.map((f) => [f, r[f]])) as Row

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

describe('the same seed, the same numbers', () => {
  test('a seeded scenario in the page equals the command line, step by step', async () => {
    const opened = await openPage(browser, `?seed=${SEED}&autoplay=0`)
    const { page } = opened
    await waitForReady(page)
    await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })

    for (const c of CASES) {
      const cli = fromCli(c.network, c.flags).map(pick)
      // t = 0 (healthy) to t = STEPS - 1.
      expect(cli).toHaveLength(STEPS)
      const rows = (await page.evaluate(
        async ({ network, scenario, steps }) => {
          const api = window.p2pglobe!
          api.setNetwork(network)
          await api.runScenario(scenario)
          api.pause()
          await api.step(0)
          const seen = new Map<number, Record<string, number | null>>()
          for (let i = 0; i <= steps && api.getState().metrics!.t < steps - 1; i++) {
            const m = api.getState().metrics!
            seen.set(m.t, { ...m })
            await api.step(1)
          }
          const last = api.getState().metrics!
          seen.set(last.t, { ...last })
          return [...seen.values()]
        },
        { network: c.network, scenario: c.scenario, steps: STEPS },
      )) as Record<string, number | null>[]
      const page_ = rows.map(pick)
      // Every step the page went through is the command line's step of the same time, to the last bit.
      expect(page_.length).toBeGreaterThanOrEqual(STEPS - 1)
      expect(page_.at(-1)!.t).toBe(STEPS - 1)
      for (const row of page_) expect(row, `${c.network} at t=${row.t}`).toEqual(cli.find((r) => r.t === row.t))
      // And the failure did something: this is not two healthy networks agreeing.
      if (c.fails) expect(page_.at(-1)!.failedNodes! + page_.at(-1)!.failedLinks!, c.scenario.kind).toBeGreaterThan(0)
    }
    // Every kind of scenario the command line runs is here.
    expect(new Set(CASES.map((c) => c.scenario.kind))).toEqual(new Set(SCENARIO_KINDS))
    expect(opened.pageErrors).toEqual([])
    await page.context().close()
  }, 180_000)
})
