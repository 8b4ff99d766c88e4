import { describe, expect, it } from 'vitest'
import { loadWorld } from '../../cli/load-world'
import { buildNetwork } from '../../sim/index'
import { sweep, type SweepPoint } from '../../sim/sweep'
import { explainCrossing, findCrossing } from './crossing'
import type { SweepResults } from './robustnessData'

/** A point with survivability s and availability a (or no services when a is null). */
function point(fraction: number, s: number, a: number | null): SweepPoint {
  return {
    fraction,
    survivability: { mean: s, sd: 0 },
    usersOnline: a === null ? null : { mean: 1, sd: 0 },
    serviceAvailability: a === null ? null : { mean: a, sd: 0 },
  }
}

const FRACTIONS = [0, 0.2, 0.4, 0.6, 0.8]

/** Columns of survivability and availability per fraction (FRACTIONS). */
function line(surv: number[], avail: number[]): SweepPoint[] {
  return FRACTIONS.map((f, i) => point(f, surv[i]!, avail[i]!))
}

// The grid ahead, then, between 60% and 80% failed, its largest group falls from 0.3 / 0.4 = 75% of what is up
// to 0.02 / 0.2 = 10%, and its services below the multi-region cloud's.
const RESULTS: SweepResults = {
  centralized: line([1, 0.7, 0.5, 0.2, 0.05], [1, 0.6, 0.4, 0.15, 0.05]),
  decentralized: line([1, 0.7, 0.5, 0.2, 0.05], [1, 0.8, 0.6, 0.3, 0.15]),
  p2p: line([1, 0.8, 0.6, 0.3, 0.02], [1, 0.99, 0.9, 0.5, 0.05]),
}

describe('where the lines cross', () => {
  it('finds where the grid first falls below a cloud, interpolated, and how its largest group shrank there', () => {
    const c = findCrossing({ failure: 'random' }, RESULTS)!
    expect(c.metric).toBe('serviceAvailability')
    expect(c.above).toBe('decentralized')
    // 0.5 − 0.3 = +0.2 at 60%, 0.05 − 0.15 = −0.1 at 80%: two thirds of the way.
    expect(c.fraction).toBeCloseTo(0.6 + 0.2 * (2 / 3), 9)
    expect(c.before.fraction).toBe(0.6)
    expect(c.before.giantShare).toBeCloseTo(0.75, 9)
    expect(c.after.fraction).toBe(0.8)
    expect(c.after.giantShare).toBeCloseTo(0.1, 9)
    expect(c.fellApart).toBe(true)
  })

  it('takes the cloud the grid falls below first', () => {
    const results: SweepResults = {
      ...RESULTS,
      // Now the centralized cloud is the one passed first (between 40% and 60%).
      centralized: line([1, 0.7, 0.5, 0.2, 0.05], [1, 0.8, 0.7, 0.6, 0.5]),
    }
    const c = findCrossing({ failure: 'random' }, results)!
    expect(c.above).toBe('centralized')
    expect(c.fraction).toBeCloseTo(0.4 + 0.2 * (0.2 / 0.3), 9)
  })

  it('sees no crossing where the grid stays ahead, nor where the lines only touch, nor without a grid or a cloud', () => {
    const ahead: SweepResults = { ...RESULTS, p2p: line([1, 0.8, 0.6, 0.3, 0.2], [1, 0.99, 0.9, 0.5, 0.2]) }
    expect(findCrossing({ failure: 'random' }, ahead)).toBeNull()
    // Behind by less than half a percent: noise, not a crossing.
    const touching: SweepResults = { ...RESULTS, p2p: line([1, 0.8, 0.6, 0.3, 0.02], [1, 0.99, 0.9, 0.5, 0.147]) }
    expect(findCrossing({ failure: 'random' }, touching)).toBeNull()
    // Never ahead: below from the start is not a crossing either.
    const behind: SweepResults = {
      decentralized: RESULTS.decentralized,
      p2p: line([1, 0.6, 0.4, 0.1, 0], [1, 0.7, 0.5, 0.2, 0]),
    }
    expect(findCrossing({ failure: 'random' }, behind)).toBeNull()
    expect(findCrossing({ failure: 'random' }, { p2p: RESULTS.p2p })).toBeNull()
    expect(findCrossing({ failure: 'random' }, { decentralized: RESULTS.decentralized })).toBeNull()
    expect(findCrossing(null, RESULTS)).toBeNull()
  })

  it('places the crossing after the last fraction the grid was not behind, when it was level just before', () => {
    const results: SweepResults = {
      decentralized: RESULTS.decentralized,
      // Ahead at 40%, level within the noise at 60%, clearly behind at 80%.
      p2p: line([1, 0.8, 0.6, 0.3, 0.02], [1, 0.99, 0.9, 0.302, 0.05]),
    }
    const c = findCrossing({ failure: 'random' }, results)!
    expect(c.before.fraction).toBe(0.6)
    expect(c.fraction).toBeCloseTo(0.6 + 0.2 * (0.002 / 0.102), 9)
  })

  it('counts every node as up when links are cut, and says when the grid did not fall apart', () => {
    const c = findCrossing({ failure: 'links' }, RESULTS)!
    // Survivability is then the largest group over all the nodes: 0.3 at 60%, 0.02 at 80%.
    expect(c.before.giantShare).toBeCloseTo(0.3, 9)
    expect(c.after.giantShare).toBeCloseTo(0.02, 9)
    const intact: SweepResults = { ...RESULTS, p2p: line([1, 0.8, 0.6, 0.4, 0.2], [1, 0.99, 0.9, 0.5, 0.05]) }
    // 0.4 / 0.4 and 0.2 / 0.2: its largest group still holds everything up.
    expect(findCrossing({ failure: 'random' }, intact)!.fellApart).toBe(false)
  })

  it('compares survivability where the networks have no services', () => {
    const bare = (s: number[]) => FRACTIONS.map((f, i) => point(f, s[i]!, null))
    const results: SweepResults = { decentralized: bare([1, 0.7, 0.5, 0.2, 0.05]), p2p: bare([1, 0.8, 0.6, 0.3, 0.02]) }
    const c = findCrossing({ failure: 'random' }, results)!
    expect(c.metric).toBe('survivability')
    expect(c.fraction).toBeCloseTo(0.6 + 0.2 * (0.1 / 0.13), 9)
  })
})

