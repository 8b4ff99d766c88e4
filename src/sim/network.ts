/**
 * What every network is, whatever built it: nodes with a place, a class and an operator; links with a
 * latency; the people who use it (population clusters, each with a few candidate access nodes); and the
 * services it hosts (each on one or more replica nodes).
 */

import type { Graph } from './graph.ts'

export type NetworkKind = 'centralized' | 'decentralized' | 'p2p' | 'imported'

/** Node classes; the scene draws one instanced mesh per class. */
export const NodeClass = {
  /** A hyperscale cloud region (a campus of data centres at one metro). */
  region: 0,
  /** A point of presence: where users enter the cloud provider's backbone. */
  pop: 1,
  /** A small, independently run node of the peer-to-peer grid. */
  peer: 2,
  /** A node of an imported graph. */
  imported: 3,
} as const
export type NodeClass = (typeof NodeClass)[keyof typeof NodeClass]

/**
 * How often a node of a class fails on its own and how long it stays down. Uptime is Weibull(shape, scale);
 * shape 1 is the exponential (no memory), shape < 1 means young uptimes end more often than old ones.
 */
export interface FailureModel {
  shape: number
  scaleHours: number
  /** Mean time to repair, hours (exponentially distributed). */
  mttrHours: number
}

/**
 * Assumptions, stated plainly (see README, "Model"):
 * - small nodes: fitted to the ThreeFold Grid's published uptime streaks (88% of active nodes up over a week,
 *   70% over a month, 44% over 3 months, 22% over 6 months, 5% over a year), read as what they are, the age of the
 *   uptimes under way (churnFit.ts): Weibull shape 0.61, scale 43 days, a mean uptime of about 63 days; a repair
 *   takes 12 hours on average (a person has to go and look);
 * - a hyperscale region has a major outage about once a year, lasting about 6 hours (the outages in
 *   science.md lasted 1 to 14 hours);
 * - a point of presence fails about twice a year, for about 2 hours.
 * Small nodes therefore fail far more often than a cloud region: the distributed design has to win anyway.
 */
export const FAILURE_MODELS: Record<NodeClass, FailureModel> = {
  [NodeClass.region]: { shape: 1, scaleHours: 8760, mttrHours: 6 },
  [NodeClass.pop]: { shape: 1, scaleHours: 4380, mttrHours: 2 },
  [NodeClass.peer]: { shape: 0.61, scaleHours: 43 * 24, mttrHours: 12 },
  [NodeClass.imported]: { shape: 0.61, scaleHours: 43 * 24, mttrHours: 12 },
}

export const NODE_CLASS_NAMES: Record<NodeClass, string> = {
  [NodeClass.region]: 'cloud region',
  [NodeClass.pop]: 'point of presence',
  [NodeClass.peer]: 'small node',
  [NodeClass.imported]: 'node',
}

/**
 * The people: population clusters. Each uses the access node within its reach that reaches the most services,
 * looking first at its k nearest (as anycast or an overlay's peer discovery would). Reach is regional: people get
 * to the network over their local and regional internet, and it is the network that carries them further.
 */
export interface Users {
  count: number
  lat: Float64Array
  lon: Float64Array
  pop: Float64Array
  totalPop: number
  /** Candidate access nodes per cluster. */
  k: number
  /** count × k node indices, nearest first; -1 pads a short list. */
  access: Int32Array
  /** count × k round-trip times in ms from the cluster to each candidate (the last mile). */
  accessRttMs: Float32Array
  /** Per node: 1 where people can connect (points of presence, small nodes), 0 elsewhere (cloud regions). */
  accessMask: Uint8Array
  /** Per cluster: how far its people can go to an access node, km (see ACCESS_RADIUS_KM). */
  reachKm: Float32Array
}

/** The services people use, each hosted on up to `replicas` nodes. */
export interface Services {
  count: number
  /** Replica slots per service. */
  replicas: number
  /** count × replicas host nodes; -1 is an empty slot. */
  host: Int32Array
  /** Services whose latency is measured (an even spread, at most 16: latency is estimated from a fixed sample). */
  latencySample: Int32Array
}

