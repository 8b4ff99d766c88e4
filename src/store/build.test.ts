/** Rebuilding a network with new parameters: its progress, and cancelling it. */
import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import { createPageBackend } from './pageBackend'
import { createAppStore } from './store'

const world = loadWorld()

async function readyStore() {
  const store = createAppStore({ loadWorld: async () => world, createBackend: createPageBackend })
  await store.getState().load()
  return store
}

describe('rebuilding a network', () => {
  it('tells its phases as it goes, then shows the new network with its parameters', async () => {
    const store = await readyStore()
    const seen: string[] = []
    const stop = store.subscribe((s) => {
      if (s.building) seen.push(`${s.building.kind} ${s.building.done}/${s.building.total} ${s.building.phase}`)
    })
    await store.getState().configure({ kind: 'p2p', nodes: 500 })
    stop()
    expect(seen[0]).toBe('p2p 0/1 starting')
    expect(seen).toContain('p2p 1/3 connecting people and services')
    expect(seen.at(-1)).toBe('p2p 2/3 measuring it')
    expect(store.getState().building).toBeNull()
    expect(store.getState().slots.p2p!.net.graph.n).toBe(500)
    expect(store.getState().specs.p2p).toEqual({ kind: 'p2p', nodes: 500 })
  })

  it('cancelled, keeps the network and the parameters it had', async () => {
    const store = await readyStore()
    const before = store.getState().slots.p2p!.net
    const specs = store.getState().specs.p2p
    const build = store.getState().configure({ kind: 'p2p', nodes: 600 })
    store.getState().cancelBuild()
    await build
    expect(store.getState().slots.p2p!.net).toBe(before)
    expect(store.getState().specs.p2p).toBe(specs)
    expect(store.getState().building).toBeNull()
  })

  it('a second build replaces one under way', async () => {
    const store = await readyStore()
    const first = store.getState().configure({ kind: 'p2p', nodes: 700 })
    const second = store.getState().configure({ kind: 'p2p', nodes: 400 })
    await Promise.all([first, second])
    expect(store.getState().slots.p2p!.net.graph.n).toBe(400)
    expect(store.getState().specs.p2p).toEqual({ kind: 'p2p', nodes: 400 })
  })
})
