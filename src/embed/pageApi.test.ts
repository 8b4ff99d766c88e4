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

  it('takes when failures are repaired with a scenario, kept for the runs after, and refuses a bad one', async () => {
    const { store, api } = await setup()
    await api.runScenario({ kind: 'site', at: 'ashburn' }, { repairAfterMin: 2 })
    expect(store.getState().options).toEqual({ repairAfterMin: 2 })
    await store.getState().step(3)
    expect(store.getState().slots.centralized!.view.metrics.failedNodes).toBe(0)
    await api.runScenario({ kind: 'random', fraction: 0.1 })
    expect(store.getState().options).toEqual({ repairAfterMin: 2 })
    const before = store.getState().scenario
    expect(() => api.runScenario({ kind: 'none' }, { repairAfterMin: -5 })).toThrow(
      /runScenario: options\.repairAfterMin: expected a number from 0 .*accepted: \{ repairAfterMin/,
    )
    expect(() => api.runScenario({ kind: 'none' }, { repair: 5 } as never)).toThrow(/runScenario: options: .*repair/)
    expect(store.getState().scenario).toBe(before)
    expect(store.getState().options).toEqual({ repairAfterMin: 2 })
    await api.runScenario({ kind: 'none' }, { repairAfterMin: null })
    expect(store.getState().options).toEqual({ repairAfterMin: null })
  })

  it('refuses a bad network spec, tool or selection', async () => {
    const { api } = await setup()
    expect(() => api.configure({ kind: 'p2p', nodes: -1 } as never)).toThrow(/configure: nodes/)
    expect(() => api.setTool('hammer' as never)).toThrow(/rotate, failNode, cutLink, drawDisaster/)
    expect(() => api.select({ kind: 'centralized', node: 1e9 })).toThrow(/select/)
  })
})

describe('recorded outages through the page API', () => {
  it('replays one by id on every network, repaired after its reported duration, facing where it happened', async () => {
    const { store, api } = await setup()
    expect(api.incidents().map((i) => i.id)).toContain('aws-2025-10-20')
    await api.runIncident('aws-2025-10-20')
    const s = store.getState()
    expect(s.scenario).toEqual({ kind: 'incident', id: 'aws-2025-10-20' })
    expect(s.view).toMatchObject({ lat: 39.04, lon: -77.49 })
    expect(s.speed).toBe(29)
    await s.step(2)
    const cent = store.getState().slots.centralized!.view.metrics
    // The region is up, but what calls its endpoints does not answer.
    expect(cent.failedNodes).toBe(0)
    expect(cent.serviceAvailability!).toBeLessThan(store.getState().slots.centralized!.series[0]!.serviceAvailability!)
    expect(store.getState().slots.decentralized!.view.metrics.serviceAvailability).toBe(
      store.getState().slots.decentralized!.series[0]!.serviceAvailability,
    )
  })

  it('names the known ids for a bad one, and changes nothing', async () => {
    const { store, api } = await setup()
    const before = store.getState().scenario
    await expect(api.runIncident('aws-1999-01-01')).rejects.toThrow(
      /p2pglobe\.runIncident: expected one of aws-2017-02-28, .*got "aws-1999-01-01"/,
    )
    expect(store.getState().scenario).toBe(before)
  })
})
