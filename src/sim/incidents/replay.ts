/**
 * A recorded outage, replayed on any network. The network it happened to (a cloud provider) gets the mechanism
 * that happened; the others get the same mechanism, translated, by fixed rules that look only at the incident's
 * facts (its layer, mechanism, places and duration), never at a result:
 *
 * | layer    | a cloud (one provider, both kinds)             | the peer-to-peer grid                              |
 * |----------|------------------------------------------------|----------------------------------------------------|
 * | dns, control, edge, global | the provider's plane of that kind | dns: its gateway name service; control: its chain (no new copies placed); edge: a bad push through every node of its largest operator |
 * | dns, control, edge, regional | the regional endpoints of the region nearest each place | the same mistake by the operator with the most nodes within 500 km |
 * | regional | the regional endpoints of the region nearest each place | network: every node within 50 km (a shared ISP); otherwise as above |
 * | backbone | every link of the provider's own network      | every node of its largest operator                  |
 * | machines | the same share of all nodes, at random          | the same share of all nodes, at random              |
 * | site     | every node within the places' reach             | every node within the places' reach                 |
 *
 * A network with no planes (an imported graph) is treated as the grid is, minus its planes. Everything comes back
 * after the incident's duration; the grid's self-healing may bring services back sooner.
 */

import type { SimOptions } from '../engine.ts'
import { greatCircleKm } from '../geo.ts'
import type { Network } from '../network.ts'
import { NodeClass, findPlane } from '../network.ts'
import type { Scenario } from '../scenarios.ts'
import { nearestNode } from '../nearest.ts'
import { INCIDENT_FACTS } from './facts.ts'
import type { IncidentFacts, IncidentPlace } from './types.ts'

/** Operators near a place, for the grid's counterpart of a regional mistake: within this many kilometres. */
export const OPERATOR_NEAR_KM = 500
/** The reach of a shared ISP: the grid's counterpart of a region's network failing. */
export const SHARED_ISP_KM = 50

export function incidentById(id: string): IncidentFacts | undefined {
  return INCIDENT_FACTS.find((i) => i.id === id)
}

export const INCIDENT_IDS: readonly string[] = INCIDENT_FACTS.map((i) => i.id)

/** Simulated minutes per second at which an outage plays in about half a minute (1 to 120, the clock's range). */
export function incidentSpeed(inc: IncidentFacts): number {
  return Math.min(120, Math.max(1, Math.round(inc.durationMin / 30)))
}

/** Where an incident happened (its first place), or null for a global one. */
export function incidentPlace(inc: IncidentFacts): { lat: number; lon: number } | null {
  return inc.scope === 'global' ? null : { lat: inc.scope[0]!.lat, lon: inc.scope[0]!.lon }
}

/** What a replay does to one network: the scenario, and one sentence saying what it is. */
export interface Replay {
  scenario: Extract<Scenario, { kind: 'outage' }>
  how: string
}

function largestOperator(net: Network): number {
  const count = new Uint32Array(Math.max(1, net.operatorCount))
  for (let v = 0; v < net.graph.n; v++) count[net.operator[v]!]!++
  let op = 0
  for (let o = 1; o < count.length; o++) if (count[o]! > count[op]!) op = o
  return op
}

/** The operator with the most nodes near a place (or that of the nearest node, when none is near). */
function operatorNear(net: Network, place: IncidentPlace): number {
  const count = new Map<number, number>()
  for (let v = 0; v < net.graph.n; v++) {
    if (greatCircleKm(place.lat, place.lon, net.lat[v]!, net.lon[v]!) > OPERATOR_NEAR_KM) continue
    const o = net.operator[v]!
    count.set(o, (count.get(o) ?? 0) + 1)
  }
  let best = -1
  let most = 0
  for (const [o, c] of count) if (c > most || (c === most && o < best)) [best, most] = [o, c]
  if (best >= 0) return best
  const v = nearestNode(net, place.lat, place.lon)
  return v >= 0 ? net.operator[v]! : -1
}

function nodesOf(net: Network, operator: number): number[] {
  const out: number[] = []
  for (let v = 0; v < net.graph.n; v++) if (net.operator[v] === operator) out.push(v)
  return out
}

function nodesWithin(net: Network, place: IncidentPlace, km: number): number[] {
  const out: number[] = []
  for (let v = 0; v < net.graph.n; v++)
    if (greatCircleKm(place.lat, place.lon, net.lat[v]!, net.lon[v]!) <= km) out.push(v)
  return out
}

const PLANE_OF = { dns: 'dns', control: 'control', edge: 'edge' } as const

