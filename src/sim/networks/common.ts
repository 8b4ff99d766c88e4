/** Pieces every network builder shares: attaching people, placing replicas, joining stray components, latencies. */

import { UnionFind } from '../components.ts'
import { DEFAULT_ROUTE_STRETCH, greatCircleKm, linkRttMs } from '../geo.ts'
import type { Graph } from '../graph.ts'
import { LinkBuilder } from '../graph.ts'
import type { Services, Users } from '../network.ts'
import { sampleServices } from '../network.ts'
import { createRng } from '../rng.ts'
import type { GeoIndex } from '../spatial.ts'
import type { Clusters } from '../world.ts'
import { P2P_DEFAULTS } from './defaults.ts'

/** Candidate access nodes per population cluster, the same in every network. */
export const ACCESS_CANDIDATES = 4
/**
 * How far people may go to reach a working access node when their nearest ones fail, km: this far, or as far as
 * their farthest candidate when that is farther (a remote island's nearest point of presence may be far away).
 */
export const ACCESS_RADIUS_KM = 1000

/**
 * Round-trip cost of one hop, ms. A cloud backbone hop is a router in a provider's own network; an overlay hop
 * is a small node on an ordinary internet connection that receives, decrypts, routes and re-encrypts each packet
 * in software, so it costs more. An assumption, stated in the README; part of what the distributed design costs.
 */
export const BACKBONE_HOP_MS = 1
export const OVERLAY_HOP_MS = P2P_DEFAULTS.hopMs

/** Gives each population cluster its k nearest nodes (among those `accept` allows) as candidate access points. */
export function attachUsers(
  clusters: Clusters,
  index: GeoIndex,
  nodeLat: Float64Array,
  nodeLon: Float64Array,
  accept?: (node: number) => boolean,
  k = ACCESS_CANDIDATES,
): Users {
  const access = new Int32Array(clusters.count * k).fill(-1)
  const accessRttMs = new Float32Array(clusters.count * k)
  const reachKm = new Float32Array(clusters.count)
  for (let c = 0; c < clusters.count; c++) {
    const la = clusters.lat[c]!
    const lo = clusters.lon[c]!
    const near = index.nearest(la, lo, k, Infinity, accept)
    let farthest = 0
    for (let j = 0; j < near.length; j++) {
      const v = near[j]!
      const km = greatCircleKm(la, lo, nodeLat[v]!, nodeLon[v]!)
      access[c * k + j] = v
      accessRttMs[c * k + j] = linkRttMs(km)
      farthest = Math.max(farthest, km)
    }
    reachKm[c] = Math.max(ACCESS_RADIUS_KM, farthest)
  }
  const accessMask = new Uint8Array(nodeLat.length)
  for (let v = 0; v < accessMask.length; v++) accessMask[v] = !accept || accept(v) ? 1 : 0
  return {
    count: clusters.count,
    lat: clusters.lat,
    lon: clusters.lon,
    pop: clusters.pop,
    totalPop: clusters.totalPop,
    k,
    access,
    accessRttMs,
    accessMask,
    reachKm,
  }
}

/**
 * Places copies of each service on distinct nodes chosen at random among `candidates`, at least minSeparationKm
 * apart where possible ("in different places"): `replicas` of each, or `copies[s]` of service s (at most
 * `replicas`, the slots each service has), with no node holding more than `maxPerNode` (most used services first).
 * Each service draws from its own stream, so the first r hosts are the same whatever the number of copies: more
 * copies only ever add hosts.
 */
