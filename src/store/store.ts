/**
 * The app's one store (zustand, vanilla): what is shown and what runs, with the actions beside the state.
 * React components read narrow slices of it; the scene reads per-node state straight from each network's latest
 * snapshot (typed arrays) in its frame loop, never through React.
 *
 * The simulation itself runs behind a backend (a Web Worker in the browser, see backend.ts): actions that need it
 * return promises, and its answers land here as snapshots. Every network is built once and kept: switching shows
 * another one, it does not rebuild it. A scenario hits every network at once, at the same place and from the same
 * seed, and they all advance on one clock, so switching mid-scenario shows the other network under the same
 * failure at the same moment.
 */

import { createStore } from 'zustand/vanilla'
import type { StepMetrics } from '../sim/engine'
import type { NetworkSpec } from '../sim/index'
import type { Network } from '../sim/network'
import type { Place, ScenarioSpec } from '../sim/scenarios'
import { incidentById, incidentPlace, incidentSpeed } from '../sim/incidents/replay'
import { resolveScenario, scenarioPlace } from '../sim/scenarios'
import type { World } from '../sim/world'
import type { SweepFailure, SweepPoint } from '../sim/sweep'
import {
  ALL_KINDS,
  NETWORK_KINDS,
  type Act,
  type NetworkKind,
  type RunOptions,
  type SimSnapshot,
} from '../worker/protocol'
import { toScenarioSpec } from '../sim/params'
import type { Story } from '../story/schema'
import { Cancelled, type Job, type SimBackend } from './backend'

export { ALL_KINDS, NETWORK_KINDS, type NetworkKind }

/** The networks every page builds from parameters. */
export type BuiltInKind = Exclude<NetworkKind, 'imported'>
export { TRAFFIC_FLOWS } from '../worker/protocol'

export const NETWORK_LABELS: Record<NetworkKind, string> = {
  centralized: 'Centralized cloud',
  decentralized: 'Multi-region cloud',
  p2p: 'Peer-to-peer grid',
  imported: 'Imported network',
}

/** One network as it runs: built once; its snapshot replaced at every step. */
export interface Slot {
  kind: NetworkKind
  net: Network
  /** The latest state of its simulation. */
  view: SimSnapshot
  /** Metrics of every step of the current run, the first at t = 0. */
  series: StepMetrics[]
}

/** Simulated minutes per step. */
export const STEP_MINUTES = 1
/** At most this many steps asked for at once, so a slow frame never snowballs. */
const MAX_STEPS_PER_REQUEST = 4
/** Steps kept in a series (about a day at one minute a step). */
const MAX_SERIES = 1440

export const DEFAULT_SPECS: Record<BuiltInKind, NetworkSpec> = {
  centralized: { kind: 'centralized' },
  decentralized: { kind: 'decentralized' },
  p2p: { kind: 'p2p' },
}

export interface AppState {
  status: 'loading' | 'ready' | 'error'
  error: string | null
  /** Where the simulation runs: a Web Worker, or the page when no worker could start. */
  backend: 'worker' | 'page' | null
  world: World | null
  seed: number
  specs: Record<BuiltInKind, NetworkSpec>
  slots: Partial<Record<NetworkKind, Slot>>
  /** The network on screen, and the one before the last switch (for the cross-fade). */
  active: NetworkKind
  previous: NetworkKind | null
  /** performance.now() of the last switch, ms. */
  switchedAt: number
  scenario: ScenarioSpec
  /** Where the current scenario happens on the active network, if at one place. */
  focus: Place | null
  /** performance.now() when the current scenario was started, ms; null before any. */
  scenarioStartedAt: number | null
  playing: boolean
  /** Simulated minutes per second of real time. */
  speed: number
  /** Bumped whenever a snapshot arrives or what is shown changes: the scene refreshes what it draws from it. */
  frame: number
  /** Whether the globe turns by itself when nobody is touching it. */
  autoRotate: boolean
  /** The last place asked to face the viewer (a story step, the page API); the camera flies there. */
  view: (Place & { instant: boolean }) | null
  /** A pixel ratio held fixed (benchmarks, reference screenshots), or null to adapt it to the frame rate. */
  fixedPixelRatio: number | null
  /** Options every simulation is created with. */
  options: RunOptions
  /** The last import: under way, done (with what had to be assumed), or refused (and why). */
  importStatus: ImportStatus
  /** The robustness sweep: its progress and its results per network. */
  robustness: Robustness
  /** A network being rebuilt with new parameters (configure): which, how far, and the phase under way. */
  building: { kind: BuiltInKind; done: number; total: number; phase: string } | null
  /** Two networks side by side under the same scenario, or one. */
  compare: { on: boolean; left: NetworkKind; right: NetworkKind }
  /** What a pointer on the globe does: turn it, or act on what it points at. */
  tool: Tool
  /** The node the viewer points at or tapped, for its details. */
  selected: { kind: NetworkKind; node: number } | null
  /** The look of the page (kept between visits). */
  theme: Theme
  /** The panel open over the globe, if any. */
  panel: Panel | null
  /** The recorded outage a viewer points at in its panel (its place lit on the globe), if any. */
  incidentFocus: string | null
  /** How much of the page's chrome shows: everything, the globe and its numbers, or the globe alone. */
  ui: UiMode
  /** Embedded in another page: a quiet globe with a link to the full demo. */
  embed: boolean
  /** Whether dragging and zooming the globe is on (off by default when embedded, so the host page scrolls). */
  interactive: boolean
  /** Things the viewer should know that went wrong in setting up (a bad URL parameter…), in plain sentences. */
  notices: string[]
  /** The story being presented, the step on screen, and whether it loops unattended (kiosk). */
  story: { story: Story; index: number; kiosk: boolean } | null

