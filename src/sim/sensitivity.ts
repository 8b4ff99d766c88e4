/**
 * How the results lean on two assumptions no one publishes a figure for, for the methodology panel and
 * `npm run sim -- sensitivity`:
 * - the cost of a hop through a small node (P2PParams.hopMs: routing and re-encrypting in software), which sets
 *   the grid's latency against the clouds';
 * - how unevenly services are homed over a cloud's regions (CloudParams.regionSkew), which sets how much the
 *   centralized cloud loses with its largest region.
 * Each row rebuilds the network with the one parameter changed (the same seed) and measures it.
 */

import { Simulation } from './engine.ts'
import { buildNetwork } from './index.ts'
import { METROS, regionShares } from './regions.ts'
import type { World } from './world.ts'

export const HOP_MS_VALUES = [1, 2, 5, 10, 20] as const
export const REGION_SKEW_VALUES = [0, 0.5, 1, 1.5] as const
/** The failure the region skew is measured under: everything within 500 km of Northern Virginia. */
export const SKEW_DISASTER = { kind: 'region', lat: METROS[0]!.lat, lon: METROS[0]!.lon, radiusKm: 500 } as const

export interface SensitivityTable {
  /** Healthy latency, ms, of each network; the grid's for each hop cost. */
  latency: {
    clouds: { network: 'centralized' | 'decentralized'; p50: number; p95: number }[]
    grid: { hopMs: number; p50: number; p95: number }[]
  }
  /** Under SKEW_DISASTER: the largest region's share of services, and the centralized cloud's services available. */
  regionSkew: { skew: number; largestShare: number; serviceAvailability: number }[]
  /** The grid's services available under the same disaster, for comparison. */
  gridUnderDisaster: number
}

const round = (x: number, d = 4) => Number(x.toFixed(d))

export function sensitivityTable(world: World, seed = 1): SensitivityTable {
  const healthy = (spec: Parameters<typeof buildNetwork>[1]) => new Simulation(buildNetwork(world, spec, seed)).current
  const afterDisaster = (spec: Parameters<typeof buildNetwork>[1]) => {
    const sim = new Simulation(buildNetwork(world, spec, seed), SKEW_DISASTER, seed)
    return sim.run(3).at(-1)!.serviceAvailability!
  }
  const clouds = (['centralized', 'decentralized'] as const).map((network) => {
    const m = healthy({ kind: network })
    return { network, p50: round(m.latencyP50Ms!, 1), p95: round(m.latencyP95Ms!, 1) }
  })
  const grid = HOP_MS_VALUES.map((hopMs) => {
    const m = healthy({ kind: 'p2p', hopMs })
    return { hopMs, p50: round(m.latencyP50Ms!, 1), p95: round(m.latencyP95Ms!, 1) }
  })
  const regionSkew = REGION_SKEW_VALUES.map((skew) => ({
    skew,
    largestShare: round(regionShares(METROS.length, skew)[0]!),
    serviceAvailability: round(afterDisaster({ kind: 'centralized', regionSkew: skew })),
  }))
  return { latency: { clouds, grid }, regionSkew, gridUnderDisaster: round(afterDisaster({ kind: 'p2p' })) }
}
