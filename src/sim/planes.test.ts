import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world.ts'
import { Simulation } from './engine.ts'
import { buildNetwork } from './index.ts'
import type { Network } from './network.ts'
import { findPlane } from './network.ts'
import { NAMED_SHARE } from './networks/planes.ts'

const world = loadWorld()
const cent = buildNetwork(world, { kind: 'centralized' }, 1)
const dec = buildNetwork(world, { kind: 'decentralized' }, 1)
const grid = buildNetwork(world, { kind: 'p2p', nodes: 800 }, 1)

/** The share of services that need plane p, wherever their copies run. */
function needing(net: Network, p: number): number {
  const { serviceOff, serviceDeps } = net.planes!
  let k = 0
  for (let s = 0; s < net.services!.count; s++)
    if (serviceDeps.subarray(serviceOff[s]!, serviceOff[s + 1]!).includes(p)) k++
  return k / net.services!.count
}

/** Availability after failing planes, as a share of the availability before. */
function kept(net: Network, planes: number[]): { share: number; failedNodes: number } {
  const sim = new Simulation(net, { kind: 'none' }, 1)
  const before = sim.current.serviceAvailability!
  for (const p of planes) expect(sim.failPlane(p)).toBe(true)
  const m = sim.refresh()
  return { share: m.serviceAvailability! / before, failedNodes: m.failedNodes }
}

describe('shared planes', () => {
  it('a global plane takes down what needs it while every host is up, and copies in other regions do not help', () => {
    for (const net of [cent, dec]) {
      const control = findPlane(net.planes, 'control')
      const share = needing(net, control)
      expect(share).toBeGreaterThan(0.3)
      expect(share).toBeLessThan(0.7)
      const { share: left, failedNodes } = kept(net, [control])
      expect(failedNodes).toBe(0)
      expect(left).toBeCloseTo(1 - share, 6)
    }
  })

  it("a region's own endpoints take down only the copies there of what calls them", () => {
    const ashburn = findPlane(cent.planes, 'regional', 0)
    expect(cent.planes!.name[ashburn]).toMatch(/Northern Virginia/)
    // Centralized: the bound services homed in Northern Virginia stop; multi-region: their other copies answer.
    const { host, count } = cent.services!
    let lost = 0
    for (let s = 0; s < count; s++) if (host[s] === 0 && cent.planes!.bound[s]) lost++
    expect(lost).toBeGreaterThan(0)
    expect(kept(cent, [ashburn]).share).toBeCloseTo(1 - lost / count, 6)
    expect(kept(dec, [findPlane(dec.planes, 'regional', 0)]).share).toBeCloseTo(1, 9)
  })

  it("the grid's name service takes down the services published under it, and only those", () => {
    const names = findPlane(grid.planes, 'names')
    const share = needing(grid, names)
    expect(share).toBeCloseTo(NAMED_SHARE, 1)
    expect(kept(grid, [names]).share).toBeCloseTo(1 - share, 6)
  })

  it("without the grid's chain no lost copy is replaced; once it is back, healing resumes", () => {
    const chain = findPlane(grid.planes, 'chain')
    // No data to send (copyGb 0): the copy lands as soon as it may start.
    const sim = new Simulation(grid, { kind: 'none' }, 1, { healAfterMin: 5, copyGb: 0 })
    const h = sim.host[0]!
    sim.failPlane(chain)
    // The chain alone takes nothing down: copies already running answer.
    expect(sim.refresh().serviceAvailability).toBe(new Simulation(grid).current.serviceAvailability)
    sim.failNode(h)
    sim.run(12)
    expect(sim.host[0]).toBe(h)
    sim.repairPlane(chain)
    sim.step()
    expect(sim.host[0]).not.toBe(h)
    expect(sim.nodeUp[sim.host[0]!]).toBe(1)
  })

  it('a plane stays down, and the run unsettled, until its repair time', () => {
    const dns = findPlane(cent.planes, 'dns')
    const healthy = new Simulation(cent).current.serviceAvailability!
    const sim = new Simulation(
      cent,
      { kind: 'outage', planes: [dns], nodes: [], links: [], fleetShare: 0, areas: [] },
      1,
      { repairAfterMin: 10 },
    )
    const series = sim.run(8)
    expect(sim.planeUp[dns]).toBe(0)
    expect(sim.isSettled()).toBe(false)
    expect(series[7]!.serviceAvailability!).toBeLessThan(healthy)
    expect(series[7]!.failedNodes).toBe(0)
    sim.run(10)
    expect(sim.planeUp[dns]).toBe(1)
    expect(sim.current.serviceAvailability).toBeCloseTo(healthy, 12)
    expect(sim.isSettled()).toBe(true)
  })

  it('a network without planes measures as before', () => {
    const sim = new Simulation({ ...cent, planes: null }, { kind: 'site', node: 0 }, 1)
    const withPlanes = new Simulation(cent, { kind: 'site', node: 0 }, 1)
    expect(sim.run(5)).toEqual(withPlanes.run(5))
    expect(sim.serving).toBeNull()
  })
})
