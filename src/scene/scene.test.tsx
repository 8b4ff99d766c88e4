import ReactThreeTestRenderer from '@react-three/test-renderer'
import { beforeAll, describe, expect, it } from 'vitest'
import type { BufferGeometry, InstancedMesh, Mesh, Object3D, Points } from 'three'
import { appStore } from '../store/appStore'
import { NETWORK_KINDS } from '../store/store'
import { NetworkView } from './NetworkView'
import { People } from './People'
import { Traffic } from './Traffic'

function Scene() {
  return (
    <>
      <People reducedMotion />
      {NETWORK_KINDS.map((kind) => (
        <NetworkView key={kind} kind={kind} reducedMotion />
      ))}
      <Traffic reducedMotion />
    </>
  )
}

type Renderer = Awaited<ReturnType<typeof ReactThreeTestRenderer.create>>

function objects(renderer: Renderer): Object3D[] {
  const out: Object3D[] = []
  renderer.scene.instance.traverse((o) => out.push(o))
  return out
}

function byName(renderer: Renderer, name: string): Object3D {
  const o = renderer.scene.instance.getObjectByName(name)
  if (!o) throw new Error(`no object named ${name}`)
  return o
}

function geometries(renderer: Renderer): Set<string> {
  const ids = new Set<string>()
  for (const o of objects(renderer)) {
    const g = (o as { geometry?: BufferGeometry }).geometry
    if (g) ids.add(g.uuid)
  }
  return ids
}

let renderer: Renderer

beforeAll(async () => {
  await appStore.getState().load()
  renderer = await ReactThreeTestRenderer.create(<Scene />)
  // Each network's layers are built in slices, a few tasks after mounting.
  for (
    let i = 0;
    i < 300 &&
    !['centralized', 'decentralized', 'p2p'].every((k) => renderer.scene.instance.getObjectByName(`links:${k}`));
    i++
  )
    await ReactThreeTestRenderer.act(() => new Promise((resolve) => setTimeout(resolve, 10)))
  await renderer.advanceFrames(2, 16)
}, 30_000)

describe('the scene, read from the simulation', () => {
  it('draws each network with one mesh per node class and one for its links', () => {
    const meshes = objects(renderer).filter((o) => (o as Mesh).isMesh || (o as Points).isPoints)
    const names = meshes.map((m) => m.name).sort()
    expect(names).toEqual(
      [
        'links:centralized',
        'links:decentralized',
        'links:p2p',
        'nodes:centralized:0',
        'nodes:centralized:1',
        'nodes:decentralized:0',
        'nodes:decentralized:1',
        'nodes:p2p:2',
        'people',
        'traffic',
      ].sort(),
    )
  })

  it('shows the network on screen and hides the others', async () => {
    appStore.getState().setNetwork('p2p')
    await renderer.advanceFrames(1, 16)
    expect(byName(renderer, 'nodes:p2p:2').visible).toBe(true)
    expect(byName(renderer, 'links:p2p').visible).toBe(true)
    expect(byName(renderer, 'nodes:centralized:0').visible).toBe(false)
    expect(byName(renderer, 'links:decentralized').visible).toBe(false)
  })

  it('creates nothing new when switching back and forth', async () => {
    const before = geometries(renderer)
    for (let i = 0; i < 10; i++) {
      appStore.getState().setNetwork(NETWORK_KINDS[i % 3]!)
      await renderer.advanceFrames(1, 16)
    }
    expect(geometries(renderer)).toEqual(before)
  })

  it('turns a failed site and the people who lose its services red on the next frame', async () => {
    appStore.getState().setNetwork('centralized')
    await appStore.getState().runScenario({ kind: 'site', at: { lat: 39.04, lon: -77.49 } })
    appStore.getState().pause()
    await appStore.getState().step()
    await renderer.advanceFrames(1, 16)
    const regions = byName(renderer, 'nodes:centralized:0') as InstancedMesh
    const state = regions.geometry.getAttribute('aState').array as Float32Array
    expect(state[0]).toBe(0) // Northern Virginia, the first region, is down
    expect(state[2]).toBe(1)
    const people = byName(renderer, 'people') as Points
    const servedAttr = people.geometry.getAttribute('aServed')
    const served = servedAttr.array as Float32Array
    let losing = 0
    for (let c = 0; c < servedAttr.count; c++) if (served[c * 3 + 1]! < 1) losing++
    // Every cluster loses the services homed in Northern Virginia.
    expect(losing).toBe(servedAttr.count)
  })

  it('routes traffic along paths and shows none for a service that cannot be reached', async () => {
    await renderer.advanceFrames(1, 16)
    const flows = appStore.getState().slots.centralized!.view.traffic!
    const particles = (byName(renderer, 'traffic') as Points).geometry.getAttribute('aAlpha').array as Float32Array
    const perFlow = particles.length / flows.count
    let stopped = 0
    let moving = 0
    for (let f = 0; f < flows.count; f++) {
      const alphas = Array.from({ length: perFlow }, (_, k) => particles[f * perFlow + k]!)
      if (flows.length[f] === 0) {
        stopped++
        expect(alphas.every((a) => a === 0)).toBe(true)
      } else if (alphas.some((a) => a > 0)) moving++
    }
    // About 30% of services lived in Northern Virginia: their flows stop; the rest still move.
    expect(stopped).toBeGreaterThan(flows.count * 0.1)
    expect(moving).toBeGreaterThan(flows.count * 0.5)
  })
})