  load(): Promise<void>
  setNetwork(kind: NetworkKind): void
  /** Starts a scenario on every network (at the next step) and plays it. */
  runScenario(spec: ScenarioSpec): Promise<void>
  /**
   * Replays a recorded outage (incidents/data.ts) on every network, at a speed that plays it in about half a
   * minute, facing where it happened. False, with nothing changed, for an unknown id.
   */
  runIncident(id: string): Promise<boolean>
  play(): void
  pause(): void
  /** Advances every network by `count` steps (default 1). */
  step(count?: number): Promise<void>
  /** Back to healthy networks at t = 0, the scenario kept but not yet started. */
  reset(): Promise<void>
  /**
   * Rebuilds one network with new parameters (its kind stays); it starts healthy under the current scenario. The
   * build's progress is in `building`; cancelBuild stops it, and the network before it stays.
   */
  configure(spec: NetworkSpec): Promise<void>
  cancelBuild(): void
  setSpeed(minutesPerSecond: number): void
  setSeed(seed: number): Promise<void>
  setAutoRotate(on: boolean): void
  setFixedPixelRatio(ratio: number | null): void
  /** Turns the globe so the place faces the viewer: a flight, or a jump when instant. */
  lookAt(place: Place, instant?: boolean): void
  /** Reads a node-link graph or a grid node list into the 'imported' network and shows it; a bad file changes nothing. */
  importNetwork(text: string, name: string): Promise<ImportStatus>
  /** Acts by hand on the network on screen (fail a node, repair it, cut a link). */
  act(act: Act): Promise<void>
  /** Sweeps the fraction failed on each network (default: every one built) in the background; one at a time. */
  runSweep(request: SweepRequest): Promise<void>
  cancelSweep(): void
  setCompare(compare: Partial<AppState['compare']>): void
  setTool(tool: Tool): void
  select(selected: AppState['selected']): void
  setTheme(theme: Theme): void
  openPanel(panel: Panel | null): void
  /** Points at a recorded outage (or at none): its place is lit on the globe, which turns to face it. */
  focusIncident(id: string | null): void
  setPresentation(p: Partial<Pick<AppState, 'ui' | 'embed' | 'interactive'>>): void
  notify(notices: string[]): void
  dismissNotices(): void
  /** Starts presenting a story at a step (0-based). */
  loadStory(story: Story, index?: number, kiosk?: boolean): Promise<void>
  /** Shows a step of the story (clamped to its steps). */
  goToStep(index: number): Promise<void>
  /** The next step; on the last one it stays, unless the story loops unattended (kiosk): then to the first. */
  nextStep(): Promise<void>
  previousStep(): Promise<void>
  exitStory(): void
  setKiosk(on: boolean): void
  /**
   * Moves the clock by real time (seconds) while playing, and asks the simulation for the steps that are due
   * (never more than one request at a time). Returns whether it asked.
   */
  advance(dtSeconds: number): boolean
  /** Resolves once no step is under way (for tests and the page API). */
  whenIdle(): Promise<void>
}

