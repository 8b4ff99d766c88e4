/**
 * One number, one string: for any metrics, the HUD's services and users tiles, the sentence under them and the
 * newest line of the event log write each share the same way, under the same name. The issue this guards: a
 * services tile of 68% over a sentence saying 70% ("those still online reach 70% of their services"), and a log
 * saying "people online 98% (−2.2 points)".
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import type { StepMetrics } from '../sim/engine'
import { buildNetwork } from '../sim/index'
import type { ScenarioSpec } from '../sim/scenarios'
import { deriveEvents } from './events'
import { MINUS } from './hud/format'
import { hudTiles } from './hud/hudModel'
import { narrate } from './narrate'

const world = loadWorld()
const NETS = [buildNetwork(world, { kind: 'centralized' }, 1), buildNetwork(world, { kind: 'p2p' }, 1)]
const ASHBURN = { lat: 39.04, lon: -77.49 }
/** Scenarios that fail nodes (the metrics below say how many). */
const SPECS: ScenarioSpec[] = [
  { kind: 'none' },
  { kind: 'site', at: ASHBURN },
  { kind: 'region', lat: 39.04, lon: -77.49, radiusKm: 500 },
  { kind: 'random', fraction: 0.2 },
  { kind: 'attack', fraction: 0.05, by: 'degree' },
  { kind: 'cascade', alpha: 0.2, trigger: 'load' },
  { kind: 'spread', transmissibility: 0.3, at: ASHBURN },
  { kind: 'push', transmissibility: 1, operator: 'largest' },
  { kind: 'churn' },
]
const PERCENT = /\d[\d.,]*%/g

function healthy(latencyP50Ms: number): StepMetrics {
  return {
    t: 0,
    usersOnline: 1,
    serviceAvailability: 1,
    survivability: 1,
    latencyP50Ms,
    latencyP95Ms: latencyP50Ms * 2,
    failedNodes: 0,
    failedLinks: 0,
    userHoursLost: 0,
  }
}

/**
 * Metrics a network can have: users online in 0..1, services available at most that (nobody offline reaches
 * anything) and at least a hundredth of it (everyone online reaches one of the 100 services at least). Shares
 * near the ends, where rounding matters most, are drawn as often as the rest.
 */
const metricsArb = fc
  .record({
    users: fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0.99, max: 1, noNaN: true }),
      fc.constantFrom(0, 1),
    ),
    servedShare: fc.oneof(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.99, max: 1, noNaN: true })),
    failedNodes: fc.integer({ min: 1, max: 136 }),
    latencyP50Ms: fc.double({ min: 20, max: 400, noNaN: true }),
  })
  .map(({ users, servedShare, failedNodes, latencyP50Ms }) => ({
    ...healthy(latencyP50Ms),
    t: 5,
    usersOnline: users,
    serviceAvailability: users * servedShare,
    failedNodes,
  }))

describe('the HUD, the sentence and the event log', () => {
  it('write every share the same way, under the same name', () => {
    fc.assert(
      fc.property(
        metricsArb,
        fc.constantFrom(...SPECS),
        fc.constantFrom(...NETS),
        fc.double({ min: 20, max: 400, noNaN: true }),
        (m, scenario, net, firstLatencyMs) => {
          const first = healthy(firstLatencyMs)
          const tiles = hudTiles(m, first, net.graph.n)
          const services = tiles.find((t) => t.id === 'services')!.value
          const users = tiles.find((t) => t.id === 'users')!.value
          const sentence = narrate({ scenario, net, latest: m, first, previous: first, round: 1 })
          const log = deriveEvents([first, m], { scenario, net })[0]!.what
          const where = `[${services} ${users}] ${sentence} | ${log}`

          // The sentence: only the two tiles' figures, services available first, people cut off after.
          for (const pct of sentence.match(PERCENT) ?? []) expect([services, users], where).toContain(pct)
          if (users === '0%') expect(sentence, where).toMatch(/[Nn]obody can reach any service/)
          else if (services === '100%') expect(sentence, where).toMatch(/[Ee]very service still answers/)
          else {
            expect(sentence, where).toMatch(new RegExp(`[Ss]ervices available ${services}`))
            if (users !== '100%') {
              expect(sentence, where).toContain(`users online ${users}, the rest cut off`)
              expect(sentence.indexOf('ervices available'), where).toBeLessThan(sentence.indexOf('users online'))
            }
          }

          // The log's newest line: the same figures under the same names, points between the figures as shown.
          for (const pct of log.match(PERCENT) ?? []) expect([services, users], where).toContain(pct)
          const points = (figure: string) => `${MINUS}${Math.round((100 - Number(figure.slice(0, -1))) * 10) / 10}`
          if (services === '100%') expect(log, where).toContain('every service still answers')
          else
            expect(log, where).toMatch(new RegExp(`services available ${services} \\(${points(services)} points?\\)`))
          if (users !== '100%')
            expect(log, where).toMatch(new RegExp(`users online ${users} \\(${points(users)} points?\\)`))
          else expect(log, where).not.toContain('users online')
        },
      ),
      { numRuns: 500 },
    )
  })
})
