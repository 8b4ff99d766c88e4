import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world.ts'
import { Simulation } from './engine.ts'
import { buildNetwork } from './index.ts'
import { MAX_PATH_NODES } from './traffic.ts'

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
})
