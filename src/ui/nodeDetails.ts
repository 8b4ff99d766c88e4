/**
 * What the details card says about one node: what it is, where, whether it works, how loaded it is and who
 * depends on it. Plain functions over the network, its latest snapshot and the world, unit-tested; NodeInfo.tsx
 * shows the result. Everything is counted when the card needs it (a few thousand clusters, a hundred flows),
 * never per frame.
 */

import { MAX_PATH_NODES } from '../sim/traffic'
import { NODE_CLASS_NAMES, type Network, type NodeClass } from '../sim/network'
import { centralAngle } from '../sim/geo'
import type { World } from '../sim/world'
import type { SimSnapshot } from '../worker/protocol'

export interface NodeDetails {
  /** "cloud region", "point of presence", "small node"… */
  className: string
  /** A cloud region's metro; else the country of the nearest place people live ("near Germany"). */
  place: string
  lat: number
  lon: number
  up: boolean
  links: number
  linksUp: number
  /** Of the traffic flows drawn on the globe, how many pass through it, and how many there are. */
  flows: number
  flowsTotal: number
  /** People whose access node it is right now. */
  people: number
  /** Services with a copy on it, and how many services there are. */
  services: number
  servicesTotal: number
}

export function nodeDetails(net: Network, view: SimSnapshot, world: World | null, node: number): NodeDetails {
  const cls = net.nodeClass[node]! as NodeClass
  const lat = net.lat[node]!
  const lon = net.lon[node]!
  const g = net.graph
  const up = view.nodeUp[node] === 1
  let links = 0
  let linksUp = 0
  for (let i = g.off[node]!; i < g.off[node + 1]!; i++) {
    links++
    // A link works when it and both its ends do (as links.ts draws it).
    if (up && view.linkUp[g.adjLink[i]!] === 1 && view.nodeUp[g.adj[i]!] === 1) linksUp++
  }
  let flows = 0
  const t = view.traffic
  if (t) {
    for (let f = 0; f < t.count; f++) {
      const base = f * MAX_PATH_NODES
      for (let k = 0; k < t.length[f]!; k++) {
        if (t.path[base + k] === node) {
          flows++
          break
        }
      }
    }
  }
  let people = 0
  const users = net.users
  if (users) for (let c = 0; c < users.count; c++) if (view.chosenNode[c] === node) people += users.pop[c]!
  let services = 0
  const s = net.services
  if (s) {
    for (let k = 0; k < s.count; k++) {
      for (let r = 0; r < s.replicas; r++) {
        if (s.host[k * s.replicas + r] === node) {
          services++
          break
        }
      }
    }
  }
  return {
    className: NODE_CLASS_NAMES[cls] ?? 'node',
    place: placeName(net, world, node),
    lat,
    lon,
    up,
    links,
    linksUp,
    flows,
    flowsTotal: t?.count ?? 0,
    people,
    services,
    servicesTotal: s?.count ?? 0,
  }
}

/** A cloud region's metro (its label); else "near" the country of the nearest population cluster. */
export function placeName(net: Network, world: World | null, node: number): string {
  const label = net.labels.get(node)
  if (label) return label
  const lat = net.lat[node]!
  const lon = net.lon[node]!
  if (!world || !Number.isFinite(lat) || !Number.isFinite(lon)) return net.ids?.[node] ?? `node ${node}`
  const { clusters, countries } = world
  let best = -1
  let bestAngle = Infinity
  for (let c = 0; c < clusters.count; c++) {
    const a = centralAngle(lat, lon, clusters.lat[c]!, clusters.lon[c]!)
    if (a < bestAngle) {
      bestAngle = a
      best = c
    }
  }
  const country = best >= 0 ? countries[clusters.country[best]!] : undefined
  return country ? `near ${country.name}` : 'far from anyone'
}

/** 39.04° N, 77.49° W */
export function formatLatLon(lat: number, lon: number): string {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return 'no known place'
  const ns = lat >= 0 ? 'N' : 'S'
  const ew = lon >= 0 ? 'E' : 'W'
  return `${Math.abs(lat).toFixed(2)}° ${ns}, ${Math.abs(lon).toFixed(2)}° ${ew}`
}

/** 8.1 million, 48,000, 950 */
export function formatPeople(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(n >= 1e10 ? 0 : 1)} billion`
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)} million`
  if (n >= 1e4) return `${(Math.round(n / 1000) * 1000).toLocaleString('en')}`
  return Math.round(n).toLocaleString('en')
}

/** Capitalises the first letter: "cloud region" → "Cloud region". */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
