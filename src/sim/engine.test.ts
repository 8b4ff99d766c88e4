import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world.ts'
import { Cause, Simulation } from './engine.ts'
import { abstractNetwork, erdosRenyi } from './generators.ts'
import { greatCircleKm } from './geo.ts'
import { buildNetwork } from './index.ts'
import { NodeClass } from './network.ts'
import { createRng } from './rng.ts'
import { importNetwork } from './networks/imported.ts'
import { largestSite, nearestNode } from './scenarios.ts'

const world = loadWorld()
const central = buildNetwork(world, { kind: 'centralized' }, 1)
const multi = buildNetwork(world, { kind: 'decentralized' }, 1)
const p2p = buildNetwork(world, { kind: 'p2p', nodes: 3000 }, 1)
const ashburn = { lat: 39.04, lon: -77.49 }

/** Share of services with a replica in a node. */
function shareHostedBy(net: typeof central, node: number): number {
  const s = net.services!
  let count = 0
  for (let i = 0; i < s.count; i++) if (s.host.subarray(i * s.replicas, (i + 1) * s.replicas).includes(node)) count++
  return count / s.count
}

describe('a healthy network', () => {
  it('serves everyone at t = 0, at a plausible latency', () => {
    for (const net of [central, multi, p2p]) {
      const m = new Simulation(net).current
      expect(m.t).toBe(0)
      expect(m.usersOnline).toBe(1)
      expect(m.serviceAvailability).toBeCloseTo(1, 12)
      expect(m.survivability).toBe(1)
      expect(m.latencyP50Ms!).toBeGreaterThan(20)
      expect(m.latencyP95Ms!).toBeGreaterThan(m.latencyP50Ms!)
      expect(m.latencyP95Ms!).toBeLessThan(600)
      expect(m.failedNodes).toBe(0)
      expect(m.userHoursLost).toBe(0)
    }
  })

  it('records one entry per step, the failure starting at the first step', () => {
    const series = new Simulation(central, { kind: 'site', node: 0 }).run(5)
    expect(series.map((s) => s.t)).toEqual([0, 1, 2, 3, 4])
    expect(series[0]!.failedNodes).toBe(0)
    expect(series[1]!.failedNodes).toBe(1)
  })
})

describe('one site going down', () => {
  it('takes the services homed in the largest region away from everyone in the centralized cloud', () => {
    const site = largestSite(central)
    expect(central.labels.get(site)).toBe('Northern Virginia')
    const m = new Simulation(central, { kind: 'site', node: site }).run(2)[1]!
    expect(m.serviceAvailability).toBeCloseTo(1 - shareHostedBy(central, site), 9)
    expect(m.usersOnline).toBe(1) // everyone still reaches the other regions' services
  })

  it('is absorbed by failover in the multi-region cloud', () => {
    const m = new Simulation(multi, { kind: 'site', node: 0 }).run(2)[1]!
    expect(m.serviceAvailability).toBeCloseTo(1, 9)
    expect(m.latencyP50Ms!).toBeGreaterThanOrEqual(new Simulation(multi).current.latencyP50Ms! - 1e-9)
  })

  it('costs the distributed network almost nothing', () => {
    const site = largestSite(p2p)
    const m = new Simulation(p2p, { kind: 'site', node: site }).run(2)[1]!
    expect(m.failedNodes).toBe(1)
    expect(m.serviceAvailability).toBeCloseTo(1, 9)
  })
})

describe('a regional disaster', () => {
  const scenario = { kind: 'region', ...ashburn, radiusKm: 300 } as const
  const results = [central, multi, p2p].map((net) => new Simulation(net, scenario).run(3)[2]!)

  it('cuts off the people inside it in every network alike', () => {
    const inside = world.clusters.pop.reduce(
      (sum, pop, c) =>
        sum +
        (greatCircleKm(ashburn.lat, ashburn.lon, world.clusters.lat[c]!, world.clusters.lon[c]!) <= 300 ? pop : 0),
      0,
    )
    const share = inside / world.clusters.totalPop
    expect(share).toBeGreaterThan(0.001)
    for (const r of results) expect(r.usersOnline).toBeCloseTo(1 - share, 9)
  })

  it('hurts the centralized cloud most, the distributed network least', () => {
    const [c, d, p] = results.map((r) => r.serviceAvailability!)
    expect(c!).toBeLessThan(0.75)
    expect(d!).toBeGreaterThan(c! + 0.2)
    expect(p!).toBeGreaterThanOrEqual(d! - 1e-9)
  })

  it('fails every node inside the area and none outside', () => {
    const sim = new Simulation(p2p, scenario)
    sim.run(2)
    for (let v = 0; v < p2p.graph.n; v++) {
      const inside = greatCircleKm(ashburn.lat, ashburn.lon, p2p.lat[v]!, p2p.lon[v]!) <= 300
      expect(sim.nodeUp[v]).toBe(inside ? 0 : 1)
    }
  })
})

