import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world.ts'
import { Simulation } from './engine.ts'
import { buildNetwork } from './index.ts'
import { greatCircleKm } from './geo.ts'
import { FOCUS_KM, MAX_PATH_NODES } from './traffic.ts'

const world = loadWorld()

function pathOf(sim: Simulation, f: number): number[] {
  const t = sim.traffic!
  return Array.from(t.path.subarray(f * MAX_PATH_NODES, f * MAX_PATH_NODES + t.length[f]!))
}

function hostsOf(sim: Simulation, f: number): number[] {
  const s = sim.net.services!
  const service = s.latencySample[sim.traffic!.sample[f]!]!
  return Array.from(sim.host.subarray(service * s.replicas, (service + 1) * s.replicas))
}

describe('traffic flows', () => {
  it('follow a chain of links from a person’s access node to a replica of the service', () => {
    const net = buildNetwork(world, { kind: 'p2p', nodes: 1500 }, 2)
    const sim = new Simulation(net, { kind: 'none' }, 2, { trafficFlows: 40 })
    const t = sim.traffic!
    expect(t.count).toBe(40)
    for (let f = 0; f < t.count; f++) {
      const path = pathOf(sim, f)
      expect(path.length).toBeGreaterThan(0)
      expect(path[0]).toBe(sim.metrics.chosenNode[t.cluster[f]!])
      expect(hostsOf(sim, f)).toContain(path[path.length - 1])
      for (let i = 1; i < path.length; i++) {
        const [a, b] = [path[i - 1]!, path[i]!]
        const neighbours = Array.from(net.graph.adj.subarray(net.graph.off[a], net.graph.off[a + 1]))
        expect(neighbours).toContain(b)
      }
    }
  })

  it('reroute around a failed node in the distributed network', () => {
    const net = buildNetwork(world, { kind: 'p2p', nodes: 1500 }, 2)
    const sim = new Simulation(net, { kind: 'none' }, 2, { trafficFlows: 40 })
    const f = Array.from({ length: 40 }, (_, i) => i).find((i) => pathOf(sim, i).length >= 4)!
    const middle = pathOf(sim, f)[1]!
    sim.failNode(middle)
    const before = sim.traffic!.version
    sim.refresh()
    expect(sim.traffic!.version).toBeGreaterThan(before)
    const after = pathOf(sim, f)
    expect(after.length).toBeGreaterThan(0)
    expect(after).not.toContain(middle)
  })

  it('stop when the only region hosting the service is down', () => {
    const net = buildNetwork(world, { kind: 'centralized' }, 1)
    const sim = new Simulation(net, { kind: 'site', node: 0 }, 1, { trafficFlows: 64 })
    const homedInAshburn = Array.from({ length: 64 }, (_, f) => f).filter((f) => hostsOf(sim, f)[0] === 0)
    expect(homedInAshburn.length).toBeGreaterThan(0)
    for (const f of homedInAshburn) expect(pathOf(sim, f).length).toBeGreaterThan(0)
    sim.step()
    for (const f of homedInAshburn) expect(pathOf(sim, f)).toEqual([])
  })

  it('start near a failure that has one place, for the same people on every network', () => {
    const disaster = { kind: 'region', lat: 39.04, lon: -77.49, radiusKm: 500 } as const
    const clusters: number[][] = []
    for (const kind of ['centralized', 'decentralized', 'p2p'] as const) {
      const net = buildNetwork(world, { kind }, 1)
      const t = new Simulation(net, disaster, 1, { trafficFlows: 96 }).traffic!
      const users = net.users!
      const near = (f: number) =>
        greatCircleKm(disaster.lat, disaster.lon, users.lat[t.cluster[f]!]!, users.lon[t.cluster[f]!]!) <= FOCUS_KM
      // Every third flow starts within FOCUS_KM of the disaster; the others where the world's people are (of
      // whom few live there).
      const focused = Array.from({ length: 96 }, (_, f) => f).filter((f) => f % 3 === 2)
      for (const f of focused) expect(near(f), `flow ${f}`).toBe(true)
      expect(Array.from({ length: 96 }, (_, f) => f).filter((f) => f % 3 !== 2 && near(f)).length).toBeLessThan(16)
      clusters.push(Array.from(t.cluster))
      // Without a place (a random failure), the flows are those of the healthy network.
      const random = new Simulation(net, { kind: 'random', fraction: 0.1 }, 1, { trafficFlows: 96 }).traffic!
      const healthy = new Simulation(net, { kind: 'none' }, 1, { trafficFlows: 96 }).traffic!
      expect(Array.from(random.cluster)).toEqual(Array.from(healthy.cluster))
    }
    expect(clusters[1]).toEqual(clusters[0])
    expect(clusters[2]).toEqual(clusters[0])
  })

  it('on the grid, some of those near a disaster take a new route around it (few did when drawn worldwide)', () => {
    const net = buildNetwork(world, { kind: 'p2p' }, 1)
    const sim = new Simulation(net, { kind: 'region', lat: 39.04, lon: -77.49, radiusKm: 500 }, 1, {
      trafficFlows: 96,
    })
    const before = Array.from({ length: 96 }, (_, f) => pathOf(sim, f).join())
    sim.step()
    const after = Array.from({ length: 96 }, (_, f) => pathOf(sim, f))
    const rerouted = after.filter((p, f) => p.length > 0 && p.join() !== before[f]).length
    expect(rerouted).toBeGreaterThanOrEqual(4)
  })
})
