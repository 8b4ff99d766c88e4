/**
 * What a state of the network means for people. With the working nodes and links joined into connected groups:
 * - a person can use a service when their own area is not down and their access node is up and in the same
 *   group as a working replica of it. People use the access node within their reach that reaches the most
 *   services: one of their nearest candidates when it does as well as any (the nearest on a tie), otherwise
 *   the nearest that does best among the REACH_LIST access nodes nearest them within reach;
 * - users online: share of the population that can use at least one service;
 * - service availability: share of (person, service) pairs that work, each counted by the share of the service its
 *   group's working copies can carry (demand.ts: every copy has its share of the load plus headroom; beyond it,
 *   everyone in the group gets a share of the service in proportion);
 * - survivability (Baran): share of ALL nodes that are up and in the largest group;
 * - latency: round trip from a person to the nearest working replica, over the access link and the fastest
 *   path through the network; population-weighted percentiles over a fixed sample of services.
 * Buffers are allocated once per network and reused at every step.
 */

import { UnionFind } from './components.ts'
import { servedShare } from './demand.ts'
import { greatCircleKm, linkRttMs } from './geo.ts'
import type { Network } from './network.ts'
import { Dijkstra } from './paths.ts'
import type { GeoIndex } from './spatial.ts'
import { createGeoIndex } from './spatial.ts'

export interface Reach {
  usersOnline: number | null
  serviceAvailability: number | null
  survivability: number
}

/**
 * How many access nodes within reach people look through when their nearest ones reach less than they could:
 * far more than enough to step around a failed area (the nearest 256 span a few hundred km where nodes are dense).
 */
export const REACH_LIST = 256

/** Latency histogram: 0.5 ms bins up to 4 s; beyond that goes in the last bin. */
const BIN_MS = 0.5
const BINS = 8000

/**
 * Which copies answer while shared planes are down (see Planes in network.ts): per node, 1 where the node is up
 * and the planes it provides to its copies are up; per service, 1 while the planes it needs are up; per service,
 * 1 where its copies need their host's planes (else a working host is enough).
 */
export interface Serving {
  node: Uint8Array
  service: Uint8Array
  bound: Uint8Array
}

export class MetricsComputer {
  readonly uf: UnionFind
  /** Per cluster: the access node in use, or -1 when there is none. */
  readonly chosenNode: Int32Array
  /** Per cluster: round trip to that access node, ms. */
  readonly chosenRttMs: Float32Array
  /** Per cluster: share of services reachable (0..1); the scene colours people by it. */
  readonly clusterService: Float32Array
  private readonly svcStamp: Int32Array
  private readonly svcCount: Int32Array
  private readonly touched: Int32Array
  private readonly sources: Int32Array
  private readonly hist: Float64Array
  private dijkstra: Dijkstra | null = null
  private geo: GeoIndex | null = null
  /** Per cluster, its REACH_LIST nearest access nodes within reach, nearest first: built when first needed. */
  private reachNodes: Int32Array | null = null
  private readonly reachLength: Int16Array
  /** Copies each service was built with (its hosts at the start: failures and healing do not change the count). */
  private readonly copies: Int32Array
  /** Per connected group (by its root): people online there, the services' shares they get, working copies. */
  private readonly groupPop: Float64Array
  private readonly groupServed: Float64Array
  private readonly aliveStamp: Int32Array
  private readonly aliveCount: Int32Array
  private readonly aliveRoots: Int32Array
  /** Per cluster: the root of the group its access node is in (-1: none). */
  private readonly chosenRoot: Int32Array

  constructor(readonly net: Network) {
    const n = net.graph.n
    this.uf = new UnionFind(n)
    this.svcStamp = new Int32Array(n)
    this.svcCount = new Int32Array(n)
    this.touched = new Int32Array(n)
    const clusters = net.users?.count ?? 0
    this.reachLength = new Int16Array(clusters).fill(-1)
    this.chosenNode = new Int32Array(clusters).fill(-1)
    this.chosenRttMs = new Float32Array(clusters)
    this.clusterService = new Float32Array(clusters)
    this.sources = new Int32Array(net.services?.replicas ?? 1)
    this.hist = new Float64Array(BINS)
    const services = net.services
    this.copies = new Int32Array(services?.count ?? 0)
    for (let s = 0; services && s < services.count; s++)
      for (let j = 0; j < services.replicas; j++) if (services.host[s * services.replicas + j]! >= 0) this.copies[s]!++
    this.groupPop = new Float64Array(n)
    this.groupServed = new Float64Array(n)
    this.aliveStamp = new Int32Array(n)
    this.aliveCount = new Int32Array(n)
    this.aliveRoots = new Int32Array(Math.max(1, services?.replicas ?? 1))
    this.chosenRoot = new Int32Array(clusters).fill(-1)
  }

