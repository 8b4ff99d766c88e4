import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import type { StepMetrics } from '../sim/engine'
import { Simulation } from '../sim/engine'
import { abstractNetwork, erdosRenyi } from '../sim/generators'
import { buildNetwork } from '../sim/index'
import { createRng } from '../sim/rng'
import type { Network } from '../sim/network'
import { resolveScenario, type ScenarioKind, type ScenarioSpec } from '../sim/scenarios'
import { formatPercent } from './hud/format'
import { narrate, placeName, scenarioSubject } from './narrate'

const world = loadWorld()
const NETS = {
  centralized: buildNetwork(world, { kind: 'centralized' }, 1),
  decentralized: buildNetwork(world, { kind: 'decentralized' }, 1),
  p2p: buildNetwork(world, { kind: 'p2p' }, 1),
}
const ASHBURN = { lat: 39.04, lon: -77.49 }

/** One spec of every scenario kind, as the page would start it. */
const SPECS: Record<ScenarioKind, ScenarioSpec> = {
  none: { kind: 'none' },
  site: { kind: 'site', at: ASHBURN },
  region: { kind: 'region', lat: 50.1, lon: 8.7, radiusKm: 700 },
  random: { kind: 'random', fraction: 0.2 },
  links: { kind: 'links', fraction: 0.2 },
  attack: { kind: 'attack', fraction: 0.05, by: 'degree' },
  cascade: { kind: 'cascade', alpha: 0.2, trigger: 'load' },
  spread: { kind: 'spread', transmissibility: 0.3, at: ASHBURN },
  push: { kind: 'push', transmissibility: 1, operator: 'largest' },
  churn: { kind: 'churn' },
}

interface Run {
  series: StepMetrics[]
  rounds: number[]
}

/** Runs a scenario as the page does (the failure at the first step), recording the scenario round per step. */
function run(net: Network, spec: ScenarioSpec, steps: number, repairAfterMin: number | null = null): Run {
  const sim = new Simulation(net, resolveScenario(net, spec), 1, { repairAfterMin })
  const series = [sim.current]
  const rounds = [sim.progress.round]
  for (let i = 1; i < steps; i++) {
    series.push(sim.step())
    rounds.push(sim.progress.round)
  }
  return { series, rounds }
}

function say(net: Network, spec: ScenarioSpec, { series, rounds }: Run, i: number): string {
  return narrate({
    scenario: spec,
    net,
    latest: series[i]!,
    first: series[0]!,
    previous: series[i - 1] ?? null,
    round: rounds[i],
  })
}

/** Every percentage a sentence may honestly quote for these metrics. */
function quotable(m: StepMetrics, net: Network): Set<string> {
  const sa = m.serviceAvailability ?? 0
  const uo = m.usersOnline ?? 0
  const shares = [sa, 1 - sa, uo, 1 - uo, uo > 0 ? Math.min(1, sa / uo) : 0]
  shares.push(m.failedNodes / net.graph.n, m.failedLinks / net.graph.m)
  return new Set(shares.map(formatPercent))
}

