import { describe, expect, it, vi } from 'vitest'
import { loadWorld } from '../cli/load-world'
import { createPageBackend } from '../store/backend'
import { createAppStore } from '../store/store'
import { applyUrlConfig, boot } from './boot'
import { parseUrlParams } from './urlParams'

const world = loadWorld()
const newStore = () => createAppStore({ loadWorld: async () => world, createBackend: createPageBackend })

describe('setting up from the address', () => {
  it('applies the network, nodes, seed, scenario and looks once the networks are built', async () => {
    const store = newStore()
    const { config } = parseUrlParams(
      'network=p2p&nodes=500&seed=9&scenario=random&fraction=0.2&autoplay=0&theme=light&speed=7',
    )
    const done = applyUrlConfig(store, config)
    expect(store.getState().theme).toBe('light')
    expect(store.getState().speed).toBe(7)
    await store.getState().load()
    await done
    const s = store.getState()
    expect(s.seed).toBe(9)
    expect(s.active).toBe('p2p')
    expect(s.slots.p2p!.net.graph.n).toBe(500)
    expect(s.scenario).toEqual({ kind: 'random', fraction: 0.2 })
    expect(s.playing).toBe(false)
  })

  it('makes an embed quiet: no chrome, no drag or wheel until asked for', async () => {
    const store = newStore()
    void applyUrlConfig(store, parseUrlParams('embed=1').config)
    expect(store.getState().embed).toBe(true)
    expect(store.getState().ui).toBe('none')
    expect(store.getState().interactive).toBe(false)
    const other = newStore()
    void applyUrlConfig(other, parseUrlParams('embed=1&interactive=1&ui=minimal').config)
    expect(other.getState().interactive).toBe(true)
    expect(other.getState().ui).toBe('minimal')
  })

  it('reports what it could not use, in the console and to the viewer', () => {
    const store = newStore()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const win = { addEventListener: () => {}, removeEventListener: () => {} } as unknown as Window
    ;(win as unknown as { parent: Window }).parent = win
    boot(store, { search: '?network=mesh&seed=3', origin: 'https://demo.example', win })
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^p2p-globe: network="mesh" ignored/))
    expect(store.getState().notices).toHaveLength(1)
    warn.mockRestore()
  })
})
