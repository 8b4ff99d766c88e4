/**
 * The built-in story's captions against the model: each step's network, scenario and seed run through the
 * simulation as the page runs them (seed 1, the default networks, no repairs), and every quantitative claim its
 * caption makes is checked, right after the failure and at the end of the step's time on screen. A caption that
 * says more than the model shows fails here.
 */

import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import { Simulation } from '../sim/engine'
import { greatCircleKm } from '../sim/geo'
import { buildNetwork } from '../sim/index'
import { NodeClass, type Network } from '../sim/network'
import { toScenarioSpec } from '../sim/params'
import { findPlane } from '../sim/network'
import { resolveScenario, scenarioOptions } from '../sim/scenarios'
import { NETWORK_KINDS } from '../store/store'
import { DIVERSE_MIN_KM } from '../sim/networks/cloud'
import { failureRow } from '../ui/methodology/facts'
import { INCIDENT_FACTS } from '../sim/incidents/facts'
import { BUILTIN_STORY } from './builtin'
import type { StoryStep } from './schema'

const world = loadWorld()
const SEED = 1
/** The page's speed before a step sets one, simulated minutes per second (the store's default). */
const DEFAULT_SPEED = 2
/** Past this, a step without churn or repairs has long settled (self-healing acts after 15 minutes). */
const MAX_MINUTES = 120

const nets = new Map<string, Network>()
function net(kind: StoryStep['network']): Network {
  let n = nets.get(kind)
  if (!n) nets.set(kind, (n = buildNetwork(world, { kind: kind as 'centralized' | 'decentralized' | 'p2p' }, SEED)))
  return n
}

function step(title: string): { step: StoryStep; index: number; minutes: number } {
  const index = BUILTIN_STORY.steps.findIndex((s) => s.title === title)
  expect(index, `a step titled "${title}"`).toBeGreaterThanOrEqual(0)
  // The speed a step runs at is the last one set by it or a step before it.
  let speed = DEFAULT_SPEED
  for (const s of BUILTIN_STORY.steps.slice(0, index + 1)) speed = s.speed ?? speed
  const found = BUILTIN_STORY.steps[index]!
  return { step: found, index, minutes: (found.seconds ?? 10) * speed }
}

/**
 * The step's scenario on a network, as the page runs it, at two moments: just after the failure starts (t = 2
 * min) and at the end of the step's time (at most MAX_MINUTES, churn excepted). `check` gets the simulation.
 */
function atBothMoments(
  s: StoryStep,
  kind: StoryStep['network'],
  minutes: number,
  check: (sim: Simulation, moment: string) => void,
): void {
  const n = net(kind)
  const spec = toScenarioSpec(s.scenario ?? { kind: 'none' })
  const sim = new Simulation(n, resolveScenario(n, spec), SEED, scenarioOptions(spec))
  const end = spec.kind === 'churn' ? minutes : Math.min(minutes, MAX_MINUTES)
  while (sim.t < 2) sim.step()
  check(sim, `${kind} at t = ${sim.t} min`)
  while (sim.t < end) sim.step()
  check(sim, `${kind} at t = ${sim.t} min`)
}

/** Population of the clusters that match, and how many of them reach each share of the services. */
function people(sim: Simulation, where: (c: number) => boolean) {
  const users = sim.net.users!
  let pop = 0
  let cutOff = 0
  let served = 0
  let full = 0
  for (let c = 0; c < users.count; c++) {
    if (!where(c)) continue
    const p = users.pop[c]!
    const share = sim.metrics.clusterService[c]!
    pop += p
    served += p * share
    if (share === 0) cutOff += p
    if (share === 1) full += p
  }
  return { pop, cutOff, served: pop > 0 ? served / pop : 0, full }
}

function kmFrom(n: Network, c: number, lat: number, lon: number): number {
  return greatCircleKm(n.users!.lat[c]!, n.users!.lon[c]!, lat, lon)
}

/** Region nodes by their metro's name. */
function region(n: Network, name: string): number {
  const v = [...n.labels].find(([, label]) => label === name)?.[0]
  expect(v, name).toBeDefined()
  return v!
}

function serviceHosts(n: Network, s: number): number[] {
  const { host, replicas } = n.services!
  return Array.from(host.subarray(s * replicas, (s + 1) * replicas)).filter((h) => h >= 0)
}

