/**
 * Robustness sweeps: survivability, users online and availability against the fraction of nodes (or links)
 * failed, averaged over trials. Each trial draws one removal order and replays it backwards, adding nodes to a
 * union-find one at a time (Newman & Ziff 2000), so every fraction of a trial costs one pass over the graph.
 *
 * 'places' compares like with like where a share of nodes cannot (5% of nodes is 7 cloud regions, or 150 small
 * servers): disasters of PLACE_RADIUS_KM strike one after another at places drawn where people live, the same
 * places on every network (the sequence depends on the seed and the world only), and the fraction is the share of
 * the world's people inside them. Everything inside fails, their people's own connections with it.
 */

import { connectAlive } from './components.ts'
import { attackOrder, attackScores } from './engine.ts'
import { MetricsComputer } from './metrics.ts'
import type { Network } from './network.ts'
import { createRng } from './rng.ts'
import { createGeoIndex, type GeoIndex } from './spatial.ts'

export type SweepFailure = 'random' | 'attack' | 'links' | 'places'

/** The radius of each disaster of a 'places' sweep, km (the disaster preset's). */
export const PLACE_RADIUS_KM = 500
/** A 'places' sweep stops adding disasters after this many (far more than any share asked needs). */
const MAX_PLACES = 5000

export interface SweepOptions {
  failure: SweepFailure
  /** Fractions in [0, 1], in any order. */
  fractions: number[]
  trials: number
  seed: number
  /** What an attack targets first. */
  by?: 'degree' | 'load'
  /** Called after each trial with (done, total); return false to stop early (the result then has fewer trials). */
  onProgress?: (done: number, total: number) => boolean | void
}

export interface Stat {
  mean: number
  sd: number
}

export interface SweepPoint {
  fraction: number
  survivability: Stat
  usersOnline: Stat | null
  serviceAvailability: Stat | null
}

export function sweep(net: Network, opts: SweepOptions): SweepPoint[] {
  const run = sweepTrials(net, opts)
  for (;;) {
    const next = run.next()
    if (next.done) return next.value
  }
}

/**
 * The same sweep, one trial at a time: yields after each trial with how many are done, and returns the points.
 * A caller that must stay responsive (a worker that also takes a cancel) waits between trials, and cancels by
 * not asking for more; onProgress answering false ends it early with a result over the trials done.
 */