export type Tool = 'rotate' | 'failNode' | 'cutLink' | 'drawDisaster'
export type Panel = 'methodology' | 'robustness' | 'incidents'
export type UiMode = 'full' | 'minimal' | 'none'
export type Theme = 'dark' | 'projector' | 'light'
export const THEMES: readonly Theme[] = ['dark', 'projector', 'light']

export type ImportStatus =
  | { state: 'idle' }
  | { state: 'loading'; name: string }
  | { state: 'done'; name: string; warnings: string[] }
  | { state: 'failed'; name: string; error: string }

export interface SweepRequest {
  failure: SweepFailure
  fractions: number[]
  trials: number
  by?: 'degree' | 'load'
  kinds?: NetworkKind[]
}

export interface Robustness {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed'
  request: SweepRequest | null
  /** Trials done and to do, over every network swept. */
  done: number
  total: number
  results: Partial<Record<NetworkKind, SweepPoint[]>>
  error: string | null
}

/** Files over this size are refused before reading (a browser tab must not freeze on one). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024

export interface StoreDeps {
  /** The world the page draws (its people); the backend loads its own. */
  loadWorld: () => Promise<World>
  /** Where the simulation will run. */
  createBackend: (world: World) => SimBackend | Promise<SimBackend>
  now?: () => number
}

/** Notices kept at most, the newest. */
export const MAX_NOTICES = 20

