/**
 * The postMessage API for pages that embed the demo in an iframe (modelled on reveal.js's). A message is taken
 * only from the embedding window (window.parent) and the allowed origin, and only if it is one of the commands
 * below, checked field by field; a bad one gets an error event back, never an exception. Events and replies go to
 * the allowed origin only, never to "*", and only once it is known to be the embedding page's: named by the
 * address (parentOrigin), or the demo's own when the embedding page is on it. A page on another origin that did
 * not name itself hears nothing (a message posted to an origin the recipient is not on fails loudly in its
 * console).
 *
 * Host → demo: { type: 'p2pglobe', command, id?, ...arguments }
 * Demo → host: { type: 'p2pglobe', event, id?, ... }: ready, state, stateChanged, scenarioFinished, metrics, error,
 * and key (a key the demo did not use, for the host to act on).
 */

import { z } from '../zod'
import { INCIDENT_IDS } from '../sim/incidents/replay'
import { NetworkSpecSchema, ScenarioSpecSchema, toScenarioSpec } from '../sim/params'
import { THEMES, activeMetrics, type AppStore, type Theme } from '../store/store'
import { afterDispatch, isFormField } from './keys'

export const MESSAGE_TYPE = 'p2pglobe'
/** Metrics events at most this often, ms. */
export const METRICS_INTERVAL_MS = 500

const Id = z.optional(z.union([z.string().check(z.maxLength(100)), z.number()]))

const Command = z.discriminatedUnion('command', [
  z.strictObject({
    type: z.literal(MESSAGE_TYPE),
    id: Id,
    command: z.literal('setNetwork'),
    network: z.enum(['centralized', 'decentralized', 'p2p', 'imported']),
  }),
  z.strictObject({
    type: z.literal(MESSAGE_TYPE),
    id: Id,
    command: z.literal('runScenario'),
    scenario: ScenarioSpecSchema,
  }),
  z.strictObject({
    type: z.literal(MESSAGE_TYPE),
    id: Id,
    command: z.literal('runIncident'),
    incident: z.enum(INCIDENT_IDS as [string, ...string[]]),
  }),
  z.strictObject({ type: z.literal(MESSAGE_TYPE), id: Id, command: z.literal('play') }),
  z.strictObject({ type: z.literal(MESSAGE_TYPE), id: Id, command: z.literal('pause') }),
  z.strictObject({ type: z.literal(MESSAGE_TYPE), id: Id, command: z.literal('reset') }),
  z.strictObject({ type: z.literal(MESSAGE_TYPE), id: Id, command: z.literal('getState') }),
  z.strictObject({
    type: z.literal(MESSAGE_TYPE),
    id: Id,
    command: z.literal('goToStep'),
    step: z.number().check(z.int(), z.gte(1), z.lte(99)),
  }),
  z.strictObject({
    type: z.literal(MESSAGE_TYPE),
    id: Id,
    command: z.literal('setParams'),
    params: z.strictObject({
      network: z.optional(NetworkSpecSchema),
      seed: z.optional(z.number().check(z.int(), z.gte(0), z.lte(Number.MAX_SAFE_INTEGER))),
      speed: z.optional(z.number().check(z.gte(0.1), z.lte(1000))),
      theme: z.optional(z.enum(THEMES as [Theme, ...Theme[]])),
      autoRotate: z.optional(z.boolean()),
    }),
  }),
])
export type Command = z.infer<typeof Command>

/** Story steps, when a story is loaded (the presenter mode answers goToStep through this). */
export interface StoryControl {
  goToStep(step: number): void
}

export interface MessageApiOptions {
  /** The origin allowed to send commands and receive events. */
  allowedOrigin: string
  /**
   * allowedOrigin is the demo's own, assumed for want of a parentOrigin in the address: then nothing is sent or
   * taken unless the embedding page really is on that origin. Off by default: allowedOrigin was named.
   */
  assumed?: boolean
  win?: Window
  story?: () => StoryControl | null
}

/**
 * Whether the embedding page is on `origin`. Only a page on the demo's own origin lets the demo read its
 * location; any other throws, which is the answer: not on it.
 */
function parentIsOn(win: Window, origin: string): boolean {
  try {
    return win.parent.location.origin === origin
  } catch {
    return false
  }
}

/** The state a host is told about. */
function describe(store: AppStore) {
  const s = store.getState()
  return {
    status: s.status,
    network: s.active,
    playing: s.playing,
    scenario: s.scenario,
    metrics: activeMetrics(s),
  }
}

/**
 * Listens for the host's commands and tells it what happens. Returns a function that stops both. Safe to call
 * in a page that is not embedded: then nothing is ever accepted or sent.
 */
