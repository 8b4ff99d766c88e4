/**
 * The page's small scripting surface, `window.p2pglobe`, and its readiness signal. Tests, embedders and curious
 * visitors use it; nothing in the app reads it back.
 */

import type { StepMetrics } from '../sim/engine'
import type { NetworkSpec } from '../sim/index'
import {
  NetworkSpecSchema,
  ScenarioSpecSchema,
  SimOptionsSchema,
  firstIssue,
  toScenarioSpec,
  type ScenarioSpecInput,
} from '../sim/params'
import { z } from '../zod'
import { INCIDENT_FACTS } from '../sim/incidents/facts'
import { INCIDENT_IDS, incidentById } from '../sim/incidents/replay'
import type { ScenarioSpec } from '../sim/scenarios'
import { applyParams } from './boot'
import {
  ALL_KINDS,
  NETWORK_KINDS,
  activeMetrics,
  type AppStore,
  type NetworkKind,
  type Robustness,
  type Tool,
} from '../store/store'

/** What a pointer on the globe can do (see setTool). */
export const TOOLS: readonly Tool[] = ['rotate', 'failNode', 'cutLink', 'drawDisaster']

/** Renderer figures of the last rendered frame (from three's `renderer.info`). */
export interface RenderStats {
  /** Draw calls, triangles, points and line segments of the last frame. */
  drawCalls: number
  triangles: number
  points: number
  lines: number
  /** Geometries, textures and shader programs alive on the GPU. */
  geometries: number
  textures: number
  programs: number
  /**
   * Main-thread time of the last (up to 120) frames in ms, oldest first: from the start of the frame's update
   * callbacks to the end of its render call. Frames are only drawn when something changes (frameloop "demand").
   */
  frameTimesMs: number[]
  /** Of each of those frames, the part spent stepping the simulation (0 in frames without a step), ms. */
  simulationTimesMs: number[]
  /**
   * Device pixels per CSS pixel the canvas draws at: the display's ratio capped at 2, lowered a tier at a time
   * (1.5, 1, 0.75) while frames cannot keep up and raised again when they can. 0 before the first frame.
   */
  pixelRatio: number
}

/**
 * How a scenario's failures end, as the command line's --repair-after and --heal-after: failed nodes, cut links and
 * the people in a disaster area come back `repairAfterMin` simulated minutes after they failed (null: never; by
 * default each when whoever runs it has repaired it, sim/repair.ts), and self-healing starts to re-create a lost
 * replica `healAfterMin` minutes after its host failed (default 15; the copy then takes its data's time).
 */
export interface ScenarioRunOptions {
  repairAfterMin?: number | null
  healAfterMin?: number
}

const RunOptionsSchema = z.pick(SimOptionsSchema, { repairAfterMin: true, healAfterMin: true })

/** What getState() reports. */
export interface PageState {
  status: 'loading' | 'ready' | 'error'
  /** Where the simulation runs: in a Web Worker, or in the page where none could start. */
  backend: 'worker' | 'page' | null
  network: NetworkKind
  playing: boolean
  scenario: ScenarioSpec
  /** The active network's latest metrics (t in simulated minutes), null before the networks are built. */
  metrics: StepMetrics | null
  /** The story being presented: the step on screen (0-based), its number of steps, and whether it loops. */
  story: { index: number; count: number; kiosk: boolean } | null
  /** The robustness sweep: its status, trials done of all, and per network swept its points (shares in [0, 1]). */
  robustness: Pick<Robustness, 'status' | 'done' | 'total' | 'results' | 'error'>
}

