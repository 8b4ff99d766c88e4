/**
 * The built-in networks' parameters and their defaults, apart from the code that builds them: the page's forms
 * read these without downloading the builders (which run in the worker).
 */

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
  /** Other PoPs each PoP links to (the backbone's mesh at the edge; 0: a PoP hangs off its regions only). */
  popLinks: number
  /**
   * Where a service's other copies go: 'diverse', the nearest regions at least DIVERSE_MIN_KM from every copy so
   * far (a disaster recovery region beyond a regional disaster's reach); 'nearest', the regions nearest its home.
   */
  placement: 'diverse' | 'nearest'
  /** How unevenly services are homed over the regions: a Zipf exponent (regions.ts; 0: evenly). */
  regionSkew: number
}

/** How far apart a service's copies are kept under 'diverse' placement, km. */
export const DIVERSE_MIN_KM = 1000

export const CENTRALIZED_DEFAULTS: CloudParams = {
  regions: 16,
  pops: 120,
  uplinks: 2,
  services: 100,
  replicas: 1,
  popLinks: 3,
  placement: 'diverse',
  regionSkew: 1,
}
export const DECENTRALIZED_DEFAULTS: CloudParams = { ...CENTRALIZED_DEFAULTS, replicas: 3 }

export interface P2PParams {
  /** Number of small nodes (10 to 100,000). */
  nodes: number
  /** Nearest peers each node links to. */
  links: number
  /** Mean number of long links per node (to a random node anywhere). */
  longLinks: number
  /** Number of services people use. */
  services: number
  /** Nodes each service runs on: the least used (with scaleCopies), or every one. */
  replicas: number
  /** More copies the more a service is used (demand.ts), so a small node never carries a billion people. */
  scaleCopies: boolean
  /** Replicas of one service are kept at least this far apart where possible, km. */
  replicaSeparationKm: number
  /** Re-create replicas lost with failed nodes on working ones. */
  selfHealing: boolean
  /**
   * What a hop through a small node adds to a round trip, ms: it routes and re-encrypts in software on an ordinary
   * connection. An assumption (no published figure); the methodology shows the latency under 1 to 20 ms.
   */
  hopMs: number
}

export const P2P_DEFAULTS: P2PParams = {
  nodes: 3000,
  links: 4,
  longLinks: 0.5,
  services: 100,
  replicas: 3,
  scaleCopies: true,
  replicaSeparationKm: 500,
  selfHealing: true,
  hopMs: 5,
}
