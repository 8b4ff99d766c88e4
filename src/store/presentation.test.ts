/** The store's actions for what is shown around the globe: panels, chrome, notices, theme. */
import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import { createPageBackend } from './pageBackend'
import { createAppStore } from './store'

const world = loadWorld()
const newStore = () => createAppStore({ loadWorld: async () => world, createBackend: createPageBackend })

describe('the store, around the globe', () => {
  it('opens one panel at a time and closes it', () => {
    const store = newStore()
    expect(store.getState().panel).toBeNull()
    store.getState().openPanel('methodology')
    store.getState().openPanel('robustness')
    expect(store.getState().panel).toBe('robustness')
    store.getState().openPanel(null)
    expect(store.getState().panel).toBeNull()
  })

  it('sets how much chrome shows, whether it is an embed and whether the globe takes the pointer, each alone', () => {
    const store = newStore()
    expect(store.getState()).toMatchObject({ ui: 'full', embed: false, interactive: true })
    store.getState().setPresentation({ embed: true, ui: 'none', interactive: false })
    expect(store.getState()).toMatchObject({ ui: 'none', embed: true, interactive: false })
    store.getState().setPresentation({ ui: 'minimal' })
    expect(store.getState()).toMatchObject({ ui: 'minimal', embed: true, interactive: false })
  })

  it('collects notices in order until they are dismissed; an empty list changes nothing', () => {
    const store = newStore()
    store.getState().notify(['network: "mars" is not one of centralized, decentralized, p2p'])
    store.getState().notify([])
    store.getState().notify(['seed: too long'])
    expect(store.getState().notices).toEqual([
      'network: "mars" is not one of centralized, decentralized, p2p',
      'seed: too long',
    ])
    store.getState().dismissNotices()
    expect(store.getState().notices).toEqual([])
  })

  it('takes a known theme and ignores anything else', () => {
    const store = newStore()
    store.getState().setTheme('projector')
    expect(store.getState().theme).toBe('projector')
    store.getState().setTheme('neon' as never)
    expect(store.getState().theme).toBe('projector')
  })
})