export interface P2pGlobeApi {
  /** The app's version (package.json). */
  readonly version: string
  /** Figures of the last rendered frame; all zero before the first frame or without WebGL. */
  stats(): RenderStats
  getState(): PageState
  setNetwork(kind: NetworkKind): void
  /**
   * Starts a scenario on every network and plays it; resolves once it is set up. Every scenario of the command
   * line; a site by place or by its metro's id ({ kind: 'site', at: 'ashburn' }). `options` says when failures are
   * repaired; given, they hold for this run and the ones after, until given again.
   */
  runScenario(spec: ScenarioSpec | ScenarioSpecInput, options?: ScenarioRunOptions): Promise<void>
  /**
   * Replays a recorded outage on every network by its id ('aws-2025-10-20'; the list: incidents()), at a speed
   * that plays it in about half a minute, facing where it happened. An unknown id throws, naming the known ones.
   */
  runIncident(id: string): Promise<void>
  /** The recorded outages: id, title, date (UTC) and provider. */
  incidents(): { id: string; title: string; date: string; provider: string }[]
  play(): void
  pause(): void
  /** Advances the simulation by `count` steps (default 1), playing or not. */
  step(count?: number): Promise<void>
  reset(): Promise<void>
  /** Turns the globe's idle rotation on or off (off for still screenshots). */
  setAutoRotate(on: boolean): void
  /** Rebuilds one network with new parameters, e.g. { kind: 'p2p', nodes: 10000 }. */
  configure(spec: NetworkSpec): Promise<void>
  /** Sets how many simulated minutes pass per second. */
  setSpeed(minutesPerSecond: number): void
  /** Turns the globe so a place faces the viewer (a flight, or a jump when instant). */
  lookAt(lat: number, lon: number, options?: { instant?: boolean }): void
  /** Holds the canvas's pixel ratio (0.5 to 4), or with null lets it adapt to the frame rate again. */
  setPixelRatio(ratio: number | null): void
  /** What a press on the globe does: turn it, fail or repair a node, cut a link, or drag out a disaster area. */
  setTool(tool: Tool): void
  /** Shows a node's details (by its index in that network), or with null puts them away. */
  select(selected: { kind: NetworkKind; node: number } | null): void
  /**
   * Applies URL parameters (e.g. '?network=p2p&scenario=region&lat=35.7&lon=139.7') without reloading, as if the
   * page had been opened with them, except parentOrigin and embed. Returns what was ignored, as the notice shows it.
   */
  applyParams(query: string): string[]
}

declare global {
  interface Window {
    p2pglobe?: P2pGlobeApi
  }
  /** Injected by vite.config.ts (`define`). */
  const __P2PGLOBE_VERSION__: string
}

/** Dispatched on window once, after the first frame in which the land is drawn. */
export const READY_EVENT = 'p2pglobe:ready'

export const VERSION: string = typeof __P2PGLOBE_VERSION__ === 'string' ? __P2PGLOBE_VERSION__ : '0.0.0-dev'

export function emptyStats(): RenderStats {
  return {
    drawCalls: 0,
    triangles: 0,
    points: 0,
    lines: 0,
    geometries: 0,
    textures: 0,
    programs: 0,
    frameTimesMs: [],
    simulationTimesMs: [],
    pixelRatio: 0,
  }
}

type StatsSource = () => RenderStats

let statsSource: StatsSource | null = null

/** Lets the scene answer `stats()`; returns the function that withdraws it again. */
export function setStatsSource(source: StatsSource): () => void {
  statsSource = source
  return () => {
    if (statsSource === source) statsSource = null
  }
}