export function installMessageApi(
  store: AppStore,
  { allowedOrigin, assumed = false, win = window, story }: MessageApiOptions,
): () => void {
  const parent = win.parent
  // Embedded, and by a page on the allowed origin, as far as can be known.
  const embedded = parent && parent !== win && (!assumed || parentIsOn(win, allowedOrigin))
  const post = (message: Record<string, unknown>) => {
    if (!embedded) return
    try {
      parent.postMessage({ type: MESSAGE_TYPE, ...message }, allowedOrigin)
    } catch {
      // The host navigated away or the origin no longer matches: nothing to tell.
    }
  }

  const onMessage = (event: MessageEvent) => {
    // Only the embedding page, and only from the allowed origin; anything else is not even answered.
    if (!embedded || event.source !== parent || event.origin !== allowedOrigin) return
    const data: unknown = event.data
    if (!data || typeof data !== 'object' || (data as { type?: unknown }).type !== MESSAGE_TYPE) return
    const parsed = Command.safeParse(data)
    const id = (data as { id?: unknown }).id
    const replyId = typeof id === 'string' || typeof id === 'number' ? id : undefined
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const where = issue.path.length ? issue.path.join('.') : 'message'
      post({ event: 'error', id: replyId, message: `${where}: ${issue.message}` })
      return
    }
    void run(parsed.data).catch((e: unknown) =>
      post({ event: 'error', id: replyId, message: e instanceof Error ? e.message : String(e) }),
    )
  }

  const run = async (cmd: Command) => {
    const s = store.getState()
    switch (cmd.command) {
      case 'setNetwork':
        if (!s.slots[cmd.network]) throw new Error(`network: no ${cmd.network} network is loaded`)
        s.setNetwork(cmd.network)
        break
      case 'runScenario':
        await s.runScenario(toScenarioSpec(cmd.scenario))
        break
      case 'runIncident':
        await s.runIncident(cmd.incident)
        break
      case 'play':
        s.play()
        break
      case 'pause':
        s.pause()
        break
      case 'reset':
        await s.reset()
        break
      case 'goToStep': {
        const control = story?.()
        if (!control) throw new Error('goToStep: no story is loaded')
        control.goToStep(cmd.step)
        break
      }
      case 'setParams': {
        const p = cmd.params
        if (p.network) await s.configure(p.network)
        if (p.seed !== undefined) await s.setSeed(p.seed)
        if (p.speed !== undefined) s.setSpeed(p.speed)
        if (p.theme) s.setTheme(p.theme)
        if (p.autoRotate !== undefined) s.setAutoRotate(p.autoRotate)
        break
      }
      case 'getState':
        break
    }
    post({ event: 'state', id: cmd.id, state: describe(store) })
  }

  win.addEventListener('message', onMessage)

  // Keys the demo does not use go on to the host (a slide deck's arrows, its own shortcuts): once every handler
  // here has seen a key, one that none used (preventDefault) and that was not typed into a control is told to the
  // host, which re-dispatches it on its side (public/embed/host.js).
  const onKey = (e: KeyboardEvent) => {
    if (!embedded || e.repeat || (e.key !== 'Escape' && isFormField(e.target))) return
    afterDispatch(e, () =>
      post({
        event: 'key',
        key: e.key,
        code: e.code,
        altKey: e.altKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
      }),
    )
  }
  win.addEventListener('keydown', onKey)

  // Events: ready once, state changes, a finished scenario, metrics at a bounded rate.
  let lastMetrics = 0
  let readySent = false
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.status === 'ready' && !readySent) {
      readySent = true
      post({ event: 'ready', state: describe(store) })
    }
    if (s.active !== prev.active || s.playing !== prev.playing || s.scenario !== prev.scenario) {
      post({ event: 'stateChanged', state: describe(store) })
    }
    if (prev.playing && !s.playing && s.scenarioStartedAt !== null) {
      const finished = Object.values(s.slots).every((slot) => slot.view.settled)
      if (finished) post({ event: 'scenarioFinished', state: describe(store) })
    }
    if (s.frame !== prev.frame) {
      const now = Date.now()
      if (now - lastMetrics >= METRICS_INTERVAL_MS) {
        lastMetrics = now
        post({ event: 'metrics', network: s.active, metrics: activeMetrics(s) })
      }
    }
  })
  if (store.getState().status === 'ready') {
    readySent = true
    post({ event: 'ready', state: describe(store) })
  }

  return () => {
    win.removeEventListener('message', onMessage)
    win.removeEventListener('keydown', onKey)
    unsubscribe()
  }
}