describe('repairs and self-healing', () => {
  it('brings failed nodes and the people around them back after the repair time', () => {
    const sim = new Simulation(central, { kind: 'region', ...ashburn, radiusKm: 300 }, 1, { repairAfterMin: 10 })
    const series = sim.run(13)
    expect(series[5]!.serviceAvailability).toBeLessThan(0.8)
    expect(series[11]!.failedNodes).toBe(0)
    expect(series[11]!.serviceAvailability).toBeCloseTo(1, 9)
    expect(series[11]!.usersOnline).toBe(1)
  })

  it('counts the person-hours lost from the first step with a failure', () => {
    const series = new Simulation(central, { kind: 'site', node: largestSite(central) }).run(4)
    const lostShare = 1 - series[1]!.serviceAvailability!
    expect(lostShare).toBeGreaterThan(0.2)
    expect(series[0]!.userHoursLost).toBe(0)
    // The first failed step already carries its minute: that share of everyone's services, for 1/60 of an hour.
    expect(series[1]!.userHoursLost!).toBeCloseTo((lostShare * world.clusters.totalPop) / 60, 0)
    expect(series[3]!.userHoursLost!).toBeCloseTo((3 * lostShare * world.clusters.totalPop) / 60, 0)
  })

  it('counts the person-hours lost while services were down', () => {
    const sim = new Simulation(central, { kind: 'site', node: 0 }, 1, { repairAfterMin: 60 })
    const series = sim.run(70)
    const lostShare = 1 - series[1]!.serviceAvailability!
    // Down from minute 1 to minute 61: one hour of lostShare of everyone's services.
    expect(series[69]!.userHoursLost!).toBeCloseTo(lostShare * world.clusters.totalPop, 0)
    expect(series[69]!.serviceAvailability).toBeCloseTo(1, 9)
    // Cumulative: it never goes down.
    for (let i = 1; i < series.length; i++)
      expect(series[i]!.userHoursLost!).toBeGreaterThanOrEqual(series[i - 1]!.userHoursLost!)
  })

  it('re-creates replicas lost with failed nodes, so a second failure does not take the service', () => {
    // Two copies of every service (not scaled with demand), to lose one and then the other.
    const healing = buildNetwork(world, { kind: 'p2p', nodes: 1000, replicas: 2, scaleCopies: false }, 3)
    const fixed = buildNetwork(
      world,
      { kind: 'p2p', nodes: 1000, replicas: 2, scaleCopies: false, selfHealing: false },
      3,
    )
    const outcome = (net: typeof healing) => {
      // No data to send (copyGb 0): the copy lands as soon as it starts; the copy's time is tested below.
      const sim = new Simulation(net, { kind: 'none' }, 3, { healAfterMin: 5, copyGb: 0 })
      const [a, b] = [sim.host[0]!, sim.host[1]!]
      sim.failNode(a)
      for (let i = 0; i < 10; i++) sim.step()
      const moved = sim.host[0] !== a
      sim.failNode(b)
      sim.step()
      const reachable = sim.metrics.clusterService.reduce((x, y) => x + y, 0)
      return { moved, availability: sim.current.serviceAvailability!, reachable }
    }
    const h = outcome(healing)
    const f = outcome(fixed)
    expect(h.moved).toBe(true)
    expect(f.moved).toBe(false)
    // Without healing service 0 is gone for everyone: 1 of 100 services lost.
    expect(f.availability).toBeLessThan(h.availability)
    expect(h.availability).toBeGreaterThan(0.995)
  })

  it('marks the node that takes a re-created replica, at the minute it takes it (the scene rings it)', () => {
    const net = buildNetwork(world, { kind: 'p2p', nodes: 1000, replicas: 2, scaleCopies: false }, 3)
    const sim = new Simulation(net, { kind: 'none' }, 3, { healAfterMin: 5 })
    const lost = sim.host[0]!
    sim.failNode(lost)
    let healedAt = -1
    for (let i = 0; i < 40 && healedAt < 0; i++) {
      sim.step()
      if (sim.host[0] !== lost) healedAt = sim.t
    }
    // Lost after 5 minutes; then 10 GB at 100 Mbit/s, 13⅓ minutes: in place at the first step after.
    expect(healedAt).toBe(5 + 14)
    expect(sim.milestones).toContainEqual({ t: healedAt, kind: 'healed', by: 'grid', count: 1 })
    const target = sim.host[0]!
    expect(sim.nodeHealedAt[target]).toBe(healedAt)
    // Nobody else took a copy (one replica was lost).
    expect([...sim.nodeHealedAt].filter((t) => t === healedAt)).toHaveLength(1)
  })

  it('sends a copy in the time its data takes over the sending node’s upstream, shared by the copies it sends', () => {
    const net = buildNetwork(world, { kind: 'p2p', nodes: 1000, replicas: 2, scaleCopies: false }, 3)
    const landed = (copyGb: number, copyMbps: number, lose: number[]) => {
      const sim = new Simulation(net, { kind: 'none' }, 3, { healAfterMin: 1, copyGb, copyMbps })
      const before = lose.map((s) => sim.host[s * 2]!)
      for (const s of lose) sim.failNode(sim.host[s * 2]!)
      const at: number[] = lose.map(() => -1)
      for (let i = 0; i < 300 && at.includes(-1); i++) {
        sim.step()
        lose.forEach((s, k) => {
          if (at[k]! < 0 && sim.host[s * 2] !== before[k]) at[k] = sim.t
        })
      }
      return at
    }
    // 10 GB at 100 Mbit/s: 800 s, 13⅓ min; at 50 Mbit/s twice that; noticed after 1 minute, landed at the next step.
    expect(landed(10, 100, [0])).toEqual([1 + 14])
    expect(landed(10, 50, [0])).toEqual([1 + 27])
    // Two services whose surviving copies sit on one node: its upstream is shared, the second copy takes twice as long.
    const R = 2
    const hosts = net.services!.host
    let pair: [number, number] | null = null
    for (let a = 0; a < net.services!.count && !pair; a++)
      for (let b = a + 1; b < net.services!.count && !pair; b++)
        if (hosts[a * R + 1] === hosts[b * R + 1] && hosts[a * R] !== hosts[b * R]) pair = [a, b]
    expect(pair, 'two services with their second copy on one node').not.toBeNull()
    const [first, second] = landed(10, 100, pair!)
    expect([first, second].sort((x, y) => x! - y!)).toEqual([1 + 14, 1 + 27])
  })

  it('cannot heal a service whose every replica is gone', () => {
    const net = buildNetwork(world, { kind: 'p2p', nodes: 500, replicas: 1, scaleCopies: false }, 2)
    const sim = new Simulation(net, { kind: 'none' }, 2, { healAfterMin: 1 })
    const host = sim.host[0]!
    sim.failNode(host)
    for (let i = 0; i < 5; i++) sim.step()
    expect(sim.host[0]).toBe(host)
    expect(sim.current.serviceAvailability).toBeLessThan(1)
  })
})

