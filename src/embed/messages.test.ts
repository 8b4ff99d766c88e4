import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import { createPageBackend } from '../store/backend'
import { createAppStore } from '../store/store'
import { installMessageApi } from './messages'

const world = loadWorld()
const HOST = 'https://host.example'

function harness() {
  const sent: { message: Record<string, unknown>; origin: string }[] = []
  const parent = { postMessage: (message: Record<string, unknown>, origin: string) => sent.push({ message, origin }) }
  let listener: ((e: MessageEvent) => void) | null = null
  const win = {
    parent,
    addEventListener: (_: string, fn: (e: MessageEvent) => void) => (listener = fn),
    removeEventListener: () => (listener = null),
  } as unknown as Window
  const deliver = (data: unknown, from: { source?: unknown; origin?: string } = {}) =>
    listener!({ data, source: from.source ?? parent, origin: from.origin ?? HOST } as MessageEvent)
  return { win, sent, deliver, events: (name: string) => sent.filter((s) => s.message.event === name) }
}

async function setup() {
  const store = createAppStore({ loadWorld: async () => world, createBackend: createPageBackend })
  const h = harness()
  const stop = installMessageApi(store, { allowedOrigin: HOST, win: h.win })
  await store.getState().load()
  return { store, stop, ...h }
}

const settle = () => new Promise((r) => setTimeout(r, 20))

describe('the postMessage API', () => {
  it('says it is ready, to the allowed origin only', async () => {
    const { events, sent } = await setup()
    expect(events('ready')).toHaveLength(1)
    expect(sent.every((s) => s.origin === HOST)).toBe(true)
  })

  it('takes commands from the embedding page and the allowed origin, and answers with the state', async () => {
    const { store, deliver, events } = await setup()
    deliver({ type: 'p2pglobe', command: 'setNetwork', network: 'p2p', id: 1 })
    await settle()
    expect(store.getState().active).toBe('p2p')
    const reply = events('state').find((e) => e.message.id === 1)!
    expect((reply.message.state as { network: string }).network).toBe('p2p')
    deliver({ type: 'p2pglobe', command: 'runScenario', scenario: { kind: 'site', at: 'ashburn' } })
    await settle()
    expect(store.getState().scenario).toEqual({ kind: 'site', at: { lat: 39.04, lon: -77.49 } })
    expect(store.getState().playing).toBe(true)
    deliver({ type: 'p2pglobe', command: 'pause' })
    deliver({ type: 'p2pglobe', command: 'setParams', params: { speed: 9, theme: 'projector', seed: 3 } })
    await settle()
    expect(store.getState().playing).toBe(false)
    expect(store.getState().speed).toBe(9)
    expect(store.getState().theme).toBe('projector')
    expect(store.getState().seed).toBe(3)
    expect(events('stateChanged').length).toBeGreaterThan(0)
  })

  it('ignores messages from another window or another origin, and answers nothing', async () => {
    const { store, deliver, sent } = await setup()
    const before = sent.length
    deliver({ type: 'p2pglobe', command: 'setNetwork', network: 'p2p' }, { origin: 'https://evil.example' })
    deliver({ type: 'p2pglobe', command: 'setNetwork', network: 'p2p' }, { source: {} })
    await settle()
    expect(store.getState().active).toBe('centralized')
    expect(sent.length).toBe(before)
  })

  it('answers a malformed message from the host with an error event, never an exception', async () => {
    const { store, deliver, events } = await setup()
    const bad: unknown[] = [
      { type: 'p2pglobe', command: 'fly' },
      { type: 'p2pglobe', command: 'setNetwork', network: 'mesh', id: 'x' },
      { type: 'p2pglobe', command: 'runScenario', scenario: { kind: 'region', lat: 999, lon: 0, radiusKm: 5 } },
      { type: 'p2pglobe', command: 'setParams', params: { speed: 'fast' } },
      { type: 'p2pglobe', command: 'setNetwork', network: 'imported' },
      { type: 'p2pglobe', command: 'goToStep', step: 2 },
    ]
    for (const m of bad) expect(() => deliver(m)).not.toThrow()
    await settle()
    expect(events('error')).toHaveLength(bad.length)
    expect(events('error').find((e) => e.message.id === 'x')!.message.message).toMatch(/^network: /)
    expect(store.getState().active).toBe('centralized')
    // Messages that are not for the demo at all (other scripts on the host) are left alone.
    for (const m of [null, 42, 'hello', { type: 'other' }]) deliver(m)
    await settle()
    expect(events('error')).toHaveLength(bad.length)
  })

  it('tells the host when a scenario has finished, and sends metrics at a bounded rate', async () => {
    const { store, deliver, events } = await setup()
    deliver({ type: 'p2pglobe', command: 'runScenario', scenario: { kind: 'site', at: 'largest' } })
    await settle()
    for (let i = 0; i < 5; i++) store.getState().advance(0.25)
    await store.getState().whenIdle()
    await settle()
    expect(events('scenarioFinished')).toHaveLength(1)
    // Several steps happened within milliseconds: one metrics event, not one per step.
    expect(events('metrics').length).toBeLessThanOrEqual(2)
  })

  it('does nothing in a page that is not embedded', async () => {
    const store = createAppStore({ loadWorld: async () => world, createBackend: createPageBackend })
    let added = false
    const win = { addEventListener: () => (added = true), removeEventListener: () => {} } as unknown as Window
    ;(win as unknown as { parent: Window }).parent = win
    installMessageApi(store, { allowedOrigin: HOST, win })
    await store.getState().load()
    expect(added).toBe(true)
  })
})
