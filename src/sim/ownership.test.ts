import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world.ts'
import { buildNetwork } from './index.ts'
import type { Planes } from './network.ts'
import { toCsr } from './network.ts'
import { ownership } from './ownership.ts'

/** A hand-made network: which operator runs each node, and each service's hosts. */
function net(operator: number[], hosts: number[][], planeFor: number[] = []) {
  const replicas = Math.max(...hosts.map((h) => h.length))
  const host = new Int32Array(hosts.length * replicas).fill(-1)
  hosts.forEach((h, i) => host.set(h, i * replicas))
  const svc = toCsr(hosts.map((_, i) => (planeFor.includes(i) ? [0] : [])))
  const node = toCsr(operator.map(() => []))
  const planes: Planes | null =
    planeFor.length === 0
      ? null
      : {
          count: 1,
          kind: ['names'],
          name: ['names'],
          site: Int32Array.of(-1),
          nodeOff: node.off,
          nodeDeps: node.deps,
          serviceOff: svc.off,
          serviceDeps: svc.deps,
          bound: new Uint8Array(hosts.length),
          healDeps: new Int32Array(0),
        }
  return {
    operator: Uint32Array.from(operator),
    operatorCount: Math.max(...operator) + 1,
    services: { count: hosts.length, replicas, host, latencySample: new Int32Array(0) },
    planes,
  }
}

describe('who owns and who controls', () => {
  it('one operator holds everything and can stop everything', () => {
    expect(ownership(net([0, 0, 0], [[0], [1], [2], [0]]))).toEqual({
      operators: 1,
      holdHalf: 1,
      stopHalf: 1,
      stopHalfHosts: 1,
    })
  })

  it('counts by hand on four operators with two copies each', () => {
    // Nodes 0..3 run by operators 0..3; services on (0,1), (0,2), (1,3), (2,3).
    const n = net(
      [0, 1, 2, 3],
      [
        [0, 1],
        [0, 2],
        [1, 3],
        [2, 3],
      ],
    )
    // Operator 0 alone holds a copy of 2 of the 4 services: half. Stopping half needs both copies of two
    // services: no two operators share two services, so two stop one at most; {0, 1, 2} stops (0,1), (0,2).
    expect(ownership(n)).toEqual({ operators: 4, holdHalf: 1, stopHalf: 3, stopHalfHosts: 3 })
  })

  it('a shared plane that half the services need puts their fate in one party’s hands', () => {
    const n = net(
      [0, 1, 2, 3],
      [
        [0, 1],
        [2, 3],
        [0, 2],
        [1, 3],
      ],
      [0, 1],
    )
    expect(ownership(n)!.stopHalf).toBe(1)
    // Through the hosts alone: {0, 1, 2} stops (0,1) and (0,2), half; no two operators stop two services.
    expect(ownership(n)!.stopHalfHosts).toBe(3)
    expect(ownership({ ...n, planes: null })!.stopHalf).toBe(3)
  })

  it('on the built networks: the clouds are one operator; the grid needs many to hold half the data', () => {
    const world = loadWorld()
    const cloud = buildNetwork(world, { kind: 'decentralized' }, 1)
    expect(ownership(cloud)).toMatchObject({ operators: 1, holdHalf: 1, stopHalf: 1 })
    const grid = buildNetwork(world, { kind: 'p2p', nodes: 1000 }, 1)
    const g = ownership(grid)!
    expect(g.operators).toBeGreaterThan(100)
    expect(g.holdHalf).toBeGreaterThan(5)
    // Its shared name service, which half the services need, is one party: the honest figure is 1; through its
    // hosts alone it takes many.
    expect(g.stopHalf).toBe(1)
    expect(g.stopHalfHosts).toBeGreaterThan(10)
  })
})
