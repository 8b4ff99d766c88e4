/** The failures the simulation can set off; every one applies to every network and is reproducible from the seed. */

import type { CascadeTrigger } from './cascade.ts'
import type { SimOptions } from './engine.ts'
import { incidentById, replayScenario } from './incidents/replay.ts'
import { nearestNode } from './nearest.ts'
import type { Network } from './network.ts'
import { NodeClass } from './network.ts'

export type Scenario =
  /** Nothing fails (only background churn, when on). */
  | { kind: 'none' }
  /** One site or node goes down. */
  | { kind: 'site'; node: number }
  /** Everything inside a spherical cap goes down: a regional disaster. */
  | { kind: 'region'; lat: number; lon: number; radiusKm: number }
  /** A random fraction of the nodes fails at once. */
  | { kind: 'random'; fraction: number }
  /** A random fraction of the links is cut. */
  | { kind: 'links'; fraction: number }
  /** An attacker takes out the given fraction of nodes, best connected (or most loaded) first. */
  | { kind: 'attack'; fraction: number; by: 'degree' | 'load' }
  /** One trigger, then overload failures round after round (Motter–Lai), one round per step. */
  | { kind: 'cascade'; alpha: number; trigger: CascadeTrigger }
  /** A failure that spreads along links (SIR): each newly failed node passes it to each neighbour with probability T. */
  | { kind: 'spread'; transmissibility: number; source: number | null }
  /**
   * A bad configuration or software push through every node of one operator: it travels down the operator's
   * rollout tree (fan-out 4), each machine taking the bad push with probability T. 'all': one release on every node.
   */
  | { kind: 'push'; transmissibility: number; operator: number | 'largest' | 'all' }
  /** Small nodes fail and come back at their realistic rates (and cloud sites at theirs), nothing else. */
  | { kind: 'churn' }
  /**
   * A recorded outage as it applies to one network (see incidents/replay.ts): shared planes that go down, nodes
   * and links that go down, a random share of all nodes that takes a bad release, and areas where every node goes
   * down (a fire, a strike; the people there too when `people`, as in a power cut), all at the start; everything
   * is repaired after the options' repair time.
   */
  | {
      kind: 'outage'
      planes: number[]
      nodes: number[]
      links: number[]
      fleetShare: number
      areas: (Area & { people: boolean })[]
    }

/** A spherical cap on the globe: degrees and kilometres. */
export interface Area {
  lat: number
  lon: number
  radiusKm: number
}

/** The failures people pick from a list; an outage is built from a recorded incident instead. */
export type ScenarioKind = Exclude<Scenario['kind'], 'outage'>

export const SCENARIO_KINDS: readonly ScenarioKind[] = [
  'none',
  'site',
  'region',
  'random',
  'links',
  'attack',
  'cascade',
  'spread',
  'push',
  'churn',
]

/** One line each, for menus, help and captions. */
export const SCENARIO_DESCRIPTIONS: Record<ScenarioKind, string> = {
  none: 'Nothing fails: the network as it runs on a normal day.',
  site: 'One site goes dark: a cloud region, a point of presence or a single node.',
  region: 'A regional disaster: everything within a radius of a place goes down (power, flood, war).',
  random: 'A share of all nodes fails at random, all at once.',
  links: 'A share of all links is cut at random (cables, routes).',
  attack: 'A targeted attack: the best connected (or busiest) nodes are taken out first.',
  cascade: 'An overload cascade: one node fails, its traffic moves to others, and overloaded nodes fail in turn.',
  spread: 'A failure that spreads from node to node along links, like a worm or a bad route.',
  push: 'A bad configuration or software push through every machine of one operator.',
  churn: 'Everyday churn: small nodes fail and come back at their measured rates, cloud sites at theirs.',
}

export { nearestNode }

/**
 * The site a "site" failure takes down when none is named: the cloud region hosting the most services, or in a
 * network without regions the node the most people use.
 */
export function largestSite(net: Network): number {
  const counts = new Float64Array(net.graph.n)
  if (net.services) {
    for (const h of net.services.host) if (h >= 0) counts[h]! += 1
  }
  if (net.users && net.nodeClass.every((c) => c !== NodeClass.region)) {
    const { k, access, pop } = net.users
    for (let c = 0; c < net.users.count; c++) {
      const a = access[c * k]!
      if (a >= 0) counts[a]! += pop[c]!
    }
  }
  let best = 0
  for (let v = 1; v < counts.length; v++) if (counts[v]! > counts[best]!) best = v
  return best
}

/** A place on the globe, degrees. */
export interface Place {
  lat: number
  lon: number
}

/**
 * A scenario as people pick it, by place rather than by node number, so the same failure at the same place can
 * hit every network: a site failure takes down the node nearest the place (or the largest site), a spreading
 * failure starts at the node nearest the place (or a random one).
 */
export type ScenarioSpec =
  | Exclude<Scenario, { kind: 'site' } | { kind: 'spread' } | { kind: 'outage' }>
  | { kind: 'site'; at: Place | 'largest' }
  | { kind: 'spread'; transmissibility: number; at: Place | null }
  /** A recorded outage (incidents/data.ts), replayed on each network by its translation (incidents/replay.ts). */
  | { kind: 'incident'; id: string }

/** The scenario as it applies to one network. */
export function resolveScenario(net: Network, spec: ScenarioSpec): Scenario {
  switch (spec.kind) {
    case 'site':
      return {
        kind: 'site',
        node: spec.at === 'largest' ? largestSite(net) : nearestNode(net, spec.at.lat, spec.at.lon),
      }
    case 'spread':
      return {
        kind: 'spread',
        transmissibility: spec.transmissibility,
        source: spec.at && net.hasGeo ? nearestNode(net, spec.at.lat, spec.at.lon) : null,
      }
    case 'incident': {
      const inc = incidentById(spec.id)
      return inc ? replayScenario(net, inc).scenario : { kind: 'none' }
    }
    default:
      return spec
  }
}

/** Options a scenario brings with it: a recorded outage is repaired after its reported duration. */
export function scenarioOptions(spec: ScenarioSpec): Partial<SimOptions> {
  if (spec.kind !== 'incident') return {}
  const inc = incidentById(spec.id)
  return inc ? { repairAfterMin: inc.durationMin } : {}
}

/** Where a scenario happens on a network, for the camera and the shock ring; null when it has no one place. */
export function scenarioPlace(net: Network, scenario: Scenario): Place | null {
  if (!net.hasGeo) return null
  const at = (v: number): Place | null => (v >= 0 && v < net.graph.n ? { lat: net.lat[v]!, lon: net.lon[v]! } : null)
  switch (scenario.kind) {
    case 'site':
      return at(scenario.node)
    case 'region':
      return { lat: scenario.lat, lon: scenario.lon }
    case 'spread':
      return scenario.source === null ? null : at(scenario.source)
    case 'outage': {
      // Where it hit: its first area, or the region whose endpoints failed; a global outage has no one place.
      const a = scenario.areas[0]
      if (a) return { lat: a.lat, lon: a.lon }
      for (const p of scenario.planes) {
        const site = net.planes?.site[p] ?? -1
        if (site >= 0) return at(site)
      }
      return null
    }
    default:
      return null
  }
}
