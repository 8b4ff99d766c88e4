/**
 * The shared planes each network's services depend on, besides the nodes that host them. Assumptions, stated, and
 * the same on both sides where the two have the same thing:
 * - names: NAMED_SHARE of the services have their names in the network's own name service (the cloud provider's
 *   DNS; the grid's web-gateway names); the rest are named elsewhere (their owners' own DNS) or, on the grid,
 *   reached over the overlay by key;
 * - cloud APIs: API_SHARE of a cloud's services call the provider's managed APIs (storage, databases, queues,
 *   identity) on every request: they need the provider's identity and API control, its DNS (to find the
 *   endpoints), and, for each copy, the endpoints of the region the copy runs in. The rest run on their own
 *   machines and keep answering while the provider's APIs are down;
 * - edge: EDGE_SHARE of a cloud's services are fronted by the provider's edge proxy or CDN;
 * - the grid's chain, where deployments are recorded: placing a new copy (self-healing) needs it; copies already
 *   running answer without it.
 * Planes fail only when a scenario fails them (a recorded incident): a region's disaster takes its nodes down,
 * not the provider's global planes.
 */

import type { Planes, PlaneKind, Services } from '../network.ts'
import { toCsr } from '../network.ts'

/**
 * Share of a cloud's services behind its edge proxy or CDN: about the share of websites Cloudflare alone fronts
 * (about 20%, W3Techs, as in ../shared/reference/science.md §5). An assumption for the whole of a provider's edge.
 */
export const EDGE_SHARE = 0.2

/**
 * Share of the services named in the network's own name service: an assumption (neither side publishes it), the
 * same for both, and high on purpose so that the grid's own shared dependency shows: a failure of its name
 * service hits half of what it hosts.
 */
export const NAMED_SHARE = 0.5

/** Share of a cloud's services that call the provider's managed APIs on every request: an assumption. */
export const API_SHARE = 0.5

/** The steps of the choices below: irrationals independent over the rationals (the golden ratio, √2, √3). */
export const CHOICE = { named: 0.6180339887498949, api: Math.SQRT2 - 1, edge: Math.sqrt(3) - 1 } as const

/**
 * Whether service s is among a share of all services: a low-discrepancy choice (steps of an irrational), so about
 * `share` of any range of services is chosen, the same ones whatever the seed; choices with different steps
 * overlap as independent ones would (Weyl).
 */
export function chosen(s: number, share: number, step: number): boolean {
  return ((s + 0.5) * step) % 1 < share
}

function build(
  kinds: { kind: PlaneKind; name: string; site?: number }[],
  nodes: number,
  nodeLists: number[][],
  serviceLists: number[][],
  heal: number[],
  bound: Uint8Array,
): Planes {
  const node = toCsr(nodeLists.length === nodes ? nodeLists : Array.from({ length: nodes }, () => []))
  const service = toCsr(serviceLists)
  return {
    count: kinds.length,
    kind: kinds.map((k) => k.kind),
    name: kinds.map((k) => k.name),
    site: Int32Array.from(kinds, (k) => k.site ?? -1),
    nodeOff: node.off,
    nodeDeps: node.deps,
    serviceOff: service.off,
    serviceDeps: service.deps,
    bound,
    healDeps: Int32Array.from(heal),
  }
}

/** One provider's planes: its DNS, control and edge (global), and each region's own endpoints. */
export function cloudPlanes(nodes: number, regionNames: readonly string[], services: Services): Planes {
  const kinds: { kind: PlaneKind; name: string; site?: number }[] = [
    { kind: 'dns', name: "the provider's DNS" },
    { kind: 'control', name: "the provider's identity and API control" },
    { kind: 'edge', name: "the provider's edge proxy and CDN" },
  ]
  const nodeLists: number[][] = Array.from({ length: nodes }, () => [])
  regionNames.forEach((name, r) => {
    nodeLists[r]!.push(kinds.length)
    kinds.push({ kind: 'regional', name: `${name}'s regional endpoints`, site: r })
  })
  const serviceLists: number[][] = Array.from({ length: services.count }, () => [])
  const bound = new Uint8Array(services.count)
  for (let s = 0; s < services.count; s++) {
    const api = chosen(s, API_SHARE, CHOICE.api)
    if (api || chosen(s, NAMED_SHARE, CHOICE.named)) serviceLists[s]!.push(0)
    if (api) serviceLists[s]!.push(1)
    if (chosen(s, EDGE_SHARE, CHOICE.edge)) serviceLists[s]!.push(2)
    bound[s] = api ? 1 : 0
  }
  return build(kinds, nodes, nodeLists, serviceLists, [], bound)
}

/** The grid's planes: the shared gateway names some services are published under, and the chain healing needs. */
export function gridPlanes(nodes: number, services: Services): Planes {
  const kinds: { kind: PlaneKind; name: string }[] = [
    { kind: 'names', name: "the grid's gateway name service" },
    { kind: 'chain', name: "the grid's chain" },
  ]
  const serviceLists = Array.from({ length: services.count }, (_, s) =>
    chosen(s, NAMED_SHARE, CHOICE.named) ? [0] : [],
  )
  return build(kinds, nodes, [], serviceLists, [1], new Uint8Array(services.count))
}