export interface Network {
  kind: NetworkKind
  /** A short human name ("centralized cloud", "peer-to-peer grid", the imported file's name…). */
  name: string
  seed: number
  /** The parameters it was built from, after defaults. */
  params: Readonly<Record<string, unknown>>
  graph: Graph
  /** Degrees; NaN for nodes without a known place. */
  lat: Float64Array
  lon: Float64Array
  /** True when every node has a place. */
  hasGeo: boolean
  nodeClass: Uint8Array
  /** Who runs each node: one cloud provider, or one of many independent farmers. */
  operator: Uint32Array
  operatorCount: number
  /** Names of notable nodes (cloud regions: their metro), by node index. */
  labels: Map<number, string>
  /** External ids of imported nodes, by index. */
  ids: string[] | null
  /** Round-trip latency of each link, ms. */
  linkRttMs: Float32Array
  users: Users | null
  services: Services | null
  /** Whether lost replicas are re-created on other nodes (the distributed network's self-healing). */
  selfHealing: boolean
  /** Nodes that are already down when the simulation starts (an imported grid's "down" nodes). */
  initiallyDown: Uint8Array | null
  /** Things the builder or importer had to skip or assume, for the user to read. */
  warnings: string[]
  /** The shared planes the services depend on besides their hosts (DNS, control, edge…), or null for none. */
  planes: Planes | null
}

/**
 * What a shared plane does: resolve names (DNS), authorise and control (identity and API), front the traffic (an
 * edge proxy or CDN), name the grid's published services, or record its deployments (the grid's chain).
 */
export type PlaneKind = 'dns' | 'control' | 'edge' | 'regional' | 'names' | 'chain'

/**
 * The shared planes of a network and who depends on them: dependency edges, beside the links of the graph. A
 * plane is up or down on its own (a bad push, an empty DNS record), whatever the nodes it runs on. It serves:
 * - nodes: a replica of a bound service (bound[s] = 1) on node v answers only while every plane in
 *   nodeDeps[nodeOff[v]..nodeOff[v+1]] is up (a cloud region's own endpoints: when they fail, the region is up
 *   but nothing that calls them can work);
 * - services: service s answers only while every plane in serviceDeps[serviceOff[s]..serviceOff[s+1]] is up,
 *   wherever its replicas run (a global plane: copies in other regions do not help);
 * - self-healing: a lost copy is re-created only while every plane in healDeps is up (where deployments are
 *   recorded).
 */
export interface Planes {
  count: number
  kind: PlaneKind[]
  /** Human names ("the provider's DNS", "Northern Virginia's regional endpoints"…). */
  name: string[]
  /** The node a regional plane belongs to (its region), -1 for a global plane. */
  site: Int32Array
  nodeOff: Int32Array
  nodeDeps: Int32Array
  serviceOff: Int32Array
  serviceDeps: Int32Array
  /** Per service: 1 where its copies need the planes of the node they run on. */
  bound: Uint8Array
  healDeps: Int32Array
}

/** Compressed lists from per-item arrays: off has items + 1 entries. */
export function toCsr(lists: readonly (readonly number[])[]): { off: Int32Array; deps: Int32Array } {
  const off = new Int32Array(lists.length + 1)
  for (let i = 0; i < lists.length; i++) off[i + 1] = off[i]! + lists[i]!.length
  const deps = new Int32Array(off[lists.length]!)
  lists.forEach((l, i) => deps.set(l, off[i]!))
  return { off, deps }
}

/** The first plane of a kind (and of a site, for regional planes), or -1. */
export function findPlane(planes: Planes | null, kind: PlaneKind, site = -1): number {
  if (!planes) return -1
  for (let p = 0; p < planes.count; p++) if (planes.kind[p] === kind && planes.site[p] === site) return p
  return -1
}

/** A stride sample of up to max service indices, spread evenly over all services. */
export function sampleServices(count: number, max = 16): Int32Array {
  const k = Math.min(count, max)
  const out = new Int32Array(k)
  for (let i = 0; i < k; i++) out[i] = Math.floor(((i + 0.5) * count) / k)
  return out
}
