import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StepMetrics } from '../../sim/engine'
import { formatPercent } from '../hud/format'
import { describeDifference, networkName } from './difference'

function m(over: Partial<StepMetrics> = {}): StepMetrics {
  return {
    t: 3,
    usersOnline: 1,
    serviceAvailability: 1,
    survivability: 1,
    latencyP50Ms: 40,
    latencyP95Ms: 90,
    failedNodes: 0,
    failedLinks: 0,
    userHoursLost: 0,
    ...over,
  }
}

describe('the difference sentence', () => {
  it('names the network that keeps more services available first, with both shares, the gap and its latency cost', () => {
    const central = { kind: 'centralized' as const, metrics: m({ serviceAvailability: 0.7, latencyP50Ms: 33.4 }) }
    const p2p = { kind: 'p2p' as const, metrics: m({ serviceAvailability: 0.99, latencyP50Ms: 45.2 }) }
    const expected =
      'Under the same failure, the peer-to-peer grid keeps 99% of services available; the centralized cloud 70%: ' +
      '29 points more, at 12 ms more median latency.'
    expect(describeDifference(central, p2p, true)).toBe(expected)
    // The order of the sides does not change what is said.
    expect(describeDifference(p2p, central, true)).toBe(expected)
  })

  it('says so when the better network is also faster', () => {
    const a = { kind: 'decentralized' as const, metrics: m({ serviceAvailability: 0.95, latencyP50Ms: 30 }) }
    const b = { kind: 'centralized' as const, metrics: m({ serviceAvailability: 0.6, latencyP50Ms: 41 }) }
    expect(describeDifference(a, b, true)).toBe(
      'Under the same failure, the multi-region cloud keeps 95% of services available; the centralized cloud 60%: ' +
        '35 points more, and 11 ms less median latency.',
    )
  })

  it('uses the rounded numbers the HUD shows, so a small loss still shows', () => {
    const a = { kind: 'p2p' as const, metrics: m({ serviceAvailability: 0.9996, latencyP50Ms: 50.4 }) }
    const b = { kind: 'decentralized' as const, metrics: m({ serviceAvailability: 0.996, latencyP50Ms: 50.4 }) }
    expect(describeDifference(a, b, true)).toBe(
      'Under the same failure, the peer-to-peer grid keeps 99.9% of services available; the multi-region cloud ' +
        '99.6%: 0.3 points more, at the same median latency.',
    )
  })

  it('counts the points between the two figures it quotes, not between the unrounded shares', () => {
    // The issue: "98% … 68%: 29 points more" (0.976 − 0.682 = 0.294).
    const a = { kind: 'p2p' as const, metrics: m({ serviceAvailability: 0.976, latencyP50Ms: 40 }) }
    const b = { kind: 'centralized' as const, metrics: m({ serviceAvailability: 0.682, latencyP50Ms: 40 }) }
    expect(describeDifference(a, b, true)).toBe(
      'Under the same failure, the peer-to-peer grid keeps 98% of services available; the centralized cloud 68%: ' +
        '30 points more, at the same median latency.',
    )
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (sa1, sa2, uo) => {
          const s = describeDifference(
            { kind: 'p2p', metrics: m({ serviceAvailability: sa1, usersOnline: Math.max(sa1, uo) }) },
            { kind: 'centralized', metrics: m({ serviceAvailability: sa2, usersOnline: Math.max(sa2, uo) }) },
            true,
          )
          const match = /keeps ([\d.]+)% .*; the .+? ([\d.]+)%: ([\d.]+) points? more/.exec(s)
          const level =
            formatPercent(sa1) === formatPercent(sa2) &&
            formatPercent(Math.max(sa1, uo)) === formatPercent(Math.max(sa2, uo))
          // Level on both shares as shown: no points (the sentence turns to latency).
          if (level) expect(match).toBeNull()
          else {
            expect(match, s).not.toBeNull()
            const [, better, worse, points] = match!.map(Number)
            expect(points).toBeCloseTo(better! - worse!, 9)
            expect(points).toBeGreaterThan(0)
          }
        },
      ),
    )
  })

  it('turns to users online when services are level', () => {
    const a = { kind: 'centralized' as const, metrics: m({ usersOnline: 0.8, latencyP50Ms: 35 }) }
    const b = { kind: 'p2p' as const, metrics: m({ usersOnline: 0.97, latencyP50Ms: 48 }) }
    expect(describeDifference(a, b, true)).toBe(
      'Under the same failure, the peer-to-peer grid keeps 97% of users online; the centralized cloud 80%: ' +
        '17 points more, at 13 ms more median latency.',
    )
  })

  it('speaks of the cost at rest when nothing has failed', () => {
    const a = { kind: 'centralized' as const, metrics: m({ latencyP50Ms: 33 }) }
    const b = { kind: 'p2p' as const, metrics: m({ latencyP50Ms: 45 }) }
    expect(describeDifference(a, b, false)).toBe(
      'With nothing failed, both keep 100% of services available; the centralized cloud answers 12 ms faster at ' +
        'the median than the peer-to-peer grid.',
    )
    expect(describeDifference(a, { ...b, metrics: m({ latencyP50Ms: 33.2 }) }, false)).toBe(
      'With nothing failed, both keep 100% of services available, at the same median latency.',
    )
  })

  it('leaves latency out where one network has nobody left to measure', () => {
    const a = {
      kind: 'centralized' as const,
      metrics: m({ serviceAvailability: 0, usersOnline: 0, latencyP50Ms: null }),
    }
    const b = { kind: 'p2p' as const, metrics: m({ serviceAvailability: 0.5, latencyP50Ms: 60 }) }
    expect(describeDifference(a, b, true)).toBe(
      'Under the same failure, the peer-to-peer grid keeps 50% of services available; the centralized cloud 0%: ' +
        '50 points more.',
    )
  })

  it('says when one network has no people or services to compare', () => {
    const abstract = { kind: 'imported' as const, metrics: m({ serviceAvailability: null, usersOnline: null }) }
    expect(describeDifference({ kind: 'p2p', metrics: m() }, abstract, true)).toBe(
      'The imported network has no people or services on it to compare; the robustness chart compares its structure.',
    )
  })

  it('refuses to compare a network with itself', () => {
    const a = { kind: 'p2p' as const, metrics: m() }
    expect(() => describeDifference(a, a, true)).toThrow(/both sides show p2p/)
  })

  it('names networks as a sentence says them', () => {
    expect(networkName('decentralized')).toBe('the multi-region cloud')
    expect(networkName('imported')).toBe('the imported network')
  })
})