export function createAppStore({ loadWorld, createBackend, now = () => performance.now() }: StoreDeps) {
  let backend: SimBackend | null = null
  /** Real-time remainder towards the next step, simulated minutes. */
  let carry = 0
  /** The step request under way, if any. */
  let stepping: Promise<void> | null = null
  /** The rebuild under way (configure), if any; its job once started. */
  let building: { job: Job<unknown> | null } | null = null
  /**
   * The rebuild of every network for a new seed, under way. What would start on the networks (a scenario, a
   * rebuild of one network, the next new seed) waits for it: else its result, arriving later, would put back
   * networks without that scenario, or of the other seed.
   */
  let reseeding: Promise<void> | null = null
  const afterReseeding = async () => {
    while (reseeding) await reseeding.catch(() => undefined)
  }
  /** Pauses asked for so far: a scenario whose setup saw one does not start playing over it. */
  let pauses = 0
  /** The sweep under way, if any: its current network's job, and whether it was told to stop. */
  let sweeping: { job: Job<SweepPoint[]> | null; stopped: boolean } | null = null
  const stopSweep = () => {
    if (!sweeping) return
    sweeping.stopped = true
    sweeping.job?.cancel()
  }

  return createStore<AppState>()((set, get) => {
    const need = (): SimBackend => {
      if (!backend) throw new Error('the simulation is not loaded yet')
      return backend
    }

    /**
     * Takes in snapshots; one from an older run than the slot's (a step that crossed a restart) is dropped.
     *
     * The clock stops by itself at the step that settles the networks: every one is settled now (its scenario has
     * run its course and everything is back, see Simulation.isSettled) and one of them was not before this step.
     * While anything is down it runs on, since an outage goes on costing until it is repaired. Networks that were
     * settled already keep it running: a normal day with no scenario, or Play again once everything is back.
     */
    const apply = (snapshots: SimSnapshot[], fresh: boolean) => {
      const slots = { ...get().slots }
      let settling = false
      for (const view of snapshots) {
        const slot = slots[view.kind]
        if (!slot) continue
        if (fresh) {
          slots[view.kind] = { ...slot, view, series: [view.metrics] }
        } else if (view.run === slot.view.run) {
          if (view.settled && !slot.view.settled) settling = true
          slot.series.push(view.metrics)
          if (slot.series.length > MAX_SERIES) slot.series.splice(0, slot.series.length - MAX_SERIES)
          slots[view.kind] = { ...slot, view }
        }
      }
      const { active, focus, scenario } = get()
      set({ slots, frame: get().frame + 1, focus: focus ?? travellingFocus(slots[active], scenario) })
      if (!fresh && settling && snapshots.every((v) => v.settled)) set({ playing: false })
    }

    /**
     * Restarts under way. While one is, the clock asks for no steps: they would reach the new run as soon as it
     * starts, and land after a pause asked for the moment runScenario resolves (the new run already at T+2).
     */
    let restarting = 0
    const restart = async (spec: ScenarioSpec) => {
      restarting++
      try {
        if (reseeding) await afterReseeding()
        const snapshots = await need().start(spec, get().seed, get().options)
        apply(snapshots, true)
      } finally {
        restarting--
        carry = 0
      }
    }

    const buildAll = async (seed: number) => {
      const slots: Partial<Record<NetworkKind, Slot>> = {}
      for (const kind of NETWORK_KINDS) {
        const { net, snapshot } = await need().build(kind, get().specs[kind as BuiltInKind], seed)
        slots[kind] = { kind, net, view: snapshot, series: [snapshot.metrics] }
      }
      carry = 0
      return slots
    }

    return {
      status: 'loading',
      error: null,
      backend: null,
      world: null,
      seed: 1,
      specs: DEFAULT_SPECS,
      slots: {},
      active: 'centralized',
      previous: null,
      switchedAt: -Infinity,
      scenario: { kind: 'none' },
      focus: null,
      scenarioStartedAt: null,
      playing: false,
      speed: 2,
      frame: 0,
      autoRotate: true,
      view: null,
      fixedPixelRatio: null,
      options: {},
      importStatus: { state: 'idle' },
      robustness: { status: 'idle', request: null, done: 0, total: 0, results: {}, error: null },
      building: null,
      compare: { on: false, left: 'centralized', right: 'p2p' },
      tool: 'rotate',
      selected: null,
      theme: 'dark',
      panel: null,
      incidentFocus: null,
      ui: 'full',
      embed: false,
      interactive: true,
      notices: [],
      story: null,

      async load() {
        try {
          const world = await loadWorld()
          backend = await createBackend(world)
          set({ world, backend: backend.where })
          const slots = await buildAll(get().seed)
          set({ status: 'ready', slots, frame: get().frame + 1 })
        } catch (e) {
          set({ status: 'error', error: e instanceof Error ? e.message : String(e) })
        }
      },

      setNetwork(kind) {
        const { active, slots, scenario, scenarioStartedAt } = get()
        if (kind === active || !slots[kind]) return
        const focus = scenarioStartedAt === null ? null : placeOf(slots[kind], scenario)
        set({ active: kind, previous: active, switchedAt: now(), focus, frame: get().frame + 1 })
      },

      async runScenario(spec) {
        // A pause asked for while the networks restart (a presenter's Space just after Next) holds.
        const pausesBefore = pauses
        await restart(spec)
        set({
          scenario: spec,
          focus: placeOf(get().slots[get().active], spec),
          scenarioStartedAt: now(),
          playing: pauses === pausesBefore,
        })
      },

      async runIncident(id) {
        const inc = incidentById(id)
        if (!inc) return false
        get().setSpeed(incidentSpeed(inc))
        const place = incidentPlace(inc)
        if (place) get().lookAt(place)
        await get().runScenario({ kind: 'incident', id })
        return true
      },

      play() {
        set({ playing: true })
      },

      pause() {
        pauses++
        set({ playing: false })
      },

      async step(count = 1) {
        const n = Math.max(0, Math.min(10_000, Math.floor(count)))
        if (n === 0) return
        // One request at a time, in order: wait for any under way (from the clock) first.
        while (stepping) await stepping
        const done: Promise<void> = need()
          .step(n)
          .then((snapshots) => apply(snapshots, false))
          .finally(() => {
            if (stepping === done) stepping = null
          })
        stepping = done
        await done
      },

      async reset() {
        await restart(get().scenario)
        set({ playing: false, scenarioStartedAt: null, focus: null })
      },

      async configure(spec) {
        const kind: BuiltInKind = spec.kind
        if (!backend) {
          set({ specs: { ...get().specs, [kind]: spec } })
          return
        }
        // (Without one under way, nothing to wait for: the build starts now, and cancelBuild finds it at once.)
        if (reseeding) await afterReseeding()
        // One build at a time: a new one replaces one under way.
        building?.job?.cancel()
        const mine: { job: Job<unknown> | null } = { job: null }
        building = mine
        set({ building: { kind, done: 0, total: 1, phase: 'starting' } })
        const job = backend.buildJob(kind, spec, get().seed, (done, total, phase) => {
          if (building === mine) set({ building: { kind, done, total, phase } })
        })
        mine.job = job
        try {
          const { net, snapshot } = await job.result
          set({
            specs: { ...get().specs, [kind]: spec },
            slots: { ...get().slots, [kind]: { kind, net, view: snapshot, series: [snapshot.metrics] } },
            frame: get().frame + 1,
          })
        } catch (e) {
          // Cancelled: the network before it stays, with its parameters.
          if (!(e instanceof Cancelled)) throw e
        } finally {
          if (building === mine) {
            building = null
            set({ building: null })
          }
        }
      },

      cancelBuild() {
        building?.job?.cancel()
      },

      async importNetwork(text, name) {
        const status = (s: ImportStatus) => {
          set({ importStatus: s })
          return s
        }
        if (text.length > MAX_IMPORT_BYTES) {
          return status({
            state: 'failed',
            name,
            error: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
          })
        }
        status({ state: 'loading', name })
        try {
          const r = await need().import(text, name, get().seed)
          if (!r.ok) return status({ state: 'failed', name, error: r.error })
          const { net, snapshot } = r
          set({
            slots: { ...get().slots, imported: { kind: 'imported', net, view: snapshot, series: [snapshot.metrics] } },
          })
          get().setNetwork('imported')
          return status({ state: 'done', name, warnings: r.warnings })
        } catch (e) {
          return status({ state: 'failed', name, error: e instanceof Error ? e.message : String(e) })
        }
      },

      async act(act) {
        const kind = get().active
        const view = await need().act(kind, act)
        const slot = get().slots[kind]
        if (!slot || slot.view.run !== view.run) return
        // Same moment, new state: the series' last entry is replaced.
        const series = slot.series
        series[series.length - 1] = view.metrics
        set({ slots: { ...get().slots, [kind]: { ...slot, view } }, frame: get().frame + 1 })
      },

      async runSweep(request) {
        stopSweep()
        const run: { job: Job<SweepPoint[]> | null; stopped: boolean } = { job: null, stopped: false }
        sweeping = run
        const built = ALL_KINDS.filter((k) => get().slots[k])
        const kinds = (request.kinds ?? built).filter((k) => built.includes(k))
        const trials = Math.max(1, Math.floor(request.trials))
        const total = kinds.length * trials
        const results: Partial<Record<NetworkKind, SweepPoint[]>> = {}
        set({ robustness: { status: 'running', request, done: 0, total, results: {}, error: null } })
        try {
          for (const [i, kind] of kinds.entries()) {
            run.job = need().sweep(
              kind,
              { failure: request.failure, fractions: request.fractions, trials, by: request.by, seed: get().seed },
              (done) => {
                if (!run.stopped) set({ robustness: { ...get().robustness, done: i * trials + done } })
              },
            )
            const points = await run.job.result
            // A cancel can land on a network's last trial, when its job no longer listens: it stops here instead.
            if (run.stopped) throw new Cancelled()
            results[kind] = points
            set({ robustness: { ...get().robustness, done: (i + 1) * trials, results: { ...results } } })
          }
          set({ robustness: { ...get().robustness, status: 'done' } })
        } catch (e) {
          // Replaced by a newer sweep: the state is that one's now.
          if (sweeping !== run) return
          if (e instanceof Cancelled) set({ robustness: { ...get().robustness, status: 'cancelled' } })
          else
            set({
              robustness: { ...get().robustness, status: 'failed', error: e instanceof Error ? e.message : String(e) },
            })
        } finally {
          if (sweeping === run) sweeping = null
        }
      },

      cancelSweep() {
        stopSweep()
      },

      setCompare(compare) {
        const next = { ...get().compare, ...compare }
        if (!get().slots[next.left] || !get().slots[next.right]) return
        set({ compare: next, frame: get().frame + 1 })
      },

      setTool(tool) {
        set({ tool })
      },

      select(selected) {
        set({ selected })
      },

      setTheme(theme) {
        if (THEMES.includes(theme)) set({ theme })
      },

      openPanel(panel) {
        set({ panel, incidentFocus: null })
      },

      focusIncident(id) {
        if (id === get().incidentFocus) return
        const inc = id === null ? undefined : incidentById(id)
        set({ incidentFocus: inc ? id : null })
        const place = inc ? incidentPlace(inc) : null
        if (place) get().lookAt(place)
      },

      setPresentation(p) {
        set(p)
      },

      notify(notices) {
        // The latest few: a page driven by a script (applyParams, messages) must not pile them up without end.
        if (notices.length > 0) set({ notices: [...get().notices, ...notices].slice(-MAX_NOTICES) })
      },

      dismissNotices() {
        set({ notices: [] })
      },

      async loadStory(story, index = 0, kiosk = false) {
        set({ story: { story, index: -1, kiosk } })
        await get().goToStep(index)
      },

      async goToStep(index) {
        const current = get().story
        if (!current) return
        const i = Math.max(0, Math.min(current.story.steps.length - 1, Math.floor(index)))
        const step = current.story.steps[i]!
        set({ story: { ...current, index: i } })
        const s = get()
        s.setCompare(step.compare ? { on: true, ...step.compare } : { on: false })
        if (s.slots[step.network]) s.setNetwork(step.network)
        if (step.view) s.lookAt(step.view)
        if (step.speed !== undefined) s.setSpeed(step.speed)
        await s.runScenario(toScenarioSpec(step.scenario ?? { kind: 'none' }))
        // A step without a scenario is a still picture; one with a scenario plays unless it says otherwise.
        if (step.play === false || (step.play === undefined && !step.scenario)) get().pause()
      },

      async nextStep() {
        const current = get().story
        if (!current) return
        const count = current.story.steps.length
        // The unattended loop comes round to the start; a presenter's Next on the last step stays (going to it
        // again would restart its scenario under the audience's eyes).
        if (current.kiosk) await get().goToStep((current.index + 1) % count)
        else if (current.index < count - 1) await get().goToStep(current.index + 1)
      },

      async previousStep() {
        const current = get().story
        if (current) await get().goToStep(current.index - 1)
      },

      exitStory() {
        set({ story: null })
      },

      setKiosk(on) {
        const current = get().story
        if (current) set({ story: { ...current, kiosk: on } })
      },

      setSpeed(minutesPerSecond) {
        if (Number.isFinite(minutesPerSecond) && minutesPerSecond > 0) set({ speed: minutesPerSecond })
      },

      async setSeed(seed) {
        if (!Number.isInteger(seed) || seed < 0) return
        set({ seed })
        if (!backend) return
        // After the one before, if any (not afterReseeding: that would wait on this one too).
        const previous = reseeding
        const mine = (async () => {
          await previous?.catch(() => undefined)
          // And after a network's rebuild under way (configure), whose result would otherwise land last.
          await building?.job?.result.catch(() => undefined)
          const slots = await buildAll(seed)
          set({ slots, playing: false, scenarioStartedAt: null, focus: null, frame: get().frame + 1 })
        })()
        reseeding = mine
        try {
          await mine
        } finally {
          if (reseeding === mine) reseeding = null
        }
      },

      setAutoRotate(on) {
        set({ autoRotate: on })
      },

      setFixedPixelRatio(ratio) {
        if (ratio === null || (Number.isFinite(ratio) && ratio >= 0.5 && ratio <= 4)) set({ fixedPixelRatio: ratio })
      },

      lookAt(place, instant = false) {
        if (!Number.isFinite(place.lat) || !Number.isFinite(place.lon)) return
        const lat = Math.max(-90, Math.min(90, place.lat))
        set({ view: { lat, lon: place.lon, instant } })
      },

      advance(dtSeconds) {
        const { playing, speed } = get()
        if (!playing || !(dtSeconds > 0) || !backend || restarting > 0) return false
        // Clamp: a long gap (hidden tab, stalled frame) resumes where it stopped instead of jumping ahead.
        carry = Math.min(carry + Math.min(dtSeconds, 0.25) * speed, MAX_STEPS_PER_REQUEST * STEP_MINUTES)
        if (stepping || carry < STEP_MINUTES) return false
        const n = Math.min(MAX_STEPS_PER_REQUEST, Math.floor(carry / STEP_MINUTES))
        carry -= n * STEP_MINUTES
        void get().step(n)
        return true
      },

      async whenIdle() {
        while (stepping) await stepping
      },
    }
  })
}

export type AppStore = ReturnType<typeof createAppStore>

/** Where a scenario happens on one network, if at one place. */
function placeOf(slot: Slot | undefined, spec: ScenarioSpec): Place | null {
  return slot ? scenarioPlace(slot.net, resolveScenario(slot.net, spec)) : null
}

/** A cascade, a spreading failure or a push has no place until it starts: then it is where its first node failed. */
function travellingFocus(slot: Slot | undefined, spec: ScenarioSpec): Place | null {
  if (!slot || (spec.kind !== 'cascade' && spec.kind !== 'spread' && spec.kind !== 'push')) return null
  const { origin } = slot.view
  return slot.net.hasGeo && origin >= 0 ? { lat: slot.net.lat[origin]!, lon: slot.net.lon[origin]! } : null
}

/** The active network's slot. */
export function activeSlot(state: AppState): Slot | undefined {
  return state.slots[state.active]
}

/** The active network's latest metrics. */
export function activeMetrics(state: AppState): StepMetrics | null {
  return activeSlot(state)?.view.metrics ?? null
}
