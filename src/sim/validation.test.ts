/**
 * The model reproduces published results: percolation on random graphs, Baran's grids, and Motter–Lai cascades.
 * Each test compares with theory or with the qualitative result of the paper, at sizes that run in seconds.
 */

import { describe, expect, it } from 'vitest'
import { runCascade } from './cascade.ts'
import { abstractNetwork, barabasiAlbert, baranGrid, erdosRenyi } from './generators.ts'
import { meanDegree } from './graph.ts'
import { createRng } from './rng.ts'
import { sweep } from './sweep.ts'

/** Giant component as a share of the ORIGINAL n after removing fraction f at random: S = (1 − f)(1 − e^(−k S)). */
function giantTheory(f: number, k: number): number {
  let S = 1
  for (let i = 0; i < 2000; i++) S = (1 - f) * (1 - Math.exp(-k * S))
  return S
}

describe('Erdős–Rényi graphs under random failure and attack', () => {
  const n = 5000
  const k = 4
  const net = abstractNetwork(erdosRenyi(n, k, createRng(11, 'build:er')))
  const fractions = [0, 0.2, 0.4, 0.6, 0.7, 0.8]
  const trials = 12
  const random = sweep(net, { failure: 'random', fractions, trials, seed: 5 })

  it('has the mean degree asked for', () => {
    expect(meanDegree(net.graph)).toBeCloseTo(k, 6)
  })

  it('matches the giant-component equation within Monte-Carlo error', () => {
    for (const p of random) {
      const theory = giantTheory(p.fraction, k)
      // Statistical error of the mean plus a finite-size allowance of 1/sqrt(n) for a 5,000-node graph.
      const tolerance = (3 * p.survivability.sd) / Math.sqrt(trials) + 1 / Math.sqrt(n)
      expect(
        Math.abs(p.survivability.mean - theory),
        `f = ${p.fraction}: ${p.survivability.mean} vs ${theory}`,
      ).toBeLessThan(tolerance)
    }
  })

  it('loses its giant component past the threshold f_c = 1 − 1/<k>', () => {
    const past = random.find((p) => p.fraction === 0.8)!
    expect(1 - 1 / k).toBeLessThan(0.8)
    expect(past.survivability.mean).toBeLessThan(0.02)
  })

  it('breaks far sooner under a targeted attack on the best-connected nodes', () => {
    const attack = sweep(net, { failure: 'attack', fractions: [0.2, 0.4], trials: 4, seed: 5 })
    const r40 = random.find((p) => p.fraction === 0.4)!.survivability.mean
    const a40 = attack[1]!.survivability.mean
    expect(r40).toBeGreaterThan(0.45)
    expect(a40).toBeLessThan(0.1 * r40)
    expect(attack[0]!.survivability.mean).toBeLessThan(random.find((p) => p.fraction === 0.2)!.survivability.mean)
  })
})

describe("Baran's distributed grids (RM-3420)", () => {
  const side = 40
  const ps = [0.1, 0.2, 0.3]
  const results = ([1, 2, 3, 4] as const).map((R) => {
    const net = abstractNetwork(baranGrid(side, side, R))
    return {
      R,
      redundancy: net.graph.m / (net.graph.n - 1),
      nodes: sweep(net, { failure: 'random', fractions: ps, trials: 10, seed: 3 }),
      links: sweep(net, { failure: 'links', fractions: ps, trials: 10, seed: 3 }),
    }
  })

  it('builds grids whose links over the minimum match the redundancy level', () => {
    for (const r of results) expect(r.redundancy).toBeGreaterThan(r.R * 0.95)
    for (const r of results) expect(r.redundancy).toBeLessThanOrEqual(r.R)
  })

  it('stays near the best possible 1 − p under node destruction for R ≥ 3', () => {
    for (const r of results.filter((x) => x.R >= 3)) {
      for (const p of r.nodes)
        expect(p.survivability.mean, `R=${r.R} p=${p.fraction}`).toBeGreaterThan(0.97 * (1 - p.fraction))
    }
  })

  it('keeps nearly every node connected under link destruction for R ≥ 3', () => {
    for (const r of results.filter((x) => x.R >= 3)) {
      for (const p of r.links) expect(p.survivability.mean, `R=${r.R} p=${p.fraction}`).toBeGreaterThan(0.99)
    }
  })

  it('collapses at redundancy 1 under either kind of destruction', () => {
    const line = results[0]!
    for (const p of [...line.nodes, ...line.links]) expect(p.survivability.mean).toBeLessThan(0.1)
  })

  it('gains survivability with every step of redundancy', () => {
    const at30 = results.map((r) => r.nodes[2]!.survivability.mean)
    for (let i = 1; i < at30.length; i++) expect(at30[i]!).toBeGreaterThanOrEqual(at30[i - 1]! - 0.01)
    expect(at30[3]! - at30[0]!).toBeGreaterThan(0.5)
  })
})

describe('Motter–Lai overload cascades', () => {
  const n = 1000
  const ba = barabasiAlbert(n, 2, createRng(3, 'build:ba'))
  const er = erdosRenyi(n, meanDegree(ba), createRng(3, 'build:er'))

  it('compares graphs of the same size and mean degree', () => {
    expect(meanDegree(er)).toBeCloseTo(meanDegree(ba), 2)
  })

  it('collapses a scale-free graph from one highest-load trigger far more than a random graph', () => {
    for (const alpha of [0.2, 0.3, 0.5]) {
      const onBA = runCascade(ba, alpha, 'load', 1)
      const onER = runCascade(er, alpha, 'load', 1)
      expect(onER.G, `ER at alpha ${alpha}`).toBeGreaterThan(0.9)
      expect(onBA.G, `BA at alpha ${alpha}`).toBeLessThan(onER.G - 0.15)
      expect(onBA.failed).toBeGreaterThan(5 * onER.failed)
    }
  })

  it('does little harm from a random trigger (most nodes carry little load)', () => {
    const r = runCascade(ba, 0.3, 'random', 4)
    expect(r.G).toBeGreaterThan(0.9)
  })

  it('does nothing more once every node has ample spare capacity', () => {
    const r = runCascade(er, 1000, 'load', 1)
    expect(r.failed).toBe(1)
    expect(r.rounds).toBe(0)
  })
})