/** The outage as it applies to this network. */
export function replayScenario(net: Network, inc: IncidentFacts): Replay {
  const scenario: Replay['scenario'] = { kind: 'outage', planes: [], nodes: [], links: [], fleetShare: 0, areas: [] }
  const places = inc.scope === 'global' ? [] : inc.scope
  const cloud = findPlane(net.planes, 'dns') >= 0
  const grid = findPlane(net.planes, 'names') >= 0
  const regionalPlanes = () => {
    const names: string[] = []
    for (const p of places) {
      const r = nearestNode(net, p.lat, p.lon, NodeClass.region)
      const plane = findPlane(net.planes, 'regional', r)
      if (plane >= 0 && !scenario.planes.includes(plane)) {
        scenario.planes.push(plane)
        names.push(net.planes!.name[plane]!)
      }
    }
    return names.join(' and ')
  }
  const byOperator = (op: number, what: string) => {
    if (op < 0) return 'nothing: no operator to make the mistake'
    scenario.nodes.push(...nodesOf(net, op))
    return `${what}: its ${scenario.nodes.length} nodes go down`
  }
  const nearOperators = (what: string) => {
    const ops = [...new Set(places.map((p) => operatorNear(net, p)))].filter((o) => o >= 0)
    for (const o of ops) scenario.nodes.push(...nodesOf(net, o))
    return ops.length === 0 ? 'nothing: no operator there' : `${what}: its ${scenario.nodes.length} nodes go down`
  }

  let how: string
  switch (inc.layer) {
    case 'dns':
    case 'control':
    case 'edge':
      if (cloud && inc.scope === 'global') {
        const p = findPlane(net.planes, PLANE_OF[inc.layer])
        scenario.planes.push(p)
        how = `${net.planes!.name[p]} fails everywhere: every copy of what needs it stops answering`
      } else if (cloud) {
        how = `${regionalPlanes()} fail: copies there of what calls the provider's APIs stop answering`
      } else if (inc.scope !== 'global') {
        how = nearOperators('the same mistake by a nearby operator')
      } else if (grid && inc.layer !== 'edge') {
        const p = findPlane(net.planes, inc.layer === 'dns' ? 'names' : 'chain')
        scenario.planes.push(p)
        how =
          inc.layer === 'dns'
            ? `${net.planes!.name[p]} fails; services published under it stop answering, the rest do not`
            : `${net.planes!.name[p]} stops; running copies answer, but no lost copy is replaced until it is back`
      } else {
        how = byOperator(largestOperator(net), 'a bad push through its largest operator')
      }
      break
    case 'regional':
      if (cloud) how = `${regionalPlanes()} fail: copies there of what calls the provider's APIs stop answering`
      else if (inc.mechanism === 'network') {
        for (const p of places) scenario.nodes.push(...nodesWithin(net, p, Math.max(p.radiusKm, SHARED_ISP_KM)))
        how = `the network there fails: every node within ${SHARED_ISP_KM} km (${scenario.nodes.length}) goes down`
      } else how = nearOperators('the same mistake by a nearby operator')
      break
    case 'backbone':
      if (cloud) {
        for (let e = 0; e < net.graph.m; e++) scenario.links.push(e)
        how = "the provider's own network fails: every link goes down"
      } else how = byOperator(largestOperator(net), 'its largest operator’s network fails')
      break
    case 'machines':
      scenario.fleetShare = inc.fleetShare ?? 0
      how = `a bad release reaches ${(scenario.fleetShare * 100).toFixed(1)}% of all nodes, at random`
      break
    case 'site': {
      const people = inc.mechanism === 'power'
      for (const p of places) scenario.areas.push({ lat: p.lat, lon: p.lon, radiusKm: p.radiusKm, people })
      let hit = 0
      for (const p of places) hit += nodesWithin(net, p, p.radiusKm).length
      how = `every node within ${places.map((p) => `${p.radiusKm} km of ${p.name}`).join(' and ')} goes down (${hit})`
      break
    }
  }
  return { scenario, how }
}

/**
 * How long to simulate and in what steps: from a minute before the start to half the duration again after the
 * repair (at least an hour), in at most `maxSteps` steps of whole minutes.
 */
export function replayOptions(inc: IncidentFacts, maxSteps = 240): { options: Partial<SimOptions>; steps: number } {
  const span = inc.durationMin + Math.max(60, inc.durationMin / 2)
  const dtMin = Math.max(1, Math.ceil(span / maxSteps))
  return {
    options: { dtMin, startMin: dtMin, repairAfterMin: inc.durationMin, latencyEvery: 1 },
    steps: Math.ceil(span / dtMin) + 2,
  }
}