describe('failures that travel', () => {
  it('runs an overload cascade one round per step until nothing more is overloaded', () => {
    // A small grid: loads are exact, and exact loads cost n times a breadth-first search per round.
    const small = buildNetwork(world, { kind: 'p2p', nodes: 600 }, 1)
    const sim = new Simulation(small, { kind: 'cascade', alpha: 0.05, trigger: 'load' })
    const series = sim.run(40)
    expect(series[1]!.failedNodes).toBe(1)
    expect(sim.progress.started).toBe(true)
    expect(sim.progress.active).toBe(false)
    expect(sim.progress.round).toBeGreaterThan(0)
    const last = series[series.length - 1]!.failedNodes
    expect(last).toBeGreaterThan(1)
    for (let i = 2; i < series.length; i++)
      expect(series[i]!.failedNodes).toBeGreaterThanOrEqual(series[i - 1]!.failedNodes)
  })

  it('spreads along links: with T = 1 through the whole network, with T = 0 nowhere', () => {
    const g = erdosRenyi(500, 6, createRng(1, 'build'))
    const net = abstractNetwork(g)
    const all = new Simulation(net, { kind: 'spread', transmissibility: 1, source: 0 }).run(60)
    expect(all[all.length - 1]!.failedNodes).toBeGreaterThan(490)
    // Hop by hop: after one step only the source is down.
    expect(all[1]!.failedNodes).toBe(1)
    expect(all[2]!.failedNodes).toBeGreaterThan(1)
    const none = new Simulation(net, { kind: 'spread', transmissibility: 0, source: 0 }).run(10)
    expect(none[9]!.failedNodes).toBe(1)
  })

  it('pushes a bad configuration through every machine of the cloud provider', () => {
    const series = new Simulation(central, { kind: 'push', transmissibility: 1, operator: 'largest' }).run(8)
    expect(series[7]!.failedNodes).toBe(central.graph.n)
    expect(series[7]!.usersOnline).toBe(0)
  })

  it('only reaches one farmer’s nodes in the distributed network', () => {
    const sim = new Simulation(p2p, { kind: 'push', transmissibility: 1, operator: 'largest' })
    const series = sim.run(10)
    const farm = p2p.operator[Array.from(sim.nodeCause).findIndex((c) => c === Cause.push)]!
    const farmSize = Array.from(p2p.operator).filter((o) => o === farm).length
    expect(series[9]!.failedNodes).toBe(farmSize)
    expect(farmSize).toBeLessThan(60)
    expect(series[9]!.serviceAvailability).toBeGreaterThan(0.97)
  })

  it('can push one release to every node when they all run the same software', () => {
    const series = new Simulation(p2p, { kind: 'push', transmissibility: 1, operator: 'all' }).run(10)
    expect(series[9]!.failedNodes).toBe(p2p.graph.n)
  })
})

