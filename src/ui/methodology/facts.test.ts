import { describe, expect, it } from 'vitest'
import { loadWorld } from '../../cli/load-world'
import { buildNetwork } from '../../sim/index'
import { NodeClass } from '../../sim/network'
import { allDownShare, failureRow, failureRows, networkFacts } from './facts'

describe('failure figures', () => {
  it('turn the failure models into failures a year and time down', () => {
    const region = failureRow(NodeClass.region)
    expect(region.perYear).toBeCloseTo(1, 2)
    expect(region.mttrHours).toBe(6)
    expect(region.downShare).toBeCloseTo(6 / 8766, 6)
    const pop = failureRow(NodeClass.pop)
    expect(pop.perYear).toBeCloseTo(2, 2)
    const peer = failureRow(NodeClass.peer)
    // Weibull(0.61, 43 days): a mean uptime of about 63 days, about five and a half failures a year, each 12 hours.
    expect(peer.meanUpDays).toBeCloseTo(63.3, 0)
    expect(peer.perYear).toBeGreaterThan(5.5)
    expect(peer.perYear).toBeLessThan(5.9)
    // Small nodes are down far more of the time than a cloud region: the cost of the distributed design.
    expect(peer.downShare / region.downShare).toBeGreaterThan(5)
    expect(failureRows().map((r) => r.name)).toEqual(['cloud region', 'point of presence', 'small node'])
  })

  it('says how rarely every copy is down at once, if failures were independent', () => {
    expect(allDownShare(0.01, 3)).toBeCloseTo(1e-6, 12)
    expect(allDownShare(0.01, 1)).toBe(0.01)
  })
})

describe('network facts', () => {
  it('read the sizes off the built networks', () => {
    const world = loadWorld()
    const cloud = networkFacts(buildNetwork(world, { kind: 'centralized' }, 1))
    expect(cloud).toMatchObject({ nodes: 136, services: 100, replicas: 1, operators: 1, largestOperator: 136 })
    expect(cloud.byClass).toEqual({ [NodeClass.region]: 16, [NodeClass.pop]: 120 })
    const grid = networkFacts(buildNetwork(world, { kind: 'p2p' }, 1))
    // The least used service on a few nodes, the most used on many (demand.ts).
    expect(grid).toMatchObject({ nodes: 3000, services: 100, selfHealing: true })
    expect(grid.replicas).toBeGreaterThanOrEqual(3)
    expect(grid.maxCopies).toBeGreaterThan(100)
    expect(grid.operators).toBeGreaterThan(1000)
    expect(grid.largestOperator).toBeLessThanOrEqual(50)
    expect(grid.people).toBeGreaterThan(1e9)
  })
})
