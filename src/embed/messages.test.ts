import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import { createPageBackend } from '../store/pageBackend'
import { createAppStore } from '../store/store'
import { installMessageApi } from './messages'

const world = loadWorld()
const HOST = 'https://host.example'

/**
 * A window embedded in a parent page that notes what it is sent. `parentOn`: the parent's origin as the demo
 * can read it; null for a page on another origin, whose location throws when read (as a browser's does).
 */
function harness(parentOn: string | null = HOST) {
  const sent: { message: Record<string, unknown>; origin: string }[] = []
  const parent = {
    postMessage: (message: Record<string, unknown>, origin: string) => sent.push({ message, origin }),
    get location() {
      if (parentOn === null)
        throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError')
      return { origin: parentOn }
    },
  }
  const listeners = new Map<string, (e: Event) => void>()
  const win = {
    parent,
    addEventListener: (type: string, fn: (e: Event) => void) => listeners.set(type, fn),
    removeEventListener: (type: string) => listeners.delete(type),
  } as unknown as Window
  const deliver = (data: unknown, from: { source?: unknown; origin?: string } = {}) =>
    listeners.get('message')!({ data, source: from.source ?? parent, origin: from.origin ?? HOST } as MessageEvent)
  /** A key press as the page's listeners see it; `used` stands for a handler that called preventDefault. */
  const press = (key: string, { used = false, target = null as unknown } = {}) =>
    listeners.get('keydown')!({
      key,
      code: `Key${key}`,
      defaultPrevented: used,
      target,
      repeat: false,
      shiftKey: false,
      ctrlKey: false,
    } as never)
  return {
    win,
    sent,
    deliver,
    press,
    listening: (type: string) => listeners.has(type),
    events: (name: string) => sent.filter((s) => s.message.event === name),
  }
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
    const playSteps = async (count: number) => {
      for (let i = 0; i < count; i++) {
        store.getState().advance(0.25)
        await store.getState().whenIdle()
      }
    }
    store.getState().setSpeed(16)
    // An outage that is never repaired has not finished, even when the viewer pauses it.
    deliver({ type: 'p2pglobe', command: 'runScenario', scenario: { kind: 'site', at: 'largest' } })
    await settle()
    await playSteps(3)
    deliver({ type: 'p2pglobe', command: 'pause' })
    await settle()
    expect(events('scenarioFinished')).toHaveLength(0)
    // Repaired after 3 minutes: finished once everything is back.
    store.setState({ options: { repairAfterMin: 3 } })
    const metricsBefore = events('metrics').length
    deliver({ type: 'p2pglobe', command: 'runScenario', scenario: { kind: 'site', at: 'largest' } })
    await settle()
    await playSteps(5)
    await settle()
    expect(store.getState().playing).toBe(false)
    expect(events('scenarioFinished')).toHaveLength(1)
    // Several steps happened within milliseconds: one metrics event, not one per step.
    expect(events('metrics').length - metricsBefore).toBeLessThanOrEqual(2)
  })

  it('passes the keys the demo did not use on to the host, and no others', async () => {
    const { press, events, stop } = await setup()
    const button = { closest: (selector: string) => (selector.includes('button') ? {} : null) }
    press('ArrowDown')
    press('n', { used: true })
    press(' ', { target: button })
    press('Escape', { target: button })
    await settle()
    expect(events('key').map((e) => e.message.key)).toEqual(['ArrowDown', 'Escape'])
    expect(events('key')[0]!.message).toMatchObject({ code: 'KeyArrowDown', shiftKey: false, ctrlKey: false })
    stop()
  })

  it('stops listening when stopped', async () => {
    const { stop, listening } = await setup()
    expect(listening('message') && listening('keydown')).toBe(true)
    stop()
    expect(listening('message') || listening('keydown')).toBe(false)
  })

  it('without parentOrigin, tells a parent page on another origin nothing and takes nothing from it', async () => {
    const store = createAppStore({ loadWorld: async () => world, createBackend: createPageBackend })
    // The demo's own origin, assumed: the parent page is elsewhere and did not name itself.
    const h = harness(null)
    installMessageApi(store, { allowedOrigin: HOST, assumed: true, win: h.win })
    await store.getState().load()
    h.deliver({ type: 'p2pglobe', command: 'setNetwork', network: 'p2p', id: 1 })
    await store.getState().runScenario({ kind: 'site', at: 'largest' })
    for (let i = 0; i < 5; i++) store.getState().advance(0.25)
    await store.getState().whenIdle()
    h.press('ArrowDown')
    await settle()
    expect(store.getState().active).toBe('centralized')
    // Not ready, not the state changes, not the metrics, not the key: nothing at all.
    expect(h.sent).toEqual([])
  })

  it('without parentOrigin, talks to a parent page on its own origin', async () => {
    const store = createAppStore({ loadWorld: async () => world, createBackend: createPageBackend })
    const h = harness(HOST)
    installMessageApi(store, { allowedOrigin: HOST, assumed: true, win: h.win })
    await store.getState().load()
    h.deliver({ type: 'p2pglobe', command: 'setNetwork', network: 'p2p', id: 1 })
    await settle()
    expect(store.getState().active).toBe('p2p')
    expect(h.events('ready')).toHaveLength(1)
    expect(h.events('state').find((e) => e.message.id === 1)).toBeDefined()
    expect(h.sent.every((s) => s.origin === HOST)).toBe(true)
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
