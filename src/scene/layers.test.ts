import { describe, expect, it } from 'vitest'
import type { DataTexture, InstancedMesh, Points, ShaderMaterial } from 'three'
import { loadWorld } from '../cli/load-world'
import { Simulation } from '../sim/engine'
import { buildNetwork } from '../sim/index'
import { NodeClass } from '../sim/network'
import { PALETTE } from './constants'
import { createLinkLayer } from './links'
import { createNodeLayer, hostedShare } from './nodes'
import { NEVER_CHANGED } from './stateShader'
import { switchOpacity } from './NetworkView'

const world = loadWorld()
const central = buildNetwork(world, { kind: 'centralized' }, 1)
const p2p = buildNetwork(world, { kind: 'p2p', nodes: 800 }, 1)

function stateOf(object: InstancedMesh | Points, i: number): [number, number] {
  const a = object.geometry.getAttribute('aState').array as Float32Array
  return [a[i * 2]!, a[i * 2 + 1]!]
}

describe('the node layer', () => {
  it('draws each class of node with one instanced mesh, whatever the network’s size', () => {
    const cloud = createNodeLayer(central, PALETTE.centralized)
    expect(cloud.objects).toHaveLength(2)
    expect((cloud.objects[0] as InstancedMesh).count).toBe(16)
    expect(cloud.objects[1]!.geometry.getAttribute('position').count).toBe(120)
    const mesh = createNodeLayer(p2p, PALETTE.p2p)
    expect(mesh.objects).toHaveLength(1)
    expect(mesh.objects[0]!.geometry.getAttribute('position').count).toBe(800)
  })

  it('makes a region’s column taller the larger its share of services', () => {
    const layer = createNodeLayer(central, PALETTE.centralized)
    const regions = layer.objects[0] as InstancedMesh
    const share = hostedShare(central)
    const heightOf = (i: number) => {
      const e = regions.instanceMatrix.array
      return Math.hypot(e[i * 16 + 4]!, e[i * 16 + 5]!, e[i * 16 + 6]!)
    }
    expect(share[0]).toBeGreaterThan(share[15]!)
    expect(heightOf(0)).toBeGreaterThan(heightOf(15))
    expect(central.nodeClass[0]).toBe(NodeClass.region)
  })

  it('copies a failure from the simulation into the instance that draws the node, once', () => {
    const layer = createNodeLayer(central, PALETTE.centralized)
    const sim = new Simulation(central, { kind: 'site', node: 0 })
    expect(layer.sync(sim, 10)).toBe(false)
    expect(stateOf(layer.objects[0]!, 0)).toEqual([1, NEVER_CHANGED])
    sim.step()
    expect(layer.sync(sim, 12.5)).toBe(true)
    expect(stateOf(layer.objects[0]!, 0)).toEqual([0, 12.5])
    expect(stateOf(layer.objects[0]!, 1)).toEqual([1, NEVER_CHANGED])
    expect(layer.sync(sim, 13)).toBe(false)
    // Back up: the change time moves on, the shader flashes it.
    sim.repairNode(0)
    expect(layer.sync(sim, 20)).toBe(true)
    expect(stateOf(layer.objects[0]!, 0)).toEqual([1, 20])
  })

  it('hides a network’s meshes when it is faded out, so they cost no draw call', () => {
    const layer = createNodeLayer(p2p, PALETTE.p2p)
    layer.setOpacity(0)
    expect(layer.objects.every((m) => !m.visible)).toBe(true)
    layer.setOpacity(0.5)
    expect((layer.objects[0]!.material as ShaderMaterial).uniforms.uOpacity!.value).toBe(0.5)
    expect(layer.objects[0]!.visible).toBe(true)
  })
})

describe('the link layer', () => {
  it('draws every link of a network with one mesh, long links in more segments', () => {
    const layer = createLinkLayer(central, PALETTE.centralized.link, 0.4)
    expect(layer.segments).toBeGreaterThan(central.graph.m)
    // Four vertices and two triangles a segment.
    expect(layer.mesh.geometry.getAttribute('aInfo').count).toBe(layer.segments * 4)
    expect(layer.mesh.geometry.getIndex()!.count).toBe(layer.segments * 6)
  })

  it('marks a link down when it is cut or either end fails, in its texel', () => {
    const layer = createLinkLayer(central, PALETTE.centralized.link, 0.4)
    const texture = (layer.mesh.material as ShaderMaterial).uniforms.uState!.value as DataTexture
    const data = texture.image.data as Float32Array
    const sim = new Simulation(central, { kind: 'site', node: 0 })
    sim.step()
    expect(layer.sync(sim, 3)).toBe(true)
    const g = central.graph
    for (let e = 0; e < g.m; e++) {
      const touches = g.linkA[e] === 0 || g.linkB[e] === 0
      expect(data[e * 2]).toBe(touches ? 0 : 1)
      expect(data[e * 2 + 1]).toBe(touches ? 3 : NEVER_CHANGED)
    }
    sim.failLink(g.m - 1)
    expect(layer.sync(sim, 4)).toBe(true)
    expect(data[(g.m - 1) * 2]).toBe(0)
  })
})

describe('switching networks', () => {
  it('fades the new network in and the old one out over the switch, and shows no other', () => {
    expect(switchOpacity('p2p', 'p2p', null, 0)).toBe(1)
    expect(switchOpacity('p2p', 'p2p', 'centralized', 0)).toBe(0)
    expect(switchOpacity('centralized', 'p2p', 'centralized', 0)).toBe(1)
    expect(switchOpacity('p2p', 'p2p', 'centralized', 0.5)).toBeCloseTo(0.5, 9)
    expect(switchOpacity('p2p', 'p2p', 'centralized', 5)).toBe(1)
    expect(switchOpacity('centralized', 'p2p', 'centralized', 5)).toBe(0)
    expect(switchOpacity('decentralized', 'p2p', 'centralized', 0.5)).toBe(0)
  })
})
