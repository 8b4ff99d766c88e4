import { MAX_COPIES_PER_NODE } from './demand.ts'
import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world.ts'
import { largestComponent } from './components.ts'
import { greatCircleKm } from './geo.ts'
import { buildNetwork } from './index.ts'
import { NodeClass } from './network.ts'
import { METROS } from './regions.ts'

const world = loadWorld()

describe('the centralized network', () => {
  const net = buildNetwork(world, { kind: 'centralized' }, 1)
  const services = net.services!

  it('has hyperscale regions at real metros and points of presence where people live', () => {
    const regions = Array.from(net.nodeClass).filter((c) => c === NodeClass.region).length
    expect(regions).toBeGreaterThanOrEqual(10)
    expect(net.labels.get(0)).toBe('Northern Virginia')
    expect(net.lat[0]).toBeCloseTo(METROS[0]!.lat, 6)
    expect(Array.from(net.nodeClass).filter((c) => c === NodeClass.pop).length).toBe(120)
  })

  it('homes every service in exactly one region, the largest hosting the most', () => {
    expect(services.replicas).toBe(1)
    const perRegion = new Map<number, number>()
    for (const h of services.host) {
      expect(net.nodeClass[h]).toBe(NodeClass.region)
      perRegion.set(h, (perRegion.get(h) ?? 0) + 1)
    }
    const counts = [...perRegion.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c)
    expect(counts[0]).toBe(Math.max(...counts))
    expect(counts[0]! / services.count).toBeGreaterThan(0.25)
  })

  it('lets people in only through points of presence', () => {
    const { access } = net.users!
    for (const a of access) if (a >= 0) expect(net.nodeClass[a]).toBe(NodeClass.pop)
  })

  it('is one connected network', () => {
    expect(largestComponent(net.graph)).toBe(net.graph.n)
  })
})

describe('the decentralized network', () => {
  const central = buildNetwork(world, { kind: 'centralized' }, 1)
  const net = buildNetwork(world, { kind: 'decentralized', replicas: 3 }, 1)

  it('uses the same regions and backbone as the centralized one', () => {
    expect(net.graph.n).toBe(central.graph.n)
    expect(Array.from(net.graph.linkA)).toEqual(Array.from(central.graph.linkA))
  })

  it('runs each service in 3 distinct regions, its home first', () => {
    const s = net.services!
    expect(s.replicas).toBe(3)
    for (let i = 0; i < s.count; i++) {
      const hosts = Array.from(s.host.subarray(i * 3, i * 3 + 3))
      expect(new Set(hosts).size).toBe(3)
      expect(hosts[0]).toBe(central.services!.host[i])
    }
  })
})

describe('the distributed network', () => {
  const net = buildNetwork(world, { kind: 'p2p', nodes: 3000 }, 1)

  it('places small nodes where people live, across many countries', () => {
    expect(net.graph.n).toBe(3000)
    expect(net.params.countries as number).toBeGreaterThan(150)
    // Every node is near a population cluster (within the scatter radius of its home cluster).
    for (let v = 0; v < net.graph.n; v += 97) {
      let nearest = Infinity
      for (let c = 0; c < world.clusters.count; c++) {
        nearest = Math.min(
          nearest,
          greatCircleKm(net.lat[v]!, net.lon[v]!, world.clusters.lat[c]!, world.clusters.lon[c]!),
        )
      }
      expect(nearest).toBeLessThan(26)
    }
  })

  it('links each node to its nearest peers plus a few long links, all in one network', () => {
    const meanDegree = (2 * net.graph.m) / net.graph.n
    expect(meanDegree).toBeGreaterThan(5)
    expect(meanDegree).toBeLessThan(8)
    expect(largestComponent(net.graph)).toBe(net.graph.n)
    let long = 0
    for (let e = 0; e < net.graph.m; e++) {
      const a = net.graph.linkA[e]!
      const b = net.graph.linkB[e]!
      if (greatCircleKm(net.lat[a]!, net.lon[a]!, net.lat[b]!, net.lon[b]!) > 3000) long++
    }
    expect(long).toBeGreaterThan(300)
  })

  it('runs every service on r nodes in different places, and the more used on more, a few per node at most', () => {
    const s = net.services!
    const copies = (i: number) => s.host.subarray(i * s.replicas, (i + 1) * s.replicas).filter((h) => h >= 0)
    // The most used service on many nodes, the least used on 3 (demand.ts).
    expect(copies(0).length).toBeGreaterThan(100)
    expect(copies(s.count - 1).length).toBeGreaterThanOrEqual(3)
    expect(copies(s.count - 1).length).toBeLessThan(copies(0).length / 10)
    for (let i = 1; i < s.count; i++) expect(copies(i).length).toBeLessThanOrEqual(copies(i - 1).length)
    const held = new Map<number, number>()
    for (const h of s.host) if (h >= 0) held.set(h, (held.get(h) ?? 0) + 1)
    expect(Math.max(...held.values())).toBeLessThanOrEqual(MAX_COPIES_PER_NODE)
    let farApart = 0
    for (let i = 0; i < s.count; i++) {
      const [a, b, c] = Array.from(copies(i).subarray(0, 3))
      expect(new Set(copies(i)).size).toBe(copies(i).length)
      const d1 = greatCircleKm(net.lat[a!]!, net.lon[a!]!, net.lat[b!]!, net.lon[b!]!)
      const d2 = greatCircleKm(net.lat[a!]!, net.lon[a!]!, net.lat[c!]!, net.lon[c!]!)
      if (d1 >= 500 && d2 >= 500) farApart++
    }
    expect(farApart).toBe(s.count)
  })

  it('is run by many independent farmers, most with a few nodes', () => {
    expect(net.operatorCount).toBeGreaterThan(600)
    expect(net.operatorCount).toBeLessThan(2000)
  })

  it('attaches people to their nearest nodes', () => {
    const { k, access, lat, lon } = net.users!
    for (let c = 0; c < net.users!.count; c += 53) {
      const first = access[c * k]!
      const d = greatCircleKm(lat[c]!, lon[c]!, net.lat[first]!, net.lon[first]!)
      for (let v = 0; v < net.graph.n; v++)
        expect(greatCircleKm(lat[c]!, lon[c]!, net.lat[v]!, net.lon[v]!)).toBeGreaterThanOrEqual(d - 1e-6)
    }
  })

  it('is built the same from the same seed, and differently from another', () => {
    const again = buildNetwork(world, { kind: 'p2p', nodes: 3000 }, 1)
    expect(Array.from(again.lat)).toEqual(Array.from(net.lat))
    expect(Array.from(again.graph.linkB)).toEqual(Array.from(net.graph.linkB))
    const other = buildNetwork(world, { kind: 'p2p', nodes: 3000 }, 2)
    expect(Array.from(other.lat)).not.toEqual(Array.from(net.lat))
  })

  it('scales to 100,000 nodes', () => {
    const big = buildNetwork(world, { kind: 'p2p', nodes: 100_000 }, 1)
    expect(big.graph.n).toBe(100_000)
    expect(largestComponent(big.graph)).toBe(100_000)
  }, 60_000)
})
