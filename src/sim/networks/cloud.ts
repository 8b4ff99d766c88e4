/**
 * The cloud networks. Centralized: every service lives in one hyperscale region, most of them in the largest;
 * people enter the provider's backbone at their nearest point of presence (PoP) and cross it to the region.
 * Decentralized: the same regions and backbone, each service replicated in 2 or 3 regions with failover.
 *
 * The backbone is a mesh: every pair of regions is joined, and each PoP links to its nearest regions and to its
 * nearest PoPs, so a PoP whose own regions fail reaches the others through its neighbours (as a real edge rides the
 * provider's meshed backbone). Multi-region copies go, by default, to regions far from each other (disaster
 * recovery pairs are chosen far apart), or with 'nearest' to the regions nearest the home region.
 */

import { greatCircleKm } from '../geo.ts'
import { LinkBuilder } from '../graph.ts'
import type { Network, Services } from '../network.ts'
import { NodeClass, sampleServices } from '../network.ts'
import { METROS, regionShares } from '../regions.ts'
import { createGeoIndex } from '../spatial.ts'
import type { World } from '../world.ts'
import { cloudPlanes } from './planes.ts'
import { CENTRALIZED_DEFAULTS, DECENTRALIZED_DEFAULTS, DIVERSE_MIN_KM, type CloudParams } from './defaults.ts'
import { BACKBONE_HOP_MS, apportion, attachUsers, connectComponents, linkLatencies } from './common.ts'

export type { CloudParams } from './defaults.ts'
export { CENTRALIZED_DEFAULTS, DECENTRALIZED_DEFAULTS, DIVERSE_MIN_KM } from './defaults.ts'

export function buildCloud(
  world: World,
  kind: 'centralized' | 'decentralized',
  partial: Partial<CloudParams> = {},
  seed = 1,
): Network {
  const params: CloudParams = {
    ...(kind === 'centralized' ? CENTRALIZED_DEFAULTS : DECENTRALIZED_DEFAULTS),
    ...partial,
  }
  if (kind === 'centralized') params.replicas = 1
  const R = Math.max(1, Math.min(METROS.length, Math.floor(params.regions)))
  const metros = METROS.slice(0, R)
  const { clusters } = world

  const popClusters = choosePopSites(world, Math.max(1, Math.floor(params.pops)))
  const P = popClusters.length
  const n = R + P
  const lat = new Float64Array(n)
  const lon = new Float64Array(n)
  const nodeClass = new Uint8Array(n)
  const labels = new Map<number, string>()
  metros.forEach((m, i) => {
    lat[i] = m.lat
    lon[i] = m.lon
    nodeClass[i] = NodeClass.region
    labels.set(i, m.name)
  })
  popClusters.forEach((c, j) => {
    lat[R + j] = clusters.lat[c]!
    lon[R + j] = clusters.lon[c]!
    nodeClass[R + j] = NodeClass.pop
  })
  const index = createGeoIndex(lat, lon)
  const isRegion = (v: number) => v < R

  const popLinks = Math.max(0, Math.floor(params.popLinks))
  const links = new LinkBuilder(n, (R * (R - 1)) / 2 + P * (params.uplinks + popLinks))
  // The provider's private backbone joins every pair of regions directly (its own long-haul and subsea fiber).
  for (let i = 0; i < R; i++) for (let j = i + 1; j < R; j++) links.add(i, j)
  for (let j = R; j < n; j++) {
    for (const r of index.nearest(lat[j]!, lon[j]!, Math.max(1, params.uplinks), Infinity, isRegion)) links.add(j, r)
    // And its nearest PoPs: the edge is meshed too.
    if (popLinks > 0)
      for (const q of index.nearest(lat[j]!, lon[j]!, popLinks + 1, Infinity, (v) => v >= R && v !== j)) links.add(j, q)
  }
  connectComponents(links, n, lat, lon, index)
  const graph = links.build()

  const users = attachUsers(clusters, index, lat, lon, (v) => v >= R)
  const services = homeServices(
    params.services,
    params.replicas,
    metros.length,
    lat,
    lon,
    params.placement,
    params.regionSkew,
  )

  return {
    kind,
    name: kind === 'centralized' ? 'centralized cloud' : 'multi-region cloud',
    seed,
    params: { ...params, regions: R, pops: P },
    graph,
    lat,
    lon,
    hasGeo: true,
    nodeClass,
    // One provider runs all of it: one control plane, one configuration system.
    operator: new Uint32Array(n),
    operatorCount: 1,
    labels,
    ids: null,
    linkRttMs: linkLatencies(graph, lat, lon, BACKBONE_HOP_MS),
    users,
    services,
    selfHealing: false,
    initiallyDown: null,
    warnings: [],
    planes: cloudPlanes(
      n,
      metros.map((m) => m.name),
      services,
    ),
  }
}