describe('narrate', () => {
  it('names the site that failed and says what share of services is lost (the centralized cloud)', () => {
    const net = NETS.centralized
    const r = run(net, SPECS.site, 4)
    expect(say(net, SPECS.site, r, 0)).toMatch(/^Ready: all 136 nodes are up and every service answers/)
    expect(say(net, SPECS.site, r, 2)).toBe('Northern Virginia is down: 30% of services are unreachable worldwide.')
  })

  it('says plainly when the same failure costs nothing, and where it was', () => {
    expect(say(NETS.decentralized, SPECS.site, run(NETS.decentralized, SPECS.site, 3), 2)).toBe(
      'Northern Virginia is down: every service still answers.',
    )
    expect(say(NETS.p2p, SPECS.site, run(NETS.p2p, SPECS.site, 3), 2)).toBe(
      'A small node near Northern Virginia is down: every service still answers.',
    )
  })

  it('tells a regional disaster apart: people there lose their own connection in every network', () => {
    for (const net of Object.values(NETS)) {
      const r = run(net, SPECS.region, 3)
      const s = say(net, SPECS.region, r, 2)
      const m = r.series[2]!
      expect(s).toContain('everything within 700 km of Frankfurt')
      expect(s).toContain(`(${m.failedNodes} nodes)`)
      expect(s).toContain(`${formatPercent(1 - m.usersOnline!)} of people are cut off`)
    }
  })

  it('follows a cascade round by round, then says it stopped', () => {
    const net = NETS.p2p
    const r = run(net, SPECS.cascade, 12)
    expect(say(net, SPECS.cascade, r, 1)).toMatch(/^A cascade begins: the busiest node failed; /)
    const spreading = say(net, SPECS.cascade, r, 3)
    expect(spreading).toMatch(
      new RegExp(
        `^A cascade is spreading: round ${r.rounds[3]}, ${r.series[3]!.failedNodes} nodes down; every service still answers\\.$`,
      ),
    )
    expect(say(net, SPECS.cascade, r, 11)).toMatch(/^The cascade has stopped: \d+ nodes down; /)
  })

  it('says what every scenario did on every network, in sentences whose numbers are the metrics', () => {
    for (const [kind, net] of Object.entries(NETS)) {
      for (const spec of Object.values(SPECS)) {
        const r = run(net, spec, 8)
        for (let i = 0; i < r.series.length; i++) {
          const s = say(net, spec, r, i)
          const m = r.series[i]!
          const where = `${kind} ${spec.kind} step ${i}: ${s}`
          expect(s, where).toMatch(/^[A-Z0-9].*\.$/)
          expect(s, where).not.toMatch(/NaN|undefined|null|Infinity/)
          // Every percentage quoted is one of the metrics (or a share of nodes or links), as formatted.
          const ok = quotable(m, net)
          for (const pct of s.match(/\d[\d.,]*%/g) ?? []) expect(ok.has(pct), where).toBe(true)
          // "Every service" is only said when it is true for everyone online.
          if (/every service (still )?answers/.test(s)) {
            expect(m.serviceAvailability, where).toBe(1)
            expect(m.usersOnline, where).toBe(1)
          }
          // No cheering: the numbers speak.
          expect(s, where).not.toMatch(/resilien|unbreak|invincib|flawless|immune|merely|just |no problem|safe/i)
        }
      }
    }
  })

  it('says so when the distributed network loses something too', () => {
    // One software release on every node: the grid's one shared weakness.
    const spec: ScenarioSpec = { kind: 'push', transmissibility: 1, operator: 'all' }
    const r = run(NETS.p2p, spec, 8)
    const s = say(NETS.p2p, spec, r, 7)
    expect(r.series[7]!.usersOnline!).toBeLessThan(0.5)
    expect(s).toMatch(/^A bad push (is rolling out|went) through every machine/)
    expect(s).toMatch(/nobody can reach any service|of people are cut off/)

    // Half the grid failing at random: services are lost, and the sentence says how many.
    const half: ScenarioSpec = { kind: 'random', fraction: 0.5 }
    const h = run(NETS.p2p, half, 3)
    const sa = h.series[2]!.serviceAvailability!
    expect(sa).toBeLessThan(0.95)
    expect(say(NETS.p2p, half, h, 2)).toContain(`${formatPercent(1 - sa)} of services are unreachable worldwide`)
  })

  it('says who a push goes through, and that churn is everyday', () => {
    const push = SPECS.push
    expect(say(NETS.p2p, push, run(NETS.p2p, push, 3), 2)).toMatch(
      /through the largest operator's machines: 5 machines down/,
    )
    expect(say(NETS.centralized, push, run(NETS.centralized, push, 3), 2)).toMatch(
      /through the only operator's machines/,
    )
    const churn = run(NETS.p2p, SPECS.churn, 3)
    expect(say(NETS.p2p, SPECS.churn, churn, 2)).toMatch(
      new RegExp(`^Everyday churn: ${churn.series[2]!.failedNodes} of 3,000 nodes are down right now; `),
    )
    expect(say(NETS.p2p, SPECS.none, run(NETS.p2p, SPECS.none, 3), 2)).toMatch(/^A normal day: all 3,000 nodes are up/)
  })

  it('says when everything is back, and what it cost', () => {
    const net = NETS.centralized
    const r = run(net, SPECS.site, 8, 5)
    const last = r.series[7]!
    expect(last.failedNodes).toBe(0)
    expect(say(net, SPECS.site, r, 7)).toMatch(
      /^Everything is back: all 136 nodes up and every service answers again; [\d.]+ million person-hours were lost\.$/,
    )
  })

  it('says what it can of a graph without people or services', () => {
    const net = abstractNetwork(erdosRenyi(200, 3, createRng(7, 'test')), 'random graph')
    const spec: ScenarioSpec = { kind: 'random', fraction: 0.3 }
    const r = run(net, spec, 3)
    expect(say(net, spec, r, 2)).toMatch(
      /^60 nodes down: \d+% of the 200 nodes are up and in the largest connected group\.$/,
    )
  })

  it('names places by the nearest known metro, or by coordinates', () => {
    expect(placeName(39.0, -77.4)).toBe('Northern Virginia')
    expect(placeName(0, -150)).toBeNull()
    expect(scenarioSubject(NETS.p2p, { kind: 'site', at: { lat: -10, lon: -150 } })).toMatch(/^a small node at \d/)
    expect(scenarioSubject(NETS.centralized, { kind: 'region', lat: 0, lon: -150, radiusKm: 500 })).toBe(
      'everything within 500 km of 0.0°N 150.0°W',
    )
  })
})
