import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import { createPageBackend } from '../store/pageBackend'
import { createAppStore } from '../store/store'
import { installPageApi } from './pageApi'

const world = loadWorld()

async function setup() {
  const store = createAppStore({ loadWorld: async () => world, createBackend: createPageBackend })
  const api = installPageApi(store, {} as Window)
  await store.getState().load()
  return { store, api }
}

describe('window.p2pglobe', () => {
  it('runs a valid scenario, with a metro named by its id turned into its place', async () => {
    const { store, api } = await setup()
    await api.runScenario({ kind: 'site', at: 'ashburn' } as never)
    expect(store.getState().scenario).toEqual({ kind: 'site', at: { lat: 39.04, lon: -77.49 } })
  })

  it('refuses a bad scenario with a message naming the field, and changes nothing', async () => {
    const { store, api } = await setup()
    const before = store.getState().scenario
    expect(() => api.runScenario({ kind: 'region', place: 'virginia' } as never)).toThrow(
      /p2pglobe\.runScenario: .*(lat|place)/,
    )
    expect(() => api.runScenario({ kind: 'region', lat: 95, lon: 0, radiusKm: 100 })).toThrow(/runScenario: lat: .*90/)
    expect(() => api.runScenario({ kind: 'meteor' } as never)).toThrow(/runScenario/)
    expect(store.getState().scenario).toBe(before)
  })

  it('refuses a bad network spec, tool or selection', async () => {
    const { api } = await setup()
    expect(() => api.configure({ kind: 'p2p', nodes: -1 } as never)).toThrow(/configure: nodes/)
    expect(() => api.setTool('hammer' as never)).toThrow(/rotate, failNode, cutLink, drawDisaster/)
    expect(() => api.select({ kind: 'centralized', node: 1e9 })).toThrow(/select/)
  })
})
