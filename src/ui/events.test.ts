import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import type { StepMetrics } from '../sim/engine'
import { Simulation } from '../sim/engine'
import { buildNetwork } from '../sim/index'
import type { Network } from '../sim/network'
import { resolveScenario, type ScenarioSpec } from '../sim/scenarios'
import { MAX_EVENTS, deriveEvents } from './events'
import { MINUS } from './hud/format'

const world = loadWorld()
const centralized = buildNetwork(world, { kind: 'centralized' }, 1)
const p2p = buildNetwork(world, { kind: 'p2p' }, 1)
const ASHBURN = { lat: 39.04, lon: -77.49 }

function run(net: Network, spec: ScenarioSpec, steps: number, repairAfterMin: number | null = null): StepMetrics[] {
  return new Simulation(net, resolveScenario(net, spec), 1, { repairAfterMin }).run(steps)
}

/** A metrics entry for hand-made series. */
function m(t: number, failedNodes: number, serviceAvailability: number, extra: Partial<StepMetrics> = {}): StepMetrics {
  return {
    t,
    usersOnline: 1,
    serviceAvailability,
    survivability: 1,
    latencyP50Ms: 100,
    latencyP95Ms: 200,
    failedNodes,
    failedLinks: 0,
    userHoursLost: 0,
    ...extra,
  }
}