export function placeReplicas(
  seed: number,
  count: number,
  replicas: number,
  candidates: Int32Array,
  nodeLat: Float64Array,
  nodeLon: Float64Array,
  minSeparationKm: number,
  copies: Int32Array | null = null,
  maxPerNode = Infinity,
): Services {
  const host = new Int32Array(count * replicas).fill(-1)
  const nCand = candidates.length
  const held = new Map<number, number>()
  const full = (v: number) => (held.get(v) ?? 0) >= maxPerNode
  for (let s = 0; s < count; s++) {
    const rng = createRng(seed, `replicas:${s}`)
    const base = s * replicas
    const want = Math.min(replicas, copies ? copies[s]! : replicas)
    for (let j = 0; j < want && j < nCand; j++) {
      let chosen = -1
      for (let attempt = 0; attempt < 64 && chosen < 0; attempt++) {
        const v = candidates[rng.int(nCand)]!
        let ok = !full(v)
        for (let q = 0; q < j; q++) {
          const h = host[base + q]!
          if (h === v) ok = false
          else if (attempt < 48 && greatCircleKm(nodeLat[h]!, nodeLon[h]!, nodeLat[v]!, nodeLon[v]!) < minSeparationKm)
            ok = false
          if (!ok) break
        }
        if (ok) chosen = v
      }
      if (chosen < 0) {
        // Fewer distinct candidates than replicas would loop forever; take the first unused one in order.
        for (let i = 0; i < nCand && chosen < 0; i++) {
          const v = candidates[i]!
          let used = full(v)
          for (let q = 0; q < j; q++) if (host[base + q] === v) used = true
          if (!used) chosen = v
        }
      }
      host[base + j] = chosen
      if (chosen >= 0) held.set(chosen, (held.get(chosen) ?? 0) + 1)
    }
  }
  return { count, replicas, host, latencySample: sampleServices(count) }
}

/**
 * Joins every component to the largest one with a link from one of its nodes to the nearest node of the
 * largest component (a bootstrap peer or a cable), so a freshly built network is connected.
 */
export function connectComponents(
  links: LinkBuilder,
  n: number,
  nodeLat: Float64Array,
  nodeLon: Float64Array,
  index: GeoIndex,
): number {
  const uf = new UnionFind(n)
  const g0 = links.build()
  for (let e = 0; e < g0.m; e++) uf.union(g0.linkA[e]!, g0.linkB[e]!)
  let giant = 0
  for (let v = 0; v < n; v++) if (uf.size[uf.find(v)]! > uf.size[uf.find(giant)]!) giant = v
  let added = 0
  for (let v = 0; v < n; v++) {
    const root = uf.find(v)
    const giantRoot = uf.find(giant)
    if (root === giantRoot || root !== v) continue
    // v is the root of a stray component: link its member nearest to the giant, approximated by v itself.
    const target = index.nearest(nodeLat[v]!, nodeLon[v]!, 1, Infinity, (u) => uf.find(u) === giantRoot)[0]
    if (target === undefined) continue
    links.add(v, target)
    uf.union(v, target)
    added++
  }
  return added
}

/** Round-trip latency of every link from its length and the cost of a hop. */
export function linkLatencies(g: Graph, nodeLat: Float64Array, nodeLon: Float64Array, hopMs: number): Float32Array {
  const rtt = new Float32Array(g.m)
  const model = { stretch: DEFAULT_ROUTE_STRETCH, hopMs }
  for (let e = 0; e < g.m; e++) {
    const a = g.linkA[e]!
    const b = g.linkB[e]!
    rtt[e] = linkRttMs(greatCircleKm(nodeLat[a]!, nodeLon[a]!, nodeLat[b]!, nodeLon[b]!), model)
  }
  return rtt
}

/** Largest-remainder split of `total` items over weights (deterministic). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (total * w) / sum)
  const counts = exact.map(Math.floor)
  let left = total - counts.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => ({ r: x - Math.floor(x), i })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    counts[i]!++
    left--
  }
  return counts
}

/**
 * An overlay of nodes at the given places: each linked to its `nearest` nearest peers, plus on average
 * `longLinks` links to random nodes anywhere, then joined into one connected network.
 */
export function buildOverlay(
  lat: Float64Array,
  lon: Float64Array,
  index: GeoIndex,
  nearest: number,
  longLinks: number,
  seed: number,
): Graph {
  const n = lat.length
  const k = Math.max(1, Math.floor(nearest))
  const links = new LinkBuilder(n, n * (k + 1))
  for (let v = 0; v < n; v++) {
    for (const u of index.nearest(lat[v]!, lon[v]!, k + 1)) if (u !== v) links.add(v, u)
  }
  const rng = createRng(seed, 'overlay:long-links')
  const whole = Math.floor(Math.max(0, longLinks))
  const frac = Math.max(0, longLinks) - whole
  for (let v = 0; v < n && n > 1; v++) {
    let want = whole + (rng.float() < frac ? 1 : 0)
    for (let tries = 0; want > 0 && tries < 8 * want + 8; tries++) {
      if (links.add(v, rng.int(n))) want--
    }
  }
  connectComponents(links, n, lat, lon, index)
  return links.build()
}
