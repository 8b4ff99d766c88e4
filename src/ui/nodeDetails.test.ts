import { beforeAll, describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import { NodeClass } from '../sim/network'
import type { World } from '../sim/world'
import { SimHost } from '../worker/simHost'
import { capitalise, formatLatLon, formatPeople, nodeDetails, placeName } from './nodeDetails'

let world: World
let host: SimHost

beforeAll(() => {
  world = loadWorld()
  host = new SimHost(world)
})

describe('the details of a node', () => {
  it('names a cloud region by its metro and counts what hangs on it', () => {
    const { net, snapshot } = host.build('centralized', { kind: 'centralized' }, 1)
    const region = 0 // the largest region: Northern Virginia
    const d = nodeDetails(net, snapshot, world, region)
    expect(d.className).toBe('cloud region')
    expect(d.place).toBe(net.labels.get(region))
    expect(d.up).toBe(true)
    expect(d.links).toBe(net.graph.off[region + 1]! - net.graph.off[region]!)
    expect(d.linksUp).toBe(d.links)
    // The largest region hosts the most services (Zipf: about 30%), and people reach it through points of presence.
    expect(d.services).toBeGreaterThan(20)
    expect(d.servicesTotal).toBe(net.services!.count)
    expect(d.people).toBe(0)
    expect(d.flows).toBeGreaterThan(0)
    expect(d.flows).toBeLessThanOrEqual(d.flowsTotal)
  })

  it('counts the people who connect through a point of presence, and says where it is', () => {
    const { net, snapshot } = host.build('centralized', { kind: 'centralized' }, 1)
    const pop = net.nodeClass.indexOf(NodeClass.pop)
    const d = nodeDetails(net, snapshot, world, pop)
    expect(d.className).toBe('point of presence')
    expect(d.place).toMatch(/^near /)
    let expected = 0
    for (let c = 0; c < net.users!.count; c++) if (snapshot.chosenNode[c] === pop) expected += net.users!.pop[c]!
    expect(d.people).toBe(expected)
    expect(d.people).toBeGreaterThan(0)
  })

  it('shows a failed node down, with none of its links working', () => {
    const { net } = host.build('centralized', { kind: 'centralized' }, 1)
    const view = host.act('centralized', { type: 'failNode', node: 0 })
    const d = nodeDetails(net, view, world, 0)
    expect(d.up).toBe(false)
    expect(d.linksUp).toBe(0)
    expect(d.people).toBe(0)
  })

  it('places a small node in the country of the nearest people', () => {
    const { net, snapshot } = host.build('p2p', { kind: 'p2p' }, 1)
    // A node placed right on a cluster is "near" that cluster's country.
    const c = world.clusters
    const de = world.countries.findIndex((k) => k.code === 'DE')
    let nearest = -1
    let best = Infinity
    for (let v = 0; v < net.graph.n; v++) {
      for (let k = 0; k < c.count; k++) {
        if (c.country[k] !== de) continue
        const d = Math.hypot(net.lat[v]! - c.lat[k]!, net.lon[v]! - c.lon[k]!)
        if (d < best) {
          best = d
          nearest = v
        }
      }
      if (best < 0.05) break
    }
    expect(placeName(net, world, nearest)).toBe('near Germany')
    expect(nodeDetails(net, snapshot, world, nearest).className).toBe('small node')
  })
})

describe('how the details read', () => {
  it('writes places, people and names plainly', () => {
    expect(formatLatLon(39.04, -77.49)).toBe('39.04° N, 77.49° W')
    expect(formatLatLon(-33.87, 151.21)).toBe('33.87° S, 151.21° E')
    expect(formatLatLon(NaN, 0)).toBe('no known place')
    expect(formatPeople(8_123_456)).toBe('8.1 million')
    expect(formatPeople(48_400)).toBe('48,000')
    expect(formatPeople(950)).toBe('950')
    expect(formatPeople(1.2e9)).toBe('1.2 billion')
    expect(capitalise('cloud region')).toBe('Cloud region')
  })
})