  /**
   * Users online, availability and survivability from a union-find already built over the working nodes and
   * links (the engine builds it with connectAlive; a sweep builds it incrementally). host: replica hosts.
   * serving: which copies answer when shared planes are down (null: every copy on a working node). A node that is
   * up but cannot serve still carries traffic.
   */
  reach(
    nodeUp: Uint8Array,
    host: Int32Array | null,
    clusterUp: Uint8Array | null = null,
    serving: Serving | null = null,
  ): Reach {
    const { net, uf } = this
    const survivability = net.graph.n > 0 ? uf.largest / net.graph.n : 0
    const users = net.users
    const services = net.services
    if (!users || !services || !host) return { usersOnline: null, serviceAvailability: null, survivability }

    // Count, per connected group, how many services have a working replica in it.
    const { svcStamp, svcCount, touched } = this
    let nTouched = 0
    const R = services.replicas
    for (let s = 0; s < services.count; s++) {
      if (serving && !serving.service[s]) continue
      const up = serving && serving.bound[s] ? serving.node : nodeUp
      for (let j = 0; j < R; j++) {
        const h = host[s * R + j]!
        if (h < 0 || !up[h]) continue
        const root = uf.find(h)
        if (svcStamp[root] === s + 1) continue
        if (svcCount[root] === 0) touched[nTouched++] = root
        svcStamp[root] = s + 1
        svcCount[root]!++
      }
    }

    const { k, access, accessRttMs, pop } = users
    let online = 0
    let served = 0
    const S = services.count
    // The most services any connected group reaches: nobody can do better, so a search can stop there.
    let mostServices = 0
    for (let i = 0; i < nTouched; i++) mostServices = Math.max(mostServices, svcCount[touched[i]!]!)
    for (let c = 0; c < users.count; c++) {
      let best = -1
      let bestCount = 0
      // People whose own area is down (inside a disaster) are cut off whatever the network.
      const reachable = !clusterUp || clusterUp[c] === 1
      for (let j = 0; reachable && j < k; j++) {
        const a = access[c * k + j]!
        if (a < 0) break
        if (!nodeUp[a]) continue
        if (best < 0) best = j
        const cnt = svcCount[uf.find(a)]!
        if (cnt > bestCount) {
          bestCount = cnt
          best = j
        }
      }
      let node = best >= 0 ? access[c * k + best]! : -1
      let rtt = best >= 0 ? accessRttMs[c * k + best]! : 0
      if (reachable && bestCount < mostServices) {
        // The nearest candidates reach less than some group does: look through every access node within reach,
        // nearest first, for the working one that reaches the most (stopping at one that reaches as much as any).
        const list = this.reachList(c)
        const base = c * REACH_LIST
        for (let i = 0; i < this.reachLength[c]!; i++) {
          const v = list[base + i]!
          if (!nodeUp[v]) continue
          const cnt = svcCount[uf.find(v)]!
          if (cnt <= bestCount) continue
          bestCount = cnt
          node = v
          rtt = linkRttMs(greatCircleKm(users.lat[c]!, users.lon[c]!, net.lat[v]!, net.lon[v]!))
          if (cnt === mostServices) break
        }
      }
      this.chosenNode[c] = node
      this.chosenRttMs[c] = rtt
      const root = node >= 0 && bestCount > 0 ? uf.find(node) : -1
      this.chosenRoot[c] = root
      if (root >= 0) {
        online += pop[c]!
        this.groupPop[root]! += pop[c]!
      }
    }

    // What each group's working copies of each service can carry of its people's load (demand.ts).
    const { groupPop, groupServed, aliveStamp, aliveCount, aliveRoots, copies } = this
    const total = users.totalPop
    for (let s = 0; s < S; s++) {
      if (serving && !serving.service[s]) continue
      const up = serving && serving.bound[s] ? serving.node : nodeUp
      let roots = 0
      for (let j = 0; j < R; j++) {
        const h = host[s * R + j]!
        if (h < 0 || !up[h]) continue
        const root = uf.find(h)
        if (aliveStamp[root] !== s + 1) {
          aliveStamp[root] = s + 1
          aliveCount[root] = 0
          aliveRoots[roots++] = root
        }
        aliveCount[root]!++
      }
      for (let i = 0; i < roots; i++) {
        const root = aliveRoots[i]!
        groupServed[root]! += servedShare(aliveCount[root]!, copies[s]!, groupPop[root]!, total)
      }
    }
    for (let c = 0; c < users.count; c++) {
      const root = this.chosenRoot[c]!
      const share = root >= 0 ? groupServed[root]! / S : 0
      this.clusterService[c] = share
      served += pop[c]! * share
    }

    for (let i = 0; i < nTouched; i++) {
      const r = touched[i]!
      svcCount[r] = 0
      svcStamp[r] = 0
      groupPop[r] = 0
      groupServed[r] = 0
      aliveStamp[r] = 0
    }
    return {
      usersOnline: total > 0 ? online / total : 0,
      serviceAvailability: total > 0 ? served / total : 0,
      survivability,
    }
  }