/** The Caribbean, roughly: Cuba, Hispaniola, Jamaica, Puerto Rico and the smaller islands. */
function inCaribbean(n: Network, c: number): boolean {
  const lat = n.users!.lat[c]!
  const lon = n.users!.lon[c]!
  return lat > 10 && lat < 27 && lon > -86 && lon < -59
}

describe('the built-in story says what the model shows', () => {
  it('every step is checked below, in this order', () => {
    expect(BUILTIN_STORY.steps.map((s) => s.title)).toEqual([
      'The internet today',
      'One place carries a lot',
      'October 2025, replayed',
      'Copies in other regions',
      'One push, everywhere',
      'The same push, peer to peer',
      'A regional disaster',
      'Copies far apart',
      'The same disaster, peer to peer',
      'What it costs',
      'Side by side',
    ])
  })

  it('the internet today: every service runs in one of a handful of cloud regions', () => {
    const { step: s } = step('The internet today')
    expect(s.caption).toMatch(/a handful of giant data-centre regions/)
    const n = net(s.network)
    const hosts = new Set<number>()
    for (let i = 0; i < n.services!.count; i++) for (const h of serviceHosts(n, i)) hosts.add(h)
    for (const h of hosts) expect(n.nodeClass[h]).toBe(NodeClass.region)
    expect(hosts.size).toBeLessThanOrEqual(16)
    // "Each arc is a route from where people are to one of those few places": people enter at points of
    // presence, and every point of presence links to regions (besides its neighbouring points of presence).
    for (let v = 0; v < n.graph.n; v++) {
      if (n.nodeClass[v] !== NodeClass.pop) continue
      const to = Array.from(n.graph.adj.subarray(n.graph.off[v], n.graph.off[v + 1]))
      expect(to.some((u) => n.nodeClass[u] === NodeClass.region)).toBe(true)
      for (const u of to) expect([NodeClass.region, NodeClass.pop]).toContain(n.nodeClass[u])
    }
  })

  it('one place carries a lot: Northern Virginia hosts more services than any other region', () => {
    const { step: s } = step('One place carries a lot')
    expect(s.caption).toMatch(/^Northern Virginia hosts more services than any other region/)
    const n = net(s.network)
    const count = new Map<number, number>()
    for (let i = 0; i < n.services!.count; i++) {
      const h = serviceHosts(n, i)[0]!
      count.set(h, (count.get(h) ?? 0) + 1)
    }
    const ranked = [...count].sort((a, b) => b[1] - a[1])
    expect(n.labels.get(ranked[0]![0])).toBe('Northern Virginia')
    expect(ranked[0]![1]).toBeGreaterThan(ranked[1]![1])
  })

  it('October 2025, replayed: the region stays up, but what needs its endpoints stops answering, for people everywhere', () => {
    const { step: s, minutes } = step('October 2025, replayed')
    expect(s.scenario).toEqual({ kind: 'incident', id: 'aws-2025-10-20' })
    expect(s.caption).toMatch(/^On 20 October 2025 an empty DNS record in this region/)
    expect(s.caption).toMatch(/about 14 hours/)
    expect(s.caption).toMatch(
      /the region stays up, but what needs its endpoints stops answering, for people everywhere/,
    )
    expect(INCIDENT_FACTS.find((i) => i.id === 'aws-2025-10-20')!.durationMin / 60).toBeCloseTo(14.5, 0)
    atBothMoments(s, s.network, minutes, (sim, moment) => {
      const n = sim.net
      const nv = region(n, 'Northern Virginia')
      expect(sim.nodeUp[nv], moment).toBe(1)
      expect(sim.planeUp[findPlane(n.planes, 'regional', nv)], moment).toBe(0)
      expect(sim.current.failedNodes, moment).toBe(0)
      // Everyone online loses something, the far side of the world as much as anyone.
      const online = people(sim, (c) => sim.metrics.clusterService[c]! > 0)
      expect(online.full, moment).toBe(0)
      const far = people(sim, (c) => kmFrom(n, c, 39.04, -77.49) > 8000)
      expect(far.pop, moment).toBeGreaterThan(0.3 * n.users!.totalPop)
      expect(far.served, moment).toBeLessThan(0.95)
      expect(sim.current.serviceAvailability!, moment).toBeLessThan(0.95)
    })
  })

  it('copies in other regions: the outage is ridden out, but every copy is one company’s, on its worldwide systems', () => {
    const { step: s, minutes } = step('Copies in other regions')
    expect(s.caption).toMatch(/two or three regions rides out that outage/)
    expect(s.caption).toMatch(/every copy belongs to one company, and leans on its worldwide systems/)
    expect(s.scenario).toEqual(step('October 2025, replayed').step.scenario)
    const n = net(s.network)
    atBothMoments(s, s.network, minutes, (sim, moment) => {
      expect(sim.planeUp[findPlane(n.planes, 'regional', region(n, 'Northern Virginia'))], moment).toBe(0)
      expect(sim.current.serviceAvailability, moment).toBe(1)
      expect(sim.current.usersOnline, moment).toBe(1)
    })
    expect(n.services!.replicas).toBeGreaterThanOrEqual(2)
    expect(n.services!.replicas).toBeLessThanOrEqual(3)
    expect(n.operatorCount).toBe(1)
    // Its worldwide systems: one DNS, one control plane and one edge for every region, which services need.
    const { planes } = n
    for (const kind of ['dns', 'control', 'edge'] as const) expect(findPlane(planes, kind)).toBeGreaterThanOrEqual(0)
    let needing = 0
    for (let i = 0; i < n.services!.count; i++) if (planes!.serviceOff[i + 1]! > planes!.serviceOff[i]!) needing++
    expect(needing).toBeGreaterThan(n.services!.count / 2)
  })

  it('one push, everywhere: every region up, and what sits behind the edge stops answering despite its copies', () => {
    const { step: s, minutes } = step('One push, everywhere')
    expect(s.scenario).toEqual({ kind: 'incident', id: 'cloudflare-2025-11-18' })
    expect(s.caption).toMatch(/^On 18 November 2025 one oversized file, pushed to every Cloudflare machine/)
    expect(s.caption).toMatch(/about three hours/)
    expect(s.caption).toMatch(/copies in other regions do not help when the failure is everywhere at once/)
    const hours = INCIDENT_FACTS.find((i) => i.id === 'cloudflare-2025-11-18')!.durationMin / 60
    expect(hours).toBeGreaterThan(2.5)
    expect(hours).toBeLessThan(3.5)
    atBothMoments(s, s.network, minutes, (sim, moment) => {
      expect(sim.current.failedNodes, moment).toBe(0)
      expect(sim.current.serviceAvailability!, moment).toBeLessThan(0.9)
      // Services behind the edge are down although every one of their copies runs.
      const { serviceOff, serviceDeps } = sim.net.planes!
      const edge = findPlane(sim.net.planes, 'edge')
      let behind = 0
      for (let i = 0; i < sim.net.services!.count; i++) {
        if (!serviceDeps.subarray(serviceOff[i]!, serviceOff[i + 1]!).includes(edge)) continue
        behind++
        expect(serviceHosts(sim.net, i).length, moment).toBeGreaterThanOrEqual(2)
      }
      expect(behind, moment).toBeGreaterThan(0)
    })
  })

  it('the same push, peer to peer: one operator’s few dozen machines go down, and every service keeps answering', () => {
    const { step: s, minutes } = step('The same push, peer to peer')
    expect(s.scenario).toEqual(step('One push, everywhere').step.scenario)
    expect(s.caption).toMatch(
      /reaches the machines of one operator, a few dozen of thousands, and every service keeps answering/,
    )
    atBothMoments(s, s.network, minutes, (sim, moment) => {
      const down = sim.current.failedNodes
      expect(down, moment).toBeGreaterThanOrEqual(20)
      expect(down, moment).toBeLessThan(100)
      const ops = new Set<number>()
      for (let v = 0; v < sim.net.graph.n; v++) if (!sim.nodeUp[v]) ops.add(sim.net.operator[v]!)
      expect(ops.size, moment).toBe(1)
      expect(sim.current.serviceAvailability, moment).toBe(1)
    })
  })

  it('a regional disaster: Northern Virginia and Ohio go down, and what lived only there is gone far away too', () => {
    const { step: s, minutes } = step('A regional disaster')
    expect(s.caption).toMatch(/left 8\.5 million homes and businesses on the US East Coast without power in 2012/)
    expect(s.caption).toMatch(/takes the Northern Virginia and Ohio regions down/)
    expect(s.caption).toMatch(/What lived only there is gone for people everywhere, far from the storm too/)
    expect(s.network).toBe('centralized')
    const area = s.scenario as { kind: 'region'; lat: number; lon: number; radiusKm: number }
    expect(area.kind).toBe('region')
    atBothMoments(s, s.network, minutes, (sim, moment) => {
      const n = sim.net
      const down = [region(n, 'Northern Virginia'), region(n, 'Ohio')]
      for (const v of down) expect(sim.nodeUp[v], moment).toBe(0)
      for (const [v] of n.labels) if (!down.includes(v)) expect(sim.nodeUp[v], moment).toBe(1)
      // Only there: every service homed in those two regions has no copy elsewhere.
      for (let i = 0; i < n.services!.count; i++) expect(serviceHosts(n, i)).toHaveLength(1)
      // Far from the storm (beyond 3,000 km), people lose the services that lived there.
      const far = people(sim, (c) => kmFrom(n, c, area.lat, area.lon) > 3000)
      expect(far.pop, moment).toBeGreaterThan(0.8 * n.users!.totalPop)
      expect(far.served, moment).toBeLessThan(0.7)
      expect(far.cutOff, moment).toBe(0)
    })
  })

  it('copies far apart: the storm costs only the people inside it on the multi-region cloud', () => {
    const { step: s, minutes } = step('Copies far apart')
    expect(s.caption).toMatch(/regions far apart/)
    expect(s.caption).toMatch(/the storm costs only the people inside it: copies elsewhere serve everyone else/)
    expect(s.caption).toMatch(/Copies away from the storm are what make the difference/)
    expect(s.network).toBe('decentralized')
    expect(s.scenario).toEqual(step('A regional disaster').step.scenario)
    const area = s.scenario as { kind: 'region'; lat: number; lon: number; radiusKm: number }
    const n = net(s.network)
    // Far apart: every service's copies at least DIVERSE_MIN_KM from each other.
    for (let i = 0; i < n.services!.count; i++) {
      const h = serviceHosts(n, i)
      expect(h.length).toBeGreaterThanOrEqual(2)
      for (let a = 0; a < h.length; a++)
        for (let b = a + 1; b < h.length; b++)
          expect(greatCircleKm(n.lat[h[a]!]!, n.lon[h[a]!]!, n.lat[h[b]!]!, n.lon[h[b]!]!)).toBeGreaterThanOrEqual(
            DIVERSE_MIN_KM,
          )
    }
    atBothMoments(s, s.network, minutes, (sim, moment) => {
      const inside = people(sim, (c) => kmFrom(sim.net, c, area.lat, area.lon) <= area.radiusKm)
      expect(inside.cutOff, moment).toBe(inside.pop)
      const rest = people(sim, (c) => kmFrom(sim.net, c, area.lat, area.lon) > area.radiusKm)
      expect(rest.full, moment).toBe(rest.pop)
    })
    // Two copies each, placed in the regions nearest their home instead: services are lost outside the storm too.
    const near = buildNetwork(world, { kind: 'decentralized', placement: 'nearest', replicas: 2 }, SEED)
    const sim = new Simulation(near, resolveScenario(near, toScenarioSpec(s.scenario!)), SEED)
    sim.run(3)
    const rest = people(sim, (c) => kmFrom(near, c, area.lat, area.lon) > area.radiusKm)
    expect(rest.full).toBeLessThan(rest.pop)
  })

  it('the same disaster, peer to peer: those inside lose their connection in every design, everyone else keeps every service', () => {
    const { step: s, minutes } = step('The same disaster, peer to peer')
    expect(s.caption).toMatch(/^The grid does this by design: every service copied to places far apart/)
    expect(s.caption).toMatch(/on thousands of small computers run by independent people/)
    expect(s.caption).toMatch(/inside the storm lose their connection in every design/)
    expect(s.caption).toMatch(/everyone else keeps every service\.$/)
    const area = s.scenario as { kind: 'region'; lat: number; lon: number; radiusKm: number }
    const n = net(s.network)
    expect(n.graph.n).toBeGreaterThanOrEqual(1000)
    for (const c of n.nodeClass) expect(c).toBe(NodeClass.peer)
    // Independent: over a thousand operators, none running more than 2% of the nodes.
    expect(n.operatorCount).toBeGreaterThan(1000)
    const perOperator = new Map<number, number>()
    for (const o of n.operator) perOperator.set(o, (perOperator.get(o) ?? 0) + 1)
    expect(Math.max(...perOperator.values())).toBeLessThanOrEqual(0.02 * n.graph.n)
    // Far apart: every service's copies at least 500 km from each other, and spread over thousands of km.
    const closest: number[] = []
    const widest: number[] = []
    for (let i = 0; i < n.services!.count; i++) {
      const h = serviceHosts(n, i)
      let min = Infinity
      let max = 0
      for (let a = 0; a < h.length; a++)
        for (let b = a + 1; b < h.length; b++) {
          const km = greatCircleKm(n.lat[h[a]!]!, n.lon[h[a]!]!, n.lat[h[b]!]!, n.lon[h[b]!]!)
          min = Math.min(min, km)
          max = Math.max(max, km)
        }
      closest.push(min)
      widest.push(max)
    }
    expect(Math.min(...closest)).toBeGreaterThanOrEqual(500)
    expect(Math.min(...widest)).toBeGreaterThan(3000)

    for (const kind of NETWORK_KINDS.filter((k) => k !== 'imported')) {
      atBothMoments(s, kind, minutes, (sim, moment) => {
        const inside = people(sim, (c) => kmFrom(sim.net, c, area.lat, area.lon) <= area.radiusKm)
        expect(inside.pop, moment).toBeGreaterThan(0)
        expect(inside.cutOff, moment).toBe(inside.pop)
        if (kind !== 'p2p') return
        const outside = (c: number) => kmFrom(sim.net, c, area.lat, area.lon) > area.radiusKm
        const rest = people(sim, outside)
        expect(rest.full, moment).toBe(rest.pop)
        const caribbean = people(sim, (c) => outside(c) && inCaribbean(sim.net, c))
        expect(caribbean.pop, moment).toBeGreaterThan(10e6)
        expect(caribbean.full, moment).toBe(caribbean.pop)
      })
    }
  })

  it('what it costs: small computers fail every two months or so for half a day, and the grid routes around them', () => {
    const { step: s, minutes } = step('What it costs')
    expect(s.caption).toMatch(/far more often than a data centre: each about every two months, for half a day/)
    expect(s.caption).toMatch(/every service keeps answering, and the detours add about a millisecond/)
    const peer = failureRow(NodeClass.peer)
    const cloud = failureRow(NodeClass.region)
    expect(peer.perYear).toBeGreaterThanOrEqual(3 * cloud.perYear)
    const daysBetween = 365 / peer.perYear
    expect(daysBetween).toBeGreaterThan(1.5 * 30)
    expect(daysBetween).toBeLessThan(2.5 * 30)
    expect(peer.mttrHours).toBe(12)

    // The whole step, minute by minute: nodes fail and come back all along; every service answers throughout.
    const n = net(s.network)
    const healthy = new Simulation(n, { kind: 'none' }, SEED).current.latencyP50Ms!
    // Latency every 10 minutes (the rest every minute): the median moves slowly, and 720 of them would take long.
    const sim = new Simulation(n, resolveScenario(n, toScenarioSpec(s.scenario!)), SEED, { latencyEvery: 10 })
    expect(minutes).toBeGreaterThanOrEqual(600)
    let extraMs = 0
    let failures = 0
    let samples = 0
    for (let t = 0; t < minutes; t++) {
      const before = sim.current.failedNodes
      const m = sim.step()
      if (m.failedNodes > before) failures++
      expect(m.serviceAvailability, `t = ${m.t}`).toBe(1)
      expect(m.failedNodes, `t = ${m.t}`).toBeGreaterThan(0)
      extraMs += m.latencyP50Ms! - healthy
      samples++
    }
    expect(failures).toBeGreaterThan(0)
    // About a millisecond more at the median, on average over the step.
    expect(extraMs / samples).toBeGreaterThan(0.2)
    expect(extraMs / samples).toBeLessThan(2)
  }, 120_000)

  it('side by side: the same failure as the two steps before, the cloud on the left and the grid on the right', () => {
    const { step: s } = step('Side by side')
    expect(s.caption).toMatch(
      /The same failure, at the same place, from the same start\. Left: the cloud\. Right: the peer-to-peer grid\./,
    )
    expect(s.compare).toEqual({ left: 'centralized', right: 'p2p' })
    expect(s.scenario).toEqual(step('A regional disaster').step.scenario)
    expect(s.scenario).toEqual(step('The same disaster, peer to peer').step.scenario)
  })
})
