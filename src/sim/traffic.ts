/**
 * Traffic to draw: a fixed set of flows, each from a population cluster to one of the sampled services, and the
 * path each currently takes (the shortest path from the person's access node to the nearest working replica).
 * Paths are refreshed from the shortest-path trees the latency measurement computes anyway, so when a link
 * breaks a flow is rerouted, and when no replica is reachable its path is empty: the traffic stops.
 *
 * Flows start where people are. When a failure has one place (a site, a disaster, an outage's place), a share of
 * them start near it, on every network alike: the drawing looks where something happens, and the people there
 * are those whose traffic has to find another way (on a grid whose traffic is local, flows drawn worldwide
 * would seldom pass near a failure at all). The flows are a picture; no figure is computed from them.
 */

import { greatCircleKm } from './geo.ts'
import type { Network } from './network.ts'
import { createRng } from './rng.ts'

/** Longest path kept per flow, in nodes (a path is truncated at the replica's end beyond it). */
export const MAX_PATH_NODES = 256
/** Share of the flows that start near a failure's place, when it has one. */
export const FOCUS_SHARE = 1 / 3
/** How far from a failure's place those flows start, km: the people around it, beyond the area it hits. */
export const FOCUS_KM = 1200

export class TrafficFlows {
  readonly count: number
  /** Population cluster of each flow. */
  readonly cluster: Int32Array
  /** Index into the network's latency sample of each flow's service. */
  readonly sample: Int32Array
  /** Nodes of each flow's path, from the access node to the replica, MAX_PATH_NODES apart. */
  readonly path: Int32Array
  /** Number of nodes in each flow's path; 0 while no replica can be reached. */
  readonly length: Int32Array
  /** Bumped whenever paths are recomputed. */
  version = 0

  /** focus: the failure's place, or null (every flow drawn from the whole world's people). */
  constructor(net: Network, count: number, seed: number, focus: { lat: number; lon: number } | null = null) {
    const users = net.users
    const services = net.services
    this.count = users && services && services.latencySample.length > 0 ? count : 0
    this.cluster = new Int32Array(this.count)
    this.sample = new Int32Array(this.count)
    this.path = new Int32Array(this.count * MAX_PATH_NODES)
    this.length = new Int32Array(this.count)
    if (!users || !services || this.count === 0) return
    // Flows start where people are: clusters drawn in proportion to population, the world's or (for every
    // third flow, with a place) that within FOCUS_KM of the place.
    const rng = createRng(seed, 'traffic:flows')
    const world = new Float64Array(users.count)
    const near = new Float64Array(users.count)
    let acc = 0
    let accNear = 0
    for (let c = 0; c < users.count; c++) {
      world[c] = acc += users.pop[c]!
      const inside = focus !== null && greatCircleKm(focus.lat, focus.lon, users.lat[c]!, users.lon[c]!) <= FOCUS_KM
      near[c] = accNear += inside ? users.pop[c]! : 0
    }
    const every = Math.round(1 / FOCUS_SHARE)
    for (let f = 0; f < this.count; f++) {
      const focused = accNear > 0 && f % every === every - 1
      const cum = focused ? near : world
      const x = rng.float() * (focused ? accNear : acc)
      let lo = 0
      let hi = users.count - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (cum[mid]! > x) hi = mid
        else lo = mid + 1
      }
      this.cluster[f] = lo
      this.sample[f] = f % services.latencySample.length
    }
  }

  /**
   * Refreshes the paths of the flows of one sampled service from its shortest-path tree. chosenNode: each
   * cluster's access node (-1 when none); served: each cluster's share of reachable services (0 = cut off).
   */
  update(sample: number, dist: Float64Array, prev: Int32Array, chosenNode: Int32Array, served: Float32Array): void {
    for (let f = 0; f < this.count; f++) {
      if (this.sample[f] !== sample) continue
      const c = this.cluster[f]!
      let v = chosenNode[c]!
      let len = 0
      if (v >= 0 && served[c]! > 0 && dist[v] !== Infinity) {
        const base = f * MAX_PATH_NODES
        while (v >= 0 && len < MAX_PATH_NODES) {
          this.path[base + len++] = v
          v = prev[v]!
        }
      }
      this.length[f] = len
    }
    this.version++
  }
}