  /**
   * The access nodes a cluster's people could use, nearest first: the REACH_LIST nearest within its reach. A fixed
   * set, whatever fails, so failing more can only take options away and more replicas can only add services.
   */
  private reachList(c: number): Int32Array {
    const users = this.net.users!
    this.reachNodes ??= new Int32Array(users.count * REACH_LIST)
    if (this.reachLength[c]! < 0) {
      this.geo ??= createGeoIndex(this.net.lat, this.net.lon)
      const mask = users.accessMask
      const near = this.geo.nearest(users.lat[c]!, users.lon[c]!, REACH_LIST, users.reachKm[c]!, (v) => mask[v] === 1)
      this.reachNodes.set(near, c * REACH_LIST)
      this.reachLength[c] = near.length
    }
    return this.reachNodes
  }

  /**
   * Latency p50 and p95 (ms) over people and the sampled services they can reach; call after reach() on the
   * same state (it uses the access nodes reach() chose). Null when nothing is reachable.
   */
  latency(
    nodeUp: Uint8Array,
    linkUp: Uint8Array | null,
    host: Int32Array | null,
    onTree?: (sample: number, dist: Float64Array, prev: Int32Array) => void,
    serving: Serving | null = null,
  ): { p50: number | null; p95: number | null } {
    const { net } = this
    const users = net.users
    const services = net.services
    if (!users || !services || !host) return { p50: null, p95: null }
    this.dijkstra ??= new Dijkstra(net.graph)
    const hist = this.hist
    hist.fill(0)
    let total = 0
    const R = services.replicas
    const { pop } = users
    const sample = services.latencySample
    for (let i = 0; i < sample.length; i++) {
      const s = sample[i]!
      // A replica that cannot answer (its planes down, or the service's) is no source.
      const answers = !serving || serving.service[s] === 1
      const up = serving && serving.bound[s] ? serving.node : nodeUp
      for (let j = 0; j < R; j++) {
        const h = host[s * R + j]!
        this.sources[j] = answers && h >= 0 && up[h] ? h : -1
      }
      const dist = this.dijkstra.run(net.linkRttMs, nodeUp, linkUp, this.sources, R)
      // Callers that draw traffic read the shortest-path tree of each sampled service here.
      onTree?.(i, dist, this.dijkstra.prev)
      for (let c = 0; c < users.count; c++) {
        const a = this.chosenNode[c]!
        if (a < 0 || this.clusterService[c] === 0) continue
        const d = dist[a]!
        if (d === Infinity) continue
        const ms = this.chosenRttMs[c]! + d
        hist[Math.min(BINS - 1, Math.floor(ms / BIN_MS))]! += pop[c]!
        total += pop[c]!
      }
    }
    if (total === 0) return { p50: null, p95: null }
    return { p50: percentile(hist, total, 0.5), p95: percentile(hist, total, 0.95) }
  }
}

/** Weighted percentile from the histogram, interpolated within its bin. */
function percentile(hist: Float64Array, total: number, q: number): number {
  const target = q * total
  let acc = 0
  for (let b = 0; b < hist.length; b++) {
    const w = hist[b]!
    if (w > 0 && acc + w >= target) return (b + (target - acc) / w) * BIN_MS
    acc += w
  }
  return hist.length * BIN_MS
}