describe('churn', () => {
  it('keeps a small, steady share of small nodes down, far more than cloud sites', () => {
    const sim = new Simulation(p2p, { kind: 'churn' }, 1, { dtMin: 30 })
    const series = sim.run(49) // a day
    const down = series.map((s) => s.failedNodes / p2p.graph.n)
    const mean = down.reduce((a, b) => a + b, 0) / down.length
    // Mean uptime about 63 days, 12 h repairs: about 0.8% down at any time.
    expect(mean).toBeGreaterThan(0.004)
    expect(mean).toBeLessThan(0.014)
    for (const s of series) expect(s.serviceAvailability!).toBeGreaterThan(0.98)
    const cloud = new Simulation(central, { kind: 'churn' }, 1, { dtMin: 30 }).run(49)
    const cloudMean = cloud.reduce((a, s) => a + s.failedNodes / central.graph.n, 0) / cloud.length
    expect(cloudMean).toBeLessThan(mean)
  })
})

describe('attacks and random failures', () => {
  it('takes out the best-connected nodes first', () => {
    const sim = new Simulation(p2p, { kind: 'attack', fraction: 0.01, by: 'degree' })
    sim.run(2)
    const deg = (v: number) => p2p.graph.off[v + 1]! - p2p.graph.off[v]!
    let minDown = Infinity
    let maxUp = 0
    for (let v = 0; v < p2p.graph.n; v++) {
      if (sim.nodeUp[v]) maxUp = Math.max(maxUp, deg(v))
      else minDown = Math.min(minDown, deg(v))
    }
    expect(minDown).toBeGreaterThanOrEqual(maxUp)
    expect(sim.current.failedNodes).toBe(30)
  })

  it('cuts the asked share of links', () => {
    const m = new Simulation(p2p, { kind: 'links', fraction: 0.1 }).run(2)[1]!
    expect(m.failedLinks).toBe(Math.round(0.1 * p2p.graph.m))
    expect(m.failedNodes).toBe(0)
  })

  it('fails the asked share of nodes at random', () => {
    const m = new Simulation(p2p, { kind: 'random', fraction: 0.25 }).run(2)[1]!
    expect(m.failedNodes).toBe(750)
    expect(m.survivability).toBeLessThanOrEqual(0.75)
  })
})

describe('places', () => {
  it('finds the node nearest a place, of a class when asked', () => {
    expect(nearestNode(central, 39, -77.5, NodeClass.region)).toBe(0)
    const pop = nearestNode(central, 39, -77.5, NodeClass.pop)
    expect(central.nodeClass[pop]).toBe(NodeClass.pop)
  })
})