export function* sweepTrials(
  net: Network,
  opts: SweepOptions,
): Generator<{ done: number; total: number }, SweepPoint[]> {
  const g = net.graph
  const F = opts.fractions.length
  const trials = Math.max(1, Math.floor(opts.trials))
  const hasUsers = !!(net.users && net.services)
  const surv = new Float64Array(F * trials)
  const users_ = new Float64Array(F * trials)
  const avail = new Float64Array(F * trials)
  const metrics = new MetricsComputer(net)
  const uf = metrics.uf
  const host = net.services?.host ?? null
  const nodeUp = new Uint8Array(g.n)
  const allUp = new Uint8Array(g.n).fill(1)
  const byLinks = opts.failure === 'links'
  const total = byLinks ? g.m : g.n
  // Checkpoints: how many elements are removed at each fraction, visited from most removed to least.
  const removed = opts.fractions.map((f) => Math.round(Math.min(1, Math.max(0, f)) * total))
  const visit = removed.map((r, i) => ({ r, i })).sort((a, b) => b.r - a.r || a.i - b.i)
  const scores =
    opts.failure === 'attack'
      ? attackScores(net, opts.by ?? 'degree', allUp, null, createRng(opts.seed, 'sweep:load'))
      : null

  let done = 0
  let places: { nodes: GeoIndex; people: GeoIndex } | null = null
  for (let trial = 0; trial < trials; trial++) {
    if (opts.failure === 'places') {
      const users = net.users
      if (!users) throw new Error('a sweep by places needs a network with people (coordinates)')
      places ??= { nodes: createGeoIndex(net.lat, net.lon), people: createGeoIndex(users.lat, users.lon) }
      const plan = placeTrial(net, createRng(opts.seed, `sweep:places:${trial}`), places)
      const clusterUp = new Uint8Array(users.count)
      opts.fractions.forEach((f, i) => {
        // The fewest disasters that reach the share of people asked.
        let k = 0
        while (k < plan.popHit.length - 1 && plan.popHit[k]! < f - 1e-12) k++
        for (let v = 0; v < g.n; v++) nodeUp[v] = plan.nodeHit[v]! > k ? 1 : 0
        for (let c = 0; c < users.count; c++) clusterUp[c] = plan.clusterHit[c]! > k ? 1 : 0
        connectAlive(g, nodeUp, null, uf)
        const r = metrics.reach(nodeUp, host, clusterUp)
        surv[i * trials + trial] = r.survivability
        users_[i * trials + trial] = r.usersOnline ?? 0
        avail[i * trials + trial] = r.serviceAvailability ?? 0
      })
      done++
      if (opts.onProgress?.(done, trials) === false) break
      if (done < trials) yield { done, total: trials }
      continue
    }
    const rng = createRng(opts.seed, `sweep:${opts.failure}:${trial}`)
    const order = scores
      ? attackOrder(scores, allUp, rng)
      : rng.shuffle(Int32Array.from({ length: total }, (_, i) => i))
    const record = (slot: number) => {
      const r = metrics.reach(nodeUp, host)
      surv[slot * trials + trial] = r.survivability
      users_[slot * trials + trial] = r.usersOnline ?? 0
      avail[slot * trials + trial] = r.serviceAvailability ?? 0
    }
    let cp = 0
    if (byLinks) {
      nodeUp.fill(1)
      uf.reset()
      // With every link removed, each node is alone.
      for (let added = 0; ; added++) {
        while (cp < visit.length && total - visit[cp]!.r === added) record(visit[cp++]!.i)
        if (added === total) break
        const e = order[total - 1 - added]!
        uf.union(g.linkA[e]!, g.linkB[e]!)
      }
    } else {
      nodeUp.fill(0)
      uf.resetAlive(nodeUp)
      for (let added = 0; ; added++) {
        while (cp < visit.length && total - visit[cp]!.r === added) record(visit[cp++]!.i)
        if (added === total) break
        const v = order[total - 1 - added]!
        nodeUp[v] = 1
        uf.activate(v)
        for (let p = g.off[v]!; p < g.off[v + 1]!; p++) {
          const u = g.adj[p]!
          if (nodeUp[u]) uf.union(u, v)
        }
      }
    }
    done++
    if (opts.onProgress?.(done, trials) === false) break
    if (done < trials) yield { done, total: trials }
  }

  return opts.fractions.map((fraction, i) => ({
    fraction,
    survivability: stat(surv, i, trials, done),
    usersOnline: hasUsers ? stat(users_, i, trials, done) : null,
    serviceAvailability: hasUsers ? stat(avail, i, trials, done) : null,
  }))
}

/**
 * One trial of a 'places' sweep: disasters at places drawn in proportion to population (the world's clusters,
 * the same on every network), each node and each cluster with the number of the first disaster that hits it (1 for
 * the first; Infinity: none), and the share of people hit after each number of disasters (popHit[0] = 0).
 */
function placeTrial(net: Network, rng: ReturnType<typeof createRng>, index: { nodes: GeoIndex; people: GeoIndex }) {
  const users = net.users!
  const cum = new Float64Array(users.count)
  let acc = 0
  for (let c = 0; c < users.count; c++) cum[c] = acc += users.pop[c]!
  const nodeHit = new Float64Array(net.graph.n).fill(Infinity)
  const clusterHit = new Float64Array(users.count).fill(Infinity)
  const popHit = [0]
  let hitPop = 0
  for (let k = 1; k <= MAX_PLACES && hitPop < users.totalPop * (1 - 1e-9); k++) {
    const x = rng.float() * acc
    let lo = 0
    let hi = users.count - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cum[mid]! > x) hi = mid
      else lo = mid + 1
    }
    const lat = users.lat[lo]!
    const lon = users.lon[lo]!
    for (const c of index.people.nearest(lat, lon, Infinity, PLACE_RADIUS_KM, (c) => clusterHit[c] === Infinity)) {
      clusterHit[c] = k
      hitPop += users.pop[c]!
    }
    for (const v of index.nodes.nearest(lat, lon, Infinity, PLACE_RADIUS_KM, (v) => nodeHit[v] === Infinity))
      nodeHit[v] = k
    popHit.push(hitPop / users.totalPop)
  }
  return { nodeHit, clusterHit, popHit }
}

function stat(values: Float64Array, slot: number, stride: number, count: number): Stat {
  let sum = 0
  for (let t = 0; t < count; t++) sum += values[slot * stride + t]!
  const mean = count > 0 ? sum / count : 0
  let ss = 0
  for (let t = 0; t < count; t++) ss += (values[slot * stride + t]! - mean) ** 2
  return { mean, sd: count > 1 ? Math.sqrt(ss / (count - 1)) : 0 }
}