describe('deriveEvents', () => {
  it('logs a site failure, its cost and its repair, newest first', () => {
    const spec: ScenarioSpec = { kind: 'site', at: ASHBURN }
    const events = deriveEvents(run(centralized, spec, 10, 5), { scenario: spec, net: centralized })
    expect(events.map((e) => `${e.when}: ${e.what}`)).toEqual([
      expect.stringMatching(
        /^T\+6 min: 1 node came back: everything is back; [\d.]+ million person-hours lost in all$/,
      ),
      `T+1 min: Northern Virginia went down; services available 70% (${MINUS}30 points)`,
      'T+0: Start (Northern Virginia will fail): all 136 nodes up; every service answers',
    ])
    expect(events.map((e) => e.severity)).toEqual(['ok', 'bad', 'ok'])
    expect(events[0]!.t).toBe(6)
  })

  it("says who repaired what: the provider's engineers alerted, then restoring; the grid healing by itself", () => {
    const spec: ScenarioSpec = { kind: 'site', at: ASHBURN }
    const cloud = new Simulation(centralized, resolveScenario(centralized, spec), 1)
    const series = cloud.run(200)
    const lines = deriveEvents(series, { scenario: spec, net: centralized, milestones: cloud.milestones }).map(
      (e) => `${e.when}: ${e.what}`,
    )
    expect(lines[0]).toMatch(
      /^T\+3 h 11 min: 1 node came back \(restored by the provider's engineers\): everything is back; [\d.]+ (million|billion) person-hours lost in all$/,
    )
    expect(lines).toContain("T+4 min: The provider's engineers are alerted and set to work on it")

    const grid = new Simulation(p2p, resolveScenario(p2p, { kind: 'region', ...ASHBURN, radiusKm: 500 }), 1)
    const healed = grid.run(60)
    const log = deriveEvents(healed, {
      scenario: { kind: 'region', ...ASHBURN, radiusKm: 500 },
      net: p2p,
      milestones: grid.milestones,
    })
    const first = grid.milestones.find((m) => m.kind === 'healed')!
    const line = log.find((e) => e.t === first.t)!
    expect(line.what).toMatch(/^\d+ lost cop(y|ies) made again on other nodes by the grid itself/)
    expect(log.some((e) => /alerted/.test(e.what))).toBe(false)
  })

  it('says when the same failure cost nothing', () => {
    const spec: ScenarioSpec = { kind: 'site', at: ASHBURN }
    const events = deriveEvents(run(p2p, spec, 3), { scenario: spec, net: p2p })
    expect(events[0]!.what).toBe('A small node near Northern Virginia went down; every service still answers')
  })

  it('numbers the rounds of a cascade', () => {
    const spec: ScenarioSpec = { kind: 'cascade', alpha: 0.2, trigger: 'load' }
    // A grid of 1,000 nodes, where it runs five rounds (on the default 3,000 it stops at once).
    const grid = buildNetwork(world, { kind: 'p2p', nodes: 1000 }, 1)
    const series = run(grid, spec, 8)
    const events = deriveEvents(series, { scenario: spec, net: grid })
    const texts = events.map((e) => `${e.when}: ${e.what}`)
    expect(texts).toContain('T+1 min: The cascade begins: the busiest node failed; every service still answers')
    const added = series[3]!.failedNodes - series[2]!.failedNodes
    expect(texts).toContain(`T+3 min: ${added} more nodes failed (cascade round 2); every service still answers`)
  })

  it('logs what a disaster costs in people cut off and services lost', () => {
    const spec: ScenarioSpec = { kind: 'region', lat: 50.1, lon: 8.7, radiusKm: 700 }
    const series = run(centralized, spec, 3)
    const hit = deriveEvents(series, { scenario: spec, net: centralized })[0]!
    expect(hit.what).toMatch(
      new RegExp(
        `^A disaster took down everything within 700 km of Frankfurt: 6 nodes; services available 82% \\(${MINUS}18 points\\); users online 93% \\(${MINUS}7 points\\)$`,
      ),
    )
    expect(hit.severity).toBe('bad')
  })

  it('names the shares as the HUD does and counts the points between the figures as shown', () => {
    // The issue: "people online 98% (−2.2 points)" beside a users tile of 98%, and points from unrounded shares.
    const series = [m(0, 0, 1), m(1, 3, 0.682, { usersOnline: 0.978 }), m(2, 5, 0.594, { usersOnline: 0.976 })]
    const events = deriveEvents(series, { scenario: { kind: 'random', fraction: 0.1 }, net: p2p })
    expect(events.map((e) => e.what)).toEqual([
      // 68% to 59% on screen: 9 points (the shares are 8.8 apart); users online still reads 98%: no news.
      `2 more nodes failed; services available 59% (${MINUS}9 points)`,
      `3 nodes failed at random; services available 68% (${MINUS}32 points); users online 98% (${MINUS}2 points)`,
      'Start (10% of nodes will fail at random): all 3,000 nodes up; every service answers',
    ])
  })

  it('calls a share news when its figure on screen changes, so the newest line quotes what the HUD shows', () => {
    // 68.49% to 68.51% reads 68% then 69%: news. 68.01% to 68.49% reads 68% both times: none.
    const series = [m(0, 0, 1), m(1, 3, 0.6801), m(2, 3, 0.6849), m(3, 3, 0.6851)]
    const events = deriveEvents(series, { scenario: { kind: 'random', fraction: 0.1 }, net: p2p })
    expect(events.map((e) => `${e.when}: ${e.what}`)).toEqual([
      'T+3 min: Lost copies re-created on other nodes; services available 69% (+1 point)',
      `T+1 min: 3 nodes failed at random; services available 68% (${MINUS}32 points)`,
      'T+0: Start (10% of nodes will fail at random): all 3,000 nodes up; every service answers',
    ])
  })

  it('logs link cuts and restorations, and services coming back on a self-healing network', () => {
    const net = { ...p2p, selfHealing: true }
    const series = [
      m(0, 0, 1),
      m(1, 0, 1, { failedLinks: 12 }),
      m(2, 40, 0.9, { failedLinks: 12 }),
      m(3, 40, 0.97, { failedLinks: 12 }),
      m(4, 40, 0.97, { failedLinks: 0 }),
      m(5, 0, 1),
    ]
    const events = deriveEvents(series, { scenario: { kind: 'random', fraction: 0.1 }, net })
    expect(events.map((e) => `${e.when}: ${e.what}`)).toEqual([
      'T+5 min: 40 nodes came back: everything is back',
      'T+4 min: 12 links restored',
      'T+3 min: Lost copies re-created on other nodes; services available 97% (+7 points)',
      `T+2 min: 40 more nodes failed; services available 90% (${MINUS}10 points)`,
      'T+1 min: 12 links cut; every service still answers',
      'T+0: Start (10% of nodes will fail at random): all 3,000 nodes up; every service answers',
    ])
    expect(events[2]!.severity).toBe('warn')
  })

  it('does not claim self-healing for a network without it', () => {
    const net = { ...centralized, selfHealing: false }
    const series = [m(0, 0, 1), m(1, 0, 0.9), m(2, 0, 0.95)]
    const events = deriveEvents(series, { scenario: { kind: 'none' }, net })
    expect(events.map((e) => e.what).join('\n')).not.toMatch(/re-created/)
  })

  it('keeps the newest events only, in order', () => {
    // A node failing and coming back every step: far more events than the log keeps.
    const long = Array.from({ length: 300 }, (_, t) => m(t, t % 2, t % 2 ? 0.99 : 1))
    const events = deriveEvents(long, { scenario: { kind: 'random', fraction: 0.01 }, net: p2p })
    expect(events).toHaveLength(MAX_EVENTS)
    expect(events[0]!.t).toBe(299)
    for (let i = 1; i < events.length; i++) expect(events[i - 1]!.t).toBeGreaterThan(events[i]!.t)
    expect(deriveEvents(long, { scenario: { kind: 'none' }, net: p2p }, 3)).toHaveLength(3)

    const churn = run(p2p, { kind: 'churn' }, 120)
    expect(deriveEvents(churn, { scenario: { kind: 'churn' }, net: p2p }).some((e) => /\(churn\)/.test(e.what))).toBe(
      true,
    )
  })

  it('has nothing to say without a series, and only the start before the first step', () => {
    expect(deriveEvents([], { scenario: { kind: 'none' }, net: p2p })).toEqual([])
    const events = deriveEvents(run(p2p, { kind: 'none' }, 1), { scenario: { kind: 'none' }, net: p2p })
    expect(events).toEqual([
      { t: 0, when: 'T+0', what: 'Start: all 3,000 nodes up; every service answers', severity: 'ok' },
    ])
  })
})
