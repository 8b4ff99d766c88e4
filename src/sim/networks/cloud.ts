/**
 * The cloud networks. Centralized: every service lives in one hyperscale region, most of them in the largest;
 * people enter the provider's backbone at their nearest point of presence (PoP) and cross it to the region.
 * Decentralized: the same regions and backbone, each service replicated in 2 or 3 regions with failover.
 */

import { greatCircleKm } from '../geo.ts'
import { LinkBuilder } from '../graph.ts'
import type { Network, Services } from '../network.ts'
import { NodeClass, sampleServices } from '../network.ts'
import { METROS, regionShares } from '../regions.ts'
import { createGeoIndex } from '../spatial.ts'
import type { World } from '../world.ts'
import { cloudPlanes } from './planes.ts'
import { BACKBONE_HOP_MS, apportion, attachUsers, connectComponents, linkLatencies } from './common.ts'

export interface CloudParams {
  /** Hyperscale regions, the largest first (10 to 16). */
  regions: number
  /** Points of presence where users enter the backbone. */
  pops: number
  /** Regions each PoP connects to. */
  uplinks: number
  /** Number of services people use. */
  services: number
  /** Regions each service runs in: 1 when centralized, 2 or 3 when decentralized. */
  replicas: number
}

export const CENTRALIZED_DEFAULTS: CloudParams = { regions: 16, pops: 120, uplinks: 2, services: 100, replicas: 1 }
export const DECENTRALIZED_DEFAULTS: CloudParams = { ...CENTRALIZED_DEFAULTS, replicas: 3 }

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

  const links = new LinkBuilder(n, (R * (R - 1)) / 2 + P * params.uplinks)
  // The provider's private backbone joins every pair of regions directly (its own long-haul and subsea fiber).
  for (let i = 0; i < R; i++) for (let j = i + 1; j < R; j++) links.add(i, j)
  for (let j = R; j < n; j++) {
    for (const r of index.nearest(lat[j]!, lon[j]!, Math.max(1, params.uplinks), Infinity, isRegion)) links.add(j, r)
  }
  connectComponents(links, n, lat, lon, index)
  const graph = links.build()

  const users = attachUsers(clusters, index, lat, lon, (v) => v >= R)
  const services = homeServices(params.services, params.replicas, metros.length, lat, lon)

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
 * also runs in the regions nearest its home, as multi-region deployments usually pair nearby regions.
 */
function homeServices(
  count: number,
  replicas: number,
  regions: number,
  lat: Float64Array,
  lon: Float64Array,
): Services {
  const r = Math.max(1, Math.min(regions, Math.floor(replicas)))
  const perRegion = apportion(count, regionShares(regions))
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
    for (let k = 0; k < perRegion[home]!; k++, s++) {
      host[s * r] = home
      for (let j = 1; j < r; j++) host[s * r + j] = byDistance[j - 1]!
    }
  }
  return { count, replicas: r, host, latencySample: sampleServices(count) }
}