/** Puts `window.p2pglobe` in place (idempotent). */
export function installPageApi(store: AppStore, win: Window = window): P2pGlobeApi {
  const s = () => store.getState()
  const api: P2pGlobeApi = {
    version: VERSION,
    stats: () => statsSource?.() ?? emptyStats(),
    getState: () => {
      const state = s()
      return {
        status: state.status,
        backend: state.backend,
        network: state.active,
        playing: state.playing,
        scenario: state.scenario,
        metrics: activeMetrics(state),
        story: state.story
          ? { index: state.story.index, count: state.story.story.steps.length, kiosk: state.story.kiosk }
          : null,
        robustness: {
          status: state.robustness.status,
          done: state.robustness.done,
          total: state.robustness.total,
          results: state.robustness.results,
          error: state.robustness.error,
        },
      }
    },
    setNetwork: (kind) => {
      if (!NETWORK_KINDS.includes(kind)) {
        throw new TypeError(
          `p2pglobe.setNetwork: expected one of ${NETWORK_KINDS.join(', ')}, got ${JSON.stringify(kind)}`,
        )
      }
      s().setNetwork(kind)
    },
    runScenario: (spec, options) => {
      const r = ScenarioSpecSchema.safeParse(spec)
      if (!r.success) {
        const { path, message } = firstIssue(r.error)
        throw new TypeError(`p2pglobe.runScenario: ${path.join('.') || 'scenario'}: ${message}`)
      }
      if (options !== undefined) {
        const o = RunOptionsSchema.safeParse(options)
        if (!o.success) {
          const { path, message } = firstIssue(o.error)
          throw new TypeError(
            `p2pglobe.runScenario: options${path.length ? '.' + path.join('.') : ''}: ${message} ` +
              '(accepted: { repairAfterMin?: minutes or null, healAfterMin?: minutes })',
          )
        }
        store.setState({ options: { ...s().options, ...o.data } })
      }
      return s().runScenario(toScenarioSpec(r.data))
    },
    runIncident: async (id) => {
      if (typeof id !== 'string' || !incidentById(id))
        throw new TypeError(
          `p2pglobe.runIncident: expected one of ${INCIDENT_IDS.join(', ')}, got ${JSON.stringify(id)}`,
        )
      await s().runIncident(id)
    },
    incidents: () => INCIDENT_FACTS.map((i) => ({ id: i.id, title: i.title, date: i.date, provider: i.provider })),
    play: () => s().play(),
    pause: () => s().pause(),
    step: (count = 1) => s().step(Math.max(0, Math.min(10_000, Math.floor(Number(count) || 0)))),
    reset: () => s().reset(),
    setAutoRotate: (on) => s().setAutoRotate(Boolean(on)),
    configure: (spec) => {
      const r = NetworkSpecSchema.safeParse(spec)
      if (!r.success) {
        const { path, message } = firstIssue(r.error)
        throw new TypeError(`p2pglobe.configure: ${path.join('.') || 'spec'}: ${message}`)
      }
      return s().configure(r.data as NetworkSpec)
    },
    setSpeed: (x) => s().setSpeed(Number(x)),
    lookAt: (lat, lon, options) => s().lookAt({ lat: Number(lat), lon: Number(lon) }, Boolean(options?.instant)),
    setPixelRatio: (ratio) => s().setFixedPixelRatio(ratio === null ? null : Number(ratio)),
    setTool: (tool) => {
      if (!TOOLS.includes(tool))
        throw new TypeError(`p2pglobe.setTool: expected one of ${TOOLS.join(', ')}, got ${JSON.stringify(tool)}`)
      s().setTool(tool)
    },
    select: (selected) => {
      if (selected === null) return s().select(null)
      const n = s().slots[selected?.kind]?.net.graph.n ?? 0
      if (
        !ALL_KINDS.includes(selected?.kind) ||
        !Number.isInteger(selected.node) ||
        selected.node < 0 ||
        selected.node >= n
      )
        throw new TypeError(
          `p2pglobe.select: expected null or { kind, node } with a node of a built network, got ${JSON.stringify(selected)}`,
        )
      s().select({ kind: selected.kind, node: selected.node })
    },
    applyParams: (query) => {
      if (typeof query !== 'string')
        throw new TypeError(`p2pglobe.applyParams: expected a query string like "?network=p2p", got ${typeof query}`)
      return applyParams(store, query, win.location?.href ?? 'http://localhost/')
    },
  }
  win.p2pglobe = api
  return api
}

let ready = false

/** Marks the page ready: sets `<html data-ready="1">` and dispatches READY_EVENT. Only the first call counts. */
export function signalReady(): void {
  if (ready) return
  ready = true
  document.documentElement.dataset.ready = '1'
  window.dispatchEvent(new Event(READY_EVENT))
}
