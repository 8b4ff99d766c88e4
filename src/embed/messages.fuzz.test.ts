/**
 * The postMessage API under a thousand malformed and hostile messages: never an exception; from the allowed origin
 * each malformed one is answered with an error event; from anywhere else nothing changes and nothing is answered.
 */
import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import { createRng } from '../sim/rng'
import { createPageBackend } from '../store/pageBackend'
import { createAppStore } from '../store/store'
import { installMessageApi } from './messages'

const world = loadWorld()
const HOST = 'https://host.example'

const COMMANDS = ['setNetwork', 'runScenario', 'play', 'pause', 'reset', 'goToStep', 'setParams', 'getState']
/** Wrong in every place a message can carry them (a command name, a network, a scenario, the parameters). */
const JUNK: unknown[] = [
  null,
  undefined,
  0,
  -1,
  Infinity,
  NaN,
  '',
  'x'.repeat(10_000),
  '<img src=x onerror=alert(1)>',
  true,
  [],
  [1, 2],
  { kind: 'site' },
  { kind: 'region', lat: 'north' },
  { kind: 'meteor' },
  'mars',
  { network: { kind: 'p2p', nodes: -5 } },
  { network: { kind: 'p2p', nodes: 1e12 } },
  JSON.parse('{"__proto__": {"polluted": 1}}'),
  { theme: 'neon' },
  { seed: 'x'.repeat(100) },
  { autoRotate: 'yes' },
  { speed: 'fast' },
]

function harness() {
  const sent: Record<string, unknown>[] = []
  const parent = { postMessage: (message: Record<string, unknown>) => sent.push(message) }
  const listeners = new Map<string, (e: Event) => void>()
  const win = {
    parent,
    addEventListener: (type: string, fn: (e: Event) => void) => listeners.set(type, fn),
    removeEventListener: (type: string) => listeners.delete(type),
  } as unknown as Window
  const deliver = (data: unknown, source: unknown, origin: string) =>
    listeners.get('message')!({ data, source, origin } as MessageEvent)
  return { win, parent, sent, deliver }
}

describe('the postMessage API under fuzzing', () => {
  it('answers a thousand malformed messages from the host with errors, and ignores others entirely', async () => {
    const store = createAppStore({ loadWorld: async () => world, createBackend: createPageBackend })
    const { win, parent, sent, deliver } = harness()
    installMessageApi(store, { allowedOrigin: HOST, win })
    await store.getState().load()
    const random = createRng(7, 'message-fuzz')
    const pick = <T>(xs: readonly T[]) => xs[random.int(xs.length)]!
    const before = JSON.stringify({ ...store.getState(), slots: null, world: null })

    // From elsewhere: another window, another origin, or both; well formed or not. Nothing happens.
    const stranger = { postMessage: () => undefined }
    for (let i = 0; i < 500; i++) {
      const command = pick(COMMANDS)
      const data = { type: 'p2pglobe', command, id: i, network: 'p2p', scenario: { kind: 'random', fraction: 0.5 } }
      const from = random.float()
      if (from < 0.33) deliver(data, stranger, HOST)
      else if (from < 0.66) deliver(data, parent, 'https://evil.example')
      else deliver(data, stranger, 'null')
    }
    await new Promise((r) => setTimeout(r, 20))
    // No answer, no change (the metrics of the networks' first build may come, unasked).
    expect(sent.filter((m) => m.event !== 'ready' && m.event !== 'metrics').map((m) => m.event)).toEqual([])
    expect(JSON.stringify({ ...store.getState(), slots: null, world: null })).toBe(before)

    // From the host: malformed in every way. Each gets an error event naming what was wrong.
    let malformed = 0
    for (let i = 0; i < 1000; i++) {
      const r = random.float()
      let data: unknown
      if (r < 0.2) data = { type: 'p2pglobe', command: pick(JUNK), id: i }
      else if (r < 0.4) data = { type: 'p2pglobe', command: 'setNetwork', network: pick(JUNK), id: i }
      else if (r < 0.6) data = { type: 'p2pglobe', command: 'runScenario', scenario: pick(JUNK), id: i }
      else if (r < 0.8) data = { type: 'p2pglobe', command: 'setParams', params: pick(JUNK), id: i }
      else data = { type: 'p2pglobe', command: pick(COMMANDS), id: i, extra: pick(JUNK) }
      malformed++
      expect(() => deliver(data, parent, HOST)).not.toThrow()
    }
    await new Promise((r) => setTimeout(r, 50))
    const errors = sent.filter((m) => m.event === 'error')
    const accepted = sent.filter((m) => m.event === 'state').map((m) => m.id)
    expect(accepted).toEqual([])
    expect(errors).toHaveLength(malformed)
    for (const e of errors) expect(typeof e.message).toBe('string')
    // Messages that are not for the demo at all (another library's) are left alone, without an answer.
    const count = sent.length
    for (const data of JUNK) deliver(data, parent, HOST)
    expect(sent.length).toBe(count)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