/**
 * PoP sites: the most populous clusters, kept apart so they cover the world rather than pile up in one
 * megalopolis; the spacing shrinks until there are enough.
 */
function choosePopSites(world: World, count: number): number[] {
  const { clusters } = world
  const chosen: number[] = []
  const taken = new Uint8Array(clusters.count)
  for (let sepKm = 800; chosen.length < count && sepKm > 1; sepKm *= 0.7) {
    for (let c = 0; c < clusters.count && chosen.length < count; c++) {
      if (taken[c]) continue
      let far = true
      for (const q of chosen) {
        if (greatCircleKm(clusters.lat[c]!, clusters.lon[c]!, clusters.lat[q]!, clusters.lon[q]!) < sepKm) {
          far = false
          break
        }
      }
      if (far) {
        chosen.push(c)
        taken[c] = 1
      }
    }
  }
  return chosen
}

/**
 * Services homed by region share (largest-remainder split of the Zipf shares); with replicas > 1 each service
 * also runs in other regions: the nearest ones at least DIVERSE_MIN_KM from every copy so far ('diverse'; where
 * none is that far, the farthest), or the nearest to its home ('nearest').
 */
function homeServices(
  count: number,
  replicas: number,
  regions: number,
  lat: Float64Array,
  lon: Float64Array,
  placement: CloudParams['placement'],
  skew: number,
): Services {
  const r = Math.max(1, Math.min(regions, Math.floor(replicas)))
  const perRegion = apportion(count, regionShares(regions, skew))
  const host = new Int32Array(count * r).fill(-1)
  let s = 0
  for (let home = 0; home < regions; home++) {
    const byDistance = Array.from({ length: regions }, (_, i) => i)
      .filter((i) => i !== home)
      .sort(
        (a, b) =>
          greatCircleKm(lat[home]!, lon[home]!, lat[a]!, lon[a]!) -
          greatCircleKm(lat[home]!, lon[home]!, lat[b]!, lon[b]!),
      )
    const others = placement === 'nearest' ? byDistance.slice(0, r - 1) : spreadOut(home, byDistance, r - 1, lat, lon)
    for (let k = 0; k < perRegion[home]!; k++, s++) {
      host[s * r] = home
      for (let j = 1; j < r; j++) host[s * r + j] = others[j - 1]!
    }
  }
  return { count, replicas: r, host, latencySample: sampleServices(count) }
}

/**
 * `k` regions for a service's other copies: in order of distance from home, each the first at least DIVERSE_MIN_KM
 * from every copy chosen so far; where none is, the one farthest from them.
 */
function spreadOut(home: number, byDistance: number[], k: number, lat: Float64Array, lon: Float64Array): number[] {
  const chosen = [home]
  const apart = (v: number) => Math.min(...chosen.map((c) => greatCircleKm(lat[c]!, lon[c]!, lat[v]!, lon[v]!)))
  const out: number[] = []
  for (let j = 0; j < k; j++) {
    const left = byDistance.filter((v) => !chosen.includes(v))
    if (left.length === 0) break
    const pick = left.find((v) => apart(v) >= DIVERSE_MIN_KM) ?? left.reduce((a, b) => (apart(b) > apart(a) ? b : a))
    chosen.push(pick)
    out.push(pick)
  }
  return out
}
