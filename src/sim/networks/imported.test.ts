import { describe, expect, it } from 'vitest'
import { loadWorld } from '../../cli/load-world.ts'
import { Simulation } from '../engine.ts'
import { greatCircleKm } from '../geo.ts'
import { NodeClass } from '../network.ts'
import { ImportError, MAX_IMPORT_NODES, importNetwork, importNetworkText } from './imported.ts'

const world = loadWorld()

function importFails(json: unknown): ImportError {
  try {
    importNetwork(json, world)
  } catch (e) {
    if (e instanceof ImportError) return e
    throw e
  }
  throw new Error('the import should have failed')
}

describe('node-link graphs', () => {
  it('imports an abstract graph, with no people or services', () => {
    const net = importNetwork(
      {
        nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
        links: [
          { source: 'a', target: 'b' },
          { source: 'b', target: 'c' },
        ],
      },
      world,
    )
    expect(net.graph.n).toBe(3)
    expect(net.graph.m).toBe(2)
    expect(net.hasGeo).toBe(false)
    expect(net.users).toBeNull()
    expect(net.ids).toEqual(['a', 'b', 'c'])
    const m = new Simulation(net, { kind: 'site', node: 1 }).run(2)[1]!
    expect(m.usersOnline).toBeNull()
    expect(m.serviceAvailability).toBeNull()
    expect(m.survivability).toBeCloseTo(1 / 3, 12)
  })

  it('gives a graph with coordinates people and services', () => {
    const nodes = [
      { id: 1, lat: 48.85, lon: 2.35 },
      { id: 2, lat: 40.71, lon: -74.0 },
      { id: 3, lat: 35.68, lon: 139.69 },
      { id: 4, latitude: -33.87, longitude: 151.21 },
    ]
    const links = [
      { source: 1, target: 2 },
      { source: 2, target: 3 },
      { source: 3, target: 4 },
      { source: 4, target: 1 },
    ]
    const net = importNetwork({ nodes, links }, world, { services: 10, replicas: 2 })
    expect(net.hasGeo).toBe(true)
    expect(net.users!.count).toBe(world.clusters.count)
    expect(net.services!.count).toBe(10)
    // Paris–New York over one link: about 5,840 km.
    expect(net.linkRttMs[0]!).toBeGreaterThan((2 * 5800 * 1.5) / 200)
    expect(new Simulation(net).current.usersOnline).toBe(1)
  })

  it('accepts "edges" for "links", as newer NetworkX writes', () => {
    const net = importNetwork({ nodes: [{ id: 0 }, { id: 1 }], edges: [{ source: 0, target: 1 }] }, world)
    expect(net.graph.m).toBe(1)
  })

  it('ignores self-loops and repeated links with a warning', () => {
    const net = importNetwork(
      {
        nodes: [{ id: 0 }, { id: 1 }],
        links: [
          { source: 0, target: 1 },
          { source: 1, target: 0 },
          { source: 1, target: 1 },
        ],
      },
      world,
    )
    expect(net.graph.m).toBe(1)
    expect(net.warnings.join(' ')).toMatch(/itself/)
    expect(net.warnings.join(' ')).toMatch(/repeated/)
  })

  it('treats a graph with only some coordinates as abstract, and says so', () => {
    const net = importNetwork({ nodes: [{ id: 0, lat: 1, lon: 2 }, { id: 1 }], links: [] }, world)
    expect(net.hasGeo).toBe(false)
    expect(net.warnings[0]).toMatch(/1 of 2 nodes have no coordinates/)
  })

  it('names the first problem by its JSON path', () => {
    expect(importFails({ nodes: [{ id: 'a' }, { id: 'a' }] }).path).toBe('$.nodes[1].id')
    expect(importFails({ nodes: [{ id: 'a' }], links: [{ source: 'a', target: 'zz' }] }).message).toBe(
      '$.links[0].target: no node has the id "zz"',
    )
    expect(importFails({ nodes: [{ id: 'a', lat: 91, lon: 0 }] }).path).toBe('$.nodes[0].lat')
    expect(importFails({ nodes: [{ id: 'a', lat: 'north', lon: 0 }] }).path).toBe('$.nodes[0].lat')
    expect(importFails({ nodes: [{ id: 'a', lat: 1 }] }).detail).toMatch(/latitude without a longitude/)
    expect(importFails({ nodes: [{ name: 'x' }] }).path).toBe('$.nodes[0].id')
    expect(importFails({ nodes: [] }).path).toBe('$.nodes')
    expect(importFails({ nodes: 'many' }).path).toBe('$.nodes')
    expect(importFails({ links: [] }).path).toBe('$')
    expect(importFails(42).path).toBe('$')
  })

  it('refuses more nodes than it can hold, before reading them', () => {
    const e = importFails({ nodes: new Array(MAX_IMPORT_NODES + 1).fill(0) })
    expect(e.path).toBe('$.nodes')
    expect(e.detail).toMatch(/more than 200,000 nodes/)
  })

  it('reports text that is not JSON', () => {
    expect(() => importNetworkText('{"nodes": [', world)).toThrow(ImportError)
  })
})

