/** Invariants that must hold for any seed and any scenario (fast-check). */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world.ts'
import type { StepMetrics } from './engine.ts'
import { Simulation } from './engine.ts'
import { buildNetwork } from './index.ts'
import type { NetworkSpec } from './index.ts'
import type { Scenario } from './scenarios.ts'
import { sweep } from './sweep.ts'

const world = loadWorld()

const specs: NetworkSpec[] = [
  { kind: 'centralized', pops: 40 },
  { kind: 'decentralized', pops: 40, replicas: 2 },
  { kind: 'p2p', nodes: 400 },
]
const networks = specs.map((spec) => buildNetwork(world, spec, 7))

const scenario: fc.Arbitrary<Scenario> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.nat(100).map((node) => ({ kind: 'site' as const, node })),
  fc.record({
    kind: fc.constant('region' as const),
    lat: fc.double({ min: -60, max: 70, noNaN: true }),
    lon: fc.double({ min: -180, max: 180, noNaN: true }),
    radiusKm: fc.double({ min: 50, max: 3000, noNaN: true }),
  }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((fraction) => ({ kind: 'random' as const, fraction })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((fraction) => ({ kind: 'links' as const, fraction })),
  fc.record({
    kind: fc.constant('attack' as const),
    fraction: fc.double({ min: 0, max: 0.5, noNaN: true }),
    by: fc.constantFrom('degree' as const, 'load' as const),
  }),
  fc.record({
    kind: fc.constant('cascade' as const),
    alpha: fc.double({ min: 0, max: 2, noNaN: true }),
    trigger: fc.constantFrom('random' as const, 'degree' as const, 'load' as const),
  }),
  fc.record({
    kind: fc.constant('spread' as const),
    transmissibility: fc.double({ min: 0, max: 1, noNaN: true }),
    source: fc.constant(null),
  }),
  fc.record({
    kind: fc.constant('push' as const),
    transmissibility: fc.double({ min: 0, max: 1, noNaN: true }),
    operator: fc.constantFrom('largest' as const, 'all' as const, 0),
  }),
  fc.constant({ kind: 'churn' as const }),
)

const options = fc.record({
  repairAfterMin: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
  churn: fc.boolean(),
  dtMin: fc.constantFrom(1, 5, 30),
})

function run(
  netIndex: number,
  s: Scenario,
  seed: number,
  opts: { repairAfterMin: number | null; churn: boolean; dtMin: number },
): StepMetrics[] {
  return new Simulation(networks[netIndex]!, s, seed, { ...opts, latencyEvery: 3 }).run(12)
}

/** Generous: each property builds and runs many simulations, and CI machines are slow. */
const PROPERTY_TIMEOUT_MS = 60_000

describe('the simulation, for any seed and scenario', () => {
  it(
    'gives the same series for the same seed',
    () => {
      fc.assert(
        fc.property(fc.nat(2), scenario, fc.nat(1_000_000), options, (i, s, seed, opts) => {
          expect(run(i, s, seed, opts)).toEqual(run(i, s, seed, opts))
        }),
        { numRuns: 40 },
      )
    },
    PROPERTY_TIMEOUT_MS,
  )

  it(
    'keeps every share in [0, 1] and every count and latency sensible',
    () => {
      fc.assert(
        fc.property(fc.nat(2), scenario, fc.nat(1_000_000), options, (i, s, seed, opts) => {
          const net = networks[i]!
          let lost = 0
          for (const m of run(i, s, seed, opts)) {
            for (const share of [m.usersOnline, m.serviceAvailability, m.survivability]) {
              expect(share).not.toBeNull()
              expect(share!).toBeGreaterThanOrEqual(0)
              expect(share!).toBeLessThanOrEqual(1 + 1e-12)
            }
            expect(m.serviceAvailability!).toBeLessThanOrEqual(m.usersOnline! + 1e-12)
            expect(m.failedNodes).toBeGreaterThanOrEqual(0)
            expect(m.failedNodes).toBeLessThanOrEqual(net.graph.n)
            expect(m.failedLinks).toBeLessThanOrEqual(net.graph.m)
            expect(m.userHoursLost!).toBeGreaterThanOrEqual(lost)
            lost = m.userHoursLost!
            if (m.latencyP50Ms !== null) {
              expect(m.latencyP50Ms).toBeGreaterThan(0)
              expect(m.latencyP95Ms!).toBeGreaterThanOrEqual(m.latencyP50Ms)
            }
          }
        }),
        { numRuns: 40 },
      )
    },
    PROPERTY_TIMEOUT_MS,
  )

  it(
    'never raises availability by failing more',
    () => {
      fc.assert(
        fc.property(
          fc.nat(2),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.constantFrom('random' as const, 'links' as const),
          fc.nat(1_000_000),
          (i, a, b, kind, seed) => {
            const [less, more] = a <= b ? [a, b] : [b, a]
            const x = new Simulation(networks[i]!, { kind, fraction: less }, seed).run(2)[1]!
            const y = new Simulation(networks[i]!, { kind, fraction: more }, seed).run(2)[1]!
            expect(y.serviceAvailability!).toBeLessThanOrEqual(x.serviceAvailability! + 1e-12)
            expect(y.usersOnline!).toBeLessThanOrEqual(x.usersOnline! + 1e-12)
            expect(y.survivability).toBeLessThanOrEqual(x.survivability + 1e-12)
          },
        ),
        { numRuns: 40 },
      )
    },
    PROPERTY_TIMEOUT_MS,
  )

  it(
    'never raises availability in a sweep as the fraction failed grows',
    () => {
      const points = sweep(networks[2]!, {
        failure: 'random',
        fractions: [0, 0.1, 0.3, 0.5, 0.7, 0.9, 1],
        trials: 3,
        seed: 4,
      })
      for (let k = 1; k < points.length; k++) {
        expect(points[k]!.serviceAvailability!.mean).toBeLessThanOrEqual(
          points[k - 1]!.serviceAvailability!.mean + 1e-12,
        )
        expect(points[k]!.survivability.mean).toBeLessThanOrEqual(points[k - 1]!.survivability.mean + 1e-12)
      }
      expect(points[0]!.survivability.mean).toBe(1)
      expect(points[6]!.survivability.mean).toBe(0)
      expect(points[6]!.usersOnline!.mean).toBe(0)
    },
    PROPERTY_TIMEOUT_MS,
  )

  it(
    // Reach, not capacity: the same capacity split over more copies makes each smaller (demand.ts), so losing the
    // extra ones can cost a share of a service; but a copy more never leaves anyone with less to reach.
    'never lowers the people who reach a service with more replicas',
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 4 }), scenario, fc.nat(1_000_000), (r, s, seed) => {
          const fewer = buildNetwork(world, { kind: 'p2p', nodes: 300, replicas: r, selfHealing: false }, 11)
          const more = buildNetwork(world, { kind: 'p2p', nodes: 300, replicas: r + 1, selfHealing: false }, 11)
          const a = new Simulation(fewer, s, seed, { latencyEvery: 100 }).run(6)
          const b = new Simulation(more, s, seed, { latencyEvery: 100 }).run(6)
          for (let t = 0; t < a.length; t++)
            expect(b[t]!.usersOnline!).toBeGreaterThanOrEqual(a[t]!.usersOnline! - 1e-12)
        }),
        { numRuns: 30 },
      )
    },
    PROPERTY_TIMEOUT_MS,
  )

  it(
    'never lowers the people who reach a service with a third region per service',
    () => {
      const two = buildNetwork(world, { kind: 'decentralized', replicas: 2 }, 1)
      const three = buildNetwork(world, { kind: 'decentralized', replicas: 3 }, 1)
      fc.assert(
        fc.property(scenario, fc.nat(1_000_000), (s, seed) => {
          const a = new Simulation(two, s, seed, { latencyEvery: 100 }).run(4)
          const b = new Simulation(three, s, seed, { latencyEvery: 100 }).run(4)
          for (let t = 0; t < a.length; t++)
            expect(b[t]!.usersOnline!).toBeGreaterThanOrEqual(a[t]!.usersOnline! - 1e-12)
        }),
        { numRuns: 30 },
      )
    },
    PROPERTY_TIMEOUT_MS,
  )
})