describe('why they cross, in words', () => {
  const sizes = { decentralized: { nodes: 136, regions: 16 }, p2p: { nodes: 3000, regions: 0 } }

  it('says where, that the mesh falls apart, with its figures, and what a share of nodes means on each side', () => {
    expect(explainCrossing({ failure: 'random' }, RESULTS, sizes)).toBe(
      'Above about 73% of nodes failed the peer-to-peer grid keeps fewer services answering than the ' +
        'multi-region cloud: its small nodes each link to a few neighbours only, so past this percolation ' +
        'threshold the mesh falls apart into islands (its largest connected group holds 75% of its working nodes ' +
        'at 60% failed, 10% at 80%), most without a copy of most services. The clouds have no such threshold, as ' +
        'every region links to every other; but for them 73% of nodes is about 12 of 16 hyperscale regions down ' +
        'at once, for the grid 2,200 of 3,000 small servers.',
    )
  })

  it('leaves out the sizes it does not know, and speaks of links when links are cut', () => {
    expect(explainCrossing({ failure: 'random' }, RESULTS)).toMatch(
      /most services\. The clouds have no such threshold, as every region links to every other\.$/,
    )
    const links = explainCrossing({ failure: 'links' }, RESULTS, sizes)!
    expect(links).toMatch(/^Above about 73% of links cut the peer-to-peer grid keeps fewer services answering/)
    expect(links).toContain('its small nodes each have a few links only')
    expect(links).toContain('holds 30% of its nodes at 60% cut, 2% at 80%')
    expect(links).toMatch(/every region links to every other\.$/)
  })

  it('only says where when the grid did not fall apart, and nothing when the lines do not cross', () => {
    const intact: SweepResults = { ...RESULTS, p2p: line([1, 0.8, 0.6, 0.4, 0.2], [1, 0.99, 0.9, 0.5, 0.05]) }
    expect(explainCrossing({ failure: 'attack' }, intact, sizes)).toBe(
      'Above about 73% of nodes taken out the peer-to-peer grid keeps fewer services answering than the ' +
        'multi-region cloud.',
    )
    expect(explainCrossing({ failure: 'random' }, { p2p: RESULTS.p2p }, sizes)).toBeNull()
  })
})

describe('on the real networks', () => {
  it('the grid falls below the multi-region cloud at a large share of random failures, as its mesh falls apart', () => {
    const world = loadWorld()
    const fractions = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
    const opts = { failure: 'random' as const, fractions, trials: 2, seed: 1 }
    const results: SweepResults = {}
    for (const kind of ['centralized', 'decentralized', 'p2p'] as const)
      results[kind] = sweep(buildNetwork(world, { kind }, 1), opts)
    const c = findCrossing({ failure: 'random' }, results)!
    expect(c).not.toBeNull()
    // Well past half the nodes, and where percolation breaks the grid: most of what is up left in pieces.
    expect(c.fraction).toBeGreaterThan(0.5)
    expect(c.fraction).toBeLessThan(0.8)
    expect(c.fellApart).toBe(true)
    expect(c.before.giantShare).toBeGreaterThan(0.5)
    // The clouds' regions stay joined: at the same share their largest group is not in pieces as the grid's is.
    const cloudAfter = results[c.above]!.find((p) => p.fraction === c.after.fraction)!
    expect(cloudAfter.survivability.mean / (1 - c.after.fraction)).toBeGreaterThan(c.after.giantShare)
  })
})
