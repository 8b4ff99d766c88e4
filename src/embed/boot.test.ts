import { describe, expect, it, vi } from 'vitest'
import { loadWorld } from '../cli/load-world'
import { createPageBackend } from '../store/pageBackend'
import { createAppStore, MAX_NOTICES } from '../store/store'
import { applyParams, applyUrlConfig, boot } from './boot'
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

  it('builds with the address’s seed and size from the start: a scenario begun once ready is not undone', async () => {
    const store = newStore()
    const done = applyUrlConfig(store, parseUrlParams('seed=5&nodes=300').config)
    await store.getState().load()
    expect(store.getState().seed).toBe(5)
    expect(store.getState().slots.p2p!.net.graph.n).toBe(300)
    await store.getState().runScenario({ kind: 'random', fraction: 0.2 })
    await done
    // A rebuild for the seed after the first build used to land here, reset every network and stop the clock.
    expect(store.getState().playing).toBe(true)
    expect(store.getState().scenario).toEqual({ kind: 'random', fraction: 0.2 })
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

  it('applies a later address to the running page, but never who may drive it or whether it is an embed', async () => {
    const store = newStore()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    void applyUrlConfig(store, parseUrlParams('embed=1&parentOrigin=https://host.example').config)
    await store.getState().load()
    const problems = applyParams(
      store,
      '?network=decentralized&theme=light&embed=0&parentOrigin=https://evil.example&zzz=1',
      'http://localhost/',
    )
    expect(problems).toEqual([
      expect.stringMatching(/^Unknown parameter "zzz" ignored/),
      'parentOrigin applies only when the page loads; ignored.',
      'embed applies only when the page loads; ignored.',
    ])
    // The notice tells about this address only; the embed stays an embed, quiet as it was.
    expect(store.getState().notices).toEqual(problems)
    const s = store.getState()
    expect(s.embed).toBe(true)
    expect(s.ui).toBe('none')
    expect(s.interactive).toBe(false)
    expect(s.theme).toBe('light')
    await vi.waitFor(() => expect(store.getState().active).toBe('decentralized'))
    // A second address replaces the notice; a good one clears it.
    applyParams(store, '?ui=minimal', 'http://localhost/')
    expect(store.getState().notices).toEqual([])
    expect(store.getState().ui).toBe('minimal')
    warn.mockRestore()
  })

  it('keeps only the newest notices however many come', () => {
    const store = newStore()
    for (let i = 0; i < 100; i++) store.getState().notify([`notice ${i}`])
    expect(store.getState().notices).toHaveLength(MAX_NOTICES)
    expect(store.getState().notices.at(-1)).toBe('notice 99')
  })
})
