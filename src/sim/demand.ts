/**
 * Demand and capacity. Until this model had them, a copy of a service served unlimited demand: three home nodes
 * each served a billion people, and a failed region's load moved to the survivors at no cost.
 *
 * - Demand: services are not equally used. Their popularity follows a Zipf-like law, as requests to web content
 *   do (Breslau, Cao, Fan, Phillips, Shenker, "Web caching and Zipf-like distributions", INFOCOM 1999: exponents
 *   0.64 to 0.83; 0.8 here). Everyone uses every service, in those proportions.
 * - Copies scale with demand: a site carries a share of the load in proportion to its size, so a service needs
 *   more sites the more it is used. Every network follows one rule: copies = max(the minimum, its share of the
 *   demand × the network's sites × SITE_LOAD). A cloud region is one site large enough for any service (its
 *   services keep their 1 or 3 regions); on the default grid the most used service runs on 184 small nodes, the
 *   least used on 5.
 * - Capacity: every copy is provisioned for its share of its service's load plus HEADROOM, on every network alike:
 *   50%, what a service in three zones or regions needs to keep serving with one of them lost ("static
 *   stability", AWS Well-Architected Framework). When copies fail, their load moves to the survivors in the same
 *   connected group; beyond their headroom, everyone there gets a share of the service in proportion
 *   (degradation: capacity over demand, the equal-load-sharing model), rather than all of it.
 * - A small node hosts at most MAX_COPIES_PER_NODE copies (a home or office server's cores and upstream), at
 *   placement and when the grid heals; a region has no such limit.
 *
 * An abstraction the methodology says plainly: both designs get the capacity their load needs. The ThreeFold
 * Grid today is far smaller than a hyperscale cloud; the model compares the two shapes at the same capacity, not
 * today's grid against today's clouds.
 */

/** Zipf exponent of services' popularity (Breslau et al. 1999). */
export const POPULARITY_EXPONENT = 0.8
/** Spare capacity over its share of the load each copy is provisioned with (static stability: 3 sites, 1 lost). */
export const HEADROOM = 0.5
/** Copies per site of the network per unit of demand share: the share of its sites a network's copies use. */
export const SITE_LOAD = 0.5
/** The most copies one small node hosts. */
export const MAX_COPIES_PER_NODE = 4

/** Each service's share of all use, most used first; they sum to 1. */
export function serviceDemand(count: number, exponent = POPULARITY_EXPONENT): Float64Array {
  const d = new Float64Array(count)
  let sum = 0
  for (let s = 0; s < count; s++) sum += d[s] = 1 / Math.pow(s + 1, exponent)
  for (let s = 0; s < count; s++) d[s]! /= sum
  return d
}

/** How many copies each service gets on a network of `sites` sites: max(min, round(share × sites × SITE_LOAD)). */
export function copiesFor(demand: Float64Array, sites: number, min: number, max = Infinity): Int32Array {
  const out = new Int32Array(demand.length)
  for (let s = 0; s < demand.length; s++)
    out[s] = Math.max(1, Math.min(max, sites, Math.max(min, Math.round(demand[s]! * sites * SITE_LOAD))))
  return out
}

/**
 * The share of a service a connected group's people get: its working copies there carry (1 + HEADROOM) times
 * their share of the service's whole load; the load there is that of the people online in the group.
 * alive: the service's working copies in the group; copies: all it has; groupPop / totalPop: the people online
 * there over everyone.
 */
export function servedShare(alive: number, copies: number, groupPop: number, totalPop: number): number {
  if (alive <= 0 || copies <= 0) return 0
  if (groupPop <= 0) return 1
  return Math.min(1, ((1 + HEADROOM) * alive * totalPop) / (copies * groupPop))
}