describe('settling', () => {
  it('is settled on a healthy network with no scenario, from t = 0 on', () => {
    const sim = new Simulation(central)
    expect(sim.isSettled()).toBe(true)
    sim.step()
    expect(sim.isSettled()).toBe(true)
  })

  it('is not settled while a failure without a repair lasts: an outage goes on until it is repaired', () => {
    const site = new Simulation(central, { kind: 'site', node: largestSite(central) })
    expect(site.isSettled()).toBe(false)
    for (let i = 0; i < 30; i++) {
      site.step()
      expect(site.isSettled()).toBe(false)
    }
    // Repaired by hand: everything is back.
    site.repairNode(largestSite(central))
    expect(site.isSettled()).toBe(true)
    for (const scenario of [
      { kind: 'attack', fraction: 0.05, by: 'degree' },
      { kind: 'links', fraction: 0.2 },
      { kind: 'push', transmissibility: 1, operator: 'largest' },
      { kind: 'cascade', alpha: 0.2, trigger: 'load' },
    ] as const) {
      const sim = new Simulation(central, scenario)
      for (let i = 0; i < 20; i++) sim.step()
      expect(sim.isSettled(), scenario.kind).toBe(false)
    }
  })

  it('is not settled while the people inside a disaster area are cut off, though no node is down', () => {
    // A disaster over the Azores: no node of the cloud there, a few people.
    const azores = { kind: 'region', lat: 38.7, lon: -27.2, radiusKm: 150 } as const
    const never = new Simulation(central, azores)
    for (let i = 0; i < 20; i++) never.step()
    expect(never.current.failedNodes).toBe(0)
    expect(never.isSettled()).toBe(false)
    const sim = new Simulation(central, azores, 1, { repairAfterMin: 5 })
    sim.step()
    expect(sim.current.failedNodes).toBe(0)
    expect(sim.clusterUp.includes(0)).toBe(true)
    expect(sim.isSettled()).toBe(false)
    for (let i = 0; i < 5; i++) sim.step()
    expect(sim.clusterUp.includes(0)).toBe(false)
    expect(sim.isSettled()).toBe(true)
  })

  it('is not settled while a link cut by hand is down', () => {
    const sim = new Simulation(central)
    sim.failLink(0)
    expect(sim.isSettled()).toBe(false)
    sim.repairLink(0)
    expect(sim.isSettled()).toBe(true)
  })

  it('is settled once repairs and self-healing are done, and never under churn', () => {
    const repair = new Simulation(central, { kind: 'site', node: 0 }, 1, { repairAfterMin: 5 })
    repair.step()
    expect(repair.isSettled()).toBe(false)
    for (let i = 0; i < 4; i++) repair.step()
    expect(repair.isSettled()).toBe(false)
    repair.step()
    expect(repair.current.failedNodes).toBe(0)
    expect(repair.isSettled()).toBe(true)
    // Healed replicas alone do not end an outage: the failed host is still down.
    const heal = new Simulation(p2p, { kind: 'site', node: p2p.services!.host[0]! })
    for (let i = 0; i < 30; i++) heal.step()
    expect(heal.isSettled()).toBe(false)
    const healed = new Simulation(p2p, { kind: 'site', node: p2p.services!.host[0]! }, 1, { repairAfterMin: 30 })
    for (let i = 0; i < 31; i++) healed.step()
    expect(healed.isSettled()).toBe(true)
    const churn = new Simulation(p2p, { kind: 'churn' })
    expect(churn.isSettled()).toBe(false)
    churn.step()
    expect(churn.isSettled()).toBe(false)
  })

  it('counts nodes an imported list gives as down from the start as the network as it is, not an outage', () => {
    const nodes = Array.from({ length: 40 }, (_, i) => ({
      nodeId: i + 1,
      farmId: 1 + (i % 4),
      country: 'Belgium',
      status: i % 5 === 0 ? 'down' : 'up',
      location: { latitude: 50 + (i % 8) * 0.3, longitude: 3 + Math.floor(i / 8) * 0.4 },
    }))
    const net = importNetwork(nodes, world, { services: 20, replicas: 3 })
    const sim = new Simulation(net)
    expect(sim.current.failedNodes).toBe(8)
    // Replicas placed on the down nodes wait for self-healing (15 minutes by default, then the copy's time), then
    // nothing is pending.
    expect(sim.isSettled()).toBe(false)
    for (let i = 0; i < 15; i++) sim.step()
    expect(sim.isSettled()).toBe(false)
    for (let i = 0; i < 120 && !sim.isSettled(); i++) sim.step()
    expect(sim.current.failedNodes).toBe(8)
    expect(sim.isSettled()).toBe(true)
  })
})
