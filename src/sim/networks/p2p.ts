/**
 * The distributed (peer-to-peer) network: many small nodes placed where people live, run by many independent
 * farmers, each node linked to its nearest peers plus a few long links (as an overlay such as Mycelium finds
 * neighbours nearby and through public peers far away). Every service runs on several nodes in different places.
 */

import { destination } from '../geo.ts'
import type { Network } from '../network.ts'
import { NodeClass } from '../network.ts'
import { createRng } from '../rng.ts'
import { createGeoIndex } from '../spatial.ts'
import type { World } from '../world.ts'
import { gridPlanes } from './planes.ts'
import { attachUsers, buildOverlay, linkLatencies, placeReplicas } from './common.ts'
import { P2P_DEFAULTS, type P2PParams } from './defaults.ts'
import { MAX_COPIES_PER_NODE, copiesFor, serviceDemand } from '../demand.ts'

export type { P2PParams } from './defaults.ts'
export { P2P_DEFAULTS } from './defaults.ts'

export const P2P_MAX_NODES = 100_000
/** The most copies a service gets when copies scale with demand (a 100,000-node grid would give the top one 6,000). */
export const MAX_SCALED_COPIES = 256

/** Nodes of one farm sit around one place; scatter them within this radius of their cluster, km. */
const SCATTER_KM = 25
/** Farm sizes: discrete Pareto with this exponent, capped; the mean is about 3 nodes per farm. */
const FARM_PARETO = 1.3
const FARM_MAX = 50

export function buildP2P(world: World, partial: Partial<P2PParams> = {}, seed = 1): Network {
  const params: P2PParams = { ...P2P_DEFAULTS, ...partial }
  const n = Math.max(2, Math.min(P2P_MAX_NODES, Math.floor(params.nodes)))
  const { clusters, countries } = world
  const lat = new Float64Array(n)
  const lon = new Float64Array(n)
  const homeCluster = placeNodes(world, n, seed)
  const place = createRng(seed, 'p2p:scatter')
  for (let v = 0; v < n; v++) {
    const c = homeCluster[v]!
    // Uniform in a disc: distance ∝ sqrt(u).
    const p = destination(
      clusters.lat[c]!,
      clusters.lon[c]!,
      place.float() * 360,
      SCATTER_KM * Math.sqrt(place.float()),
    )
    lat[v] = p.lat
    lon[v] = p.lon
  }
  const operator = assignFarms(homeCluster, clusters.country, seed)
  let operatorCount = 0
  for (let v = 0; v < n; v++) operatorCount = Math.max(operatorCount, operator[v]! + 1)

  const index = createGeoIndex(lat, lon)
  const graph = buildOverlay(lat, lon, index, params.links, params.longLinks, seed)

  const users = attachUsers(clusters, index, lat, lon)
  const all = Int32Array.from({ length: n }, (_, i) => i)
  const serviceCount = Math.max(1, Math.floor(params.services))
  const least = Math.max(1, Math.floor(params.replicas))
  const copies = params.scaleCopies
    ? copiesFor(serviceDemand(serviceCount), n, least, Math.max(least, MAX_SCALED_COPIES))
    : new Int32Array(serviceCount).fill(least)
  const services = placeReplicas(
    seed,
    serviceCount,
    Math.max(...copies),
    all,
    lat,
    lon,
    params.replicaSeparationKm,
    copies,
    params.scaleCopies ? MAX_COPIES_PER_NODE : Infinity,
  )

  return {
    kind: 'p2p',
    name: 'peer-to-peer grid',
    seed,
    params: { ...params, nodes: n, countries: countNodeCountries(homeCluster, clusters.country, countries.length) },
    graph,
    lat,
    lon,
    hasGeo: true,
    nodeClass: new Uint8Array(n).fill(NodeClass.peer),
    operator,
    operatorCount,
    labels: new Map(),
    ids: null,
    linkRttMs: linkLatencies(graph, lat, lon, params.hopMs),
    users,
    services,
    selfHealing: params.selfHealing,
    initiallyDown: null,
    warnings: [],
    planes: gridPlanes(n, services),
  }
}

/**
 * The cluster each node is placed at: first one node in the most populous cluster of each country (when
 * there are enough nodes to go round), then the rest in proportion to population.
 */
function placeNodes(world: World, n: number, seed: number): Int32Array {
  const { clusters, countries } = world
  const rng = createRng(seed, 'p2p:placement')
  const home = new Int32Array(n)
  let v = 0
  if (n >= 2 * countries.length) {
    const firstOf = new Int32Array(countries.length).fill(-1)
    // Clusters are sorted by population, so the first seen per country is its largest.
    for (let c = 0; c < clusters.count; c++) if (firstOf[clusters.country[c]!] === -1) firstOf[clusters.country[c]!] = c
    for (const c of firstOf) if (c >= 0) home[v++] = c
  }
  const cum = new Float64Array(clusters.count)
  let acc = 0
  for (let c = 0; c < clusters.count; c++) cum[c] = acc += clusters.pop[c]!
  for (; v < n; v++) {
    const x = rng.float() * acc
    let lo = 0
    let hi = clusters.count - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cum[mid]! > x) hi = mid
      else lo = mid + 1
    }
    home[v] = lo
  }
  return home
}

/**
 * Farms: the nodes of one country are split into farms of heavy-tailed size (most farmers run one or two
 * nodes, a few run dozens), each farm an independent operator; a farm's nodes sit in neighbouring places.
 */
function assignFarms(homeCluster: Int32Array, clusterCountry: Uint16Array, seed: number): Uint32Array {
  const n = homeCluster.length
  const rng = createRng(seed, 'p2p:farms')
  const countryOf = (v: number) => clusterCountry[homeCluster[v]!]!
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => countryOf(a) - countryOf(b) || homeCluster[a]! - homeCluster[b]! || a - b,
  )
  const operator = new Uint32Array(n)
  let farm = -1
  let left = 0
  let country = -1
  for (const v of order) {
    if (left === 0 || countryOf(v) !== country) {
      farm++
      left = Math.min(FARM_MAX, Math.floor(Math.pow(1 - rng.float(), -1 / FARM_PARETO)))
      country = countryOf(v)
    }
    operator[v] = farm
    left--
  }
  return operator
}

function countNodeCountries(homeCluster: Int32Array, clusterCountry: Uint16Array, countryCount: number): number {
  const seen = new Uint8Array(countryCount)
  let count = 0
  for (const c of homeCluster) {
    const k = clusterCountry[c]!
    if (!seen[k]) {
      seen[k] = 1
      count++
    }
  }
  return count
}