describe('ThreeFold grid node lists', () => {
  const grid = [
    {
      nodeId: 11,
      farmId: 1,
      twinId: 5,
      country: 'Belgium',
      city: 'Ghent',
      status: 'up',
      healthy: true,
      location: { country: 'Belgium', city: 'Ghent', latitude: 51.05, longitude: 3.72 },
    },
    {
      nodeId: 12,
      farmId: 1,
      country: 'Belgium',
      city: 'Ghent',
      status: 'down',
      location: { country: 'Belgium', city: 'Ghent', latitude: 51.06, longitude: 3.7 },
    },
    {
      nodeId: 13,
      farmId: 2,
      country: 'Egypt',
      city: 'Cairo',
      status: 'up',
      location: { country: 'Egypt', latitude: null, longitude: null },
    },
    { nodeId: 14, farmId: 3, country: 'Atlantis', status: 'up', location: null },
    {
      nodeId: 15,
      farmId: 3,
      country: 'United States',
      status: 'standby',
      location: { latitude: 40.7, longitude: -74 },
    },
  ]

  it('places nodes by coordinates, or in their country when those are null', () => {
    const net = importNetwork(grid, world)
    expect(net.graph.n).toBe(4)
    expect(net.ids).toEqual(['11', '12', '13', '15'])
    const cairo = net.ids!.indexOf('13')
    expect(greatCircleKm(net.lat[cairo]!, net.lon[cairo]!, 30.04, 31.24)).toBeLessThan(400)
    expect(net.warnings.join(' ')).toMatch(/placed in their country/)
    expect(net.warnings.join(' ')).toMatch(/left out \(nodeId 14\)/)
  })

  it('starts nodes listed as down or on standby down, and groups nodes by farm', () => {
    const net = importNetwork(grid, world)
    const sim = new Simulation(net)
    expect(sim.current.failedNodes).toBe(2)
    expect(net.operator[0]).toBe(net.operator[1])
    expect(net.operator[0]).not.toBe(net.operator[2])
    expect(net.nodeClass[0]).toBe(NodeClass.peer)
  })

  it('joins the nodes as an overlay, since the list has no links', () => {
    const net = importNetwork(grid, world)
    expect(net.graph.m).toBeGreaterThanOrEqual(net.graph.n - 1)
  })

  it('names the first problem by its JSON path', () => {
    expect(importFails([{ nodeId: 1 }]).path).toBe('$[0].farmId')
    expect(
      importFails([
        { nodeId: 1, farmId: 1 },
        { nodeId: 1, farmId: 2 },
      ]).path,
    ).toBe('$[1].nodeId')
    expect(importFails([{ nodeId: 1, farmId: 1, location: { latitude: 200, longitude: 0 } }]).path).toBe(
      '$[0].location.latitude',
    )
    expect(importFails([]).path).toBe('$')
    expect(importFails([{ nodeId: 1, farmId: 1, country: 'Atlantis' }]).detail).toMatch(/none can be placed/)
  })
})
