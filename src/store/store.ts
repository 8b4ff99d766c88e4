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
import { resolveScenario, scenarioPlace } from '../sim/scenarios'
import type { World } from '../sim/world'
import { NETWORK_KINDS, type NetworkKind, type RunOptions, type SimSnapshot } from '../worker/protocol'
import type { SimBackend } from './backend'

export { NETWORK_KINDS, type NetworkKind }
export { TRAFFIC_FLOWS } from '../worker/simHost'

export const NETWORK_LABELS: Record<NetworkKind, string> = {
  centralized: 'Centralized cloud',
  decentralized: 'Multi-region cloud',
  p2p: 'Peer-to-peer grid',
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

export const DEFAULT_SPECS: Record<NetworkKind, NetworkSpec> = {
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
  specs: Record<NetworkKind, NetworkSpec>
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

  load(): Promise<void>
  setNetwork(kind: NetworkKind): void
  /** Starts a scenario on every network (at the next step) and plays it. */
  runScenario(spec: ScenarioSpec): Promise<void>
  play(): void
  pause(): void
  /** Advances every network by `count` steps (default 1). */
  step(count?: number): Promise<void>
  /** Back to healthy networks at t = 0, the scenario kept but not yet started. */
  reset(): Promise<void>
  /** Rebuilds one network with new parameters (its kind stays); it starts healthy under the current scenario. */
  configure(spec: NetworkSpec): Promise<void>
  setSpeed(minutesPerSecond: number): void
  setSeed(seed: number): Promise<void>
  setAutoRotate(on: boolean): void
  setFixedPixelRatio(ratio: number | null): void
  /** Turns the globe so the place faces the viewer: a flight, or a jump when instant. */
  lookAt(place: Place, instant?: boolean): void
  /**
   * Moves the clock by real time (seconds) while playing, and asks the simulation for the steps that are due
   * (never more than one request at a time). Returns whether it asked.
   */
  advance(dtSeconds: number): boolean
  /** Resolves once no step is under way (for tests and the page API). */
  whenIdle(): Promise<void>
}

export interface StoreDeps {
  /** The world the page draws (its people); the backend loads its own. */
  loadWorld: () => Promise<World>
  /** Where the simulation will run. */
  createBackend: (world: World) => SimBackend | Promise<SimBackend>
  now?: () => number
}

export function createAppStore({ loadWorld, createBackend, now = () => performance.now() }: StoreDeps) {
  let backend: SimBackend | null = null
  /** Real-time remainder towards the next step, simulated minutes. */
  let carry = 0
  /** The step request under way, if any. */
  let stepping: Promise<void> | null = null

  return createStore<AppState>()((set, get) => {
    const need = (): SimBackend => {
      if (!backend) throw new Error('the simulation is not loaded yet')
      return backend
    }

    /** Takes in snapshots; one from an older run than the slot's (a step that crossed a restart) is dropped. */
    const apply = (snapshots: SimSnapshot[], fresh: boolean) => {
      const slots = { ...get().slots }
      for (const view of snapshots) {
        const slot = slots[view.kind]
        if (!slot) continue
        if (fresh) {
          slots[view.kind] = { ...slot, view, series: [view.metrics] }
        } else if (view.run === slot.view.run) {
          slot.series.push(view.metrics)
          if (slot.series.length > MAX_SERIES) slot.series.splice(0, slot.series.length - MAX_SERIES)
          slots[view.kind] = { ...slot, view }
        }
      }
      const { active, focus, scenario } = get()
      set({ slots, frame: get().frame + 1, focus: focus ?? travellingFocus(slots[active], scenario) })
      if (!fresh && snapshots.length > 0 && snapshots.every((v) => v.settled)) set({ playing: false })
    }

    const restart = async (spec: ScenarioSpec) => {
      carry = 0
      const snapshots = await need().start(spec, get().seed, get().options)
      apply(snapshots, true)
    }

    const buildAll = async (seed: number) => {
      const slots: Partial<Record<NetworkKind, Slot>> = {}
      for (const kind of NETWORK_KINDS) {
        const { net, snapshot } = await need().build(kind, get().specs[kind], seed)
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
        if (kind === active) return
        const focus = scenarioStartedAt === null ? null : placeOf(slots[kind], scenario)
        set({ active: kind, previous: active, switchedAt: now(), focus, frame: get().frame + 1 })
      },

      async runScenario(spec) {
        await restart(spec)
        set({
          scenario: spec,
          focus: placeOf(get().slots[get().active], spec),
          scenarioStartedAt: now(),
          playing: true,
        })
      },

      play() {
        set({ playing: true })
      },

      pause() {
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
        const kind: NetworkKind = spec.kind
        set({ specs: { ...get().specs, [kind]: spec } })
        if (!backend) return
        const { net, snapshot } = await backend.build(kind, spec, get().seed)
        set({
          slots: { ...get().slots, [kind]: { kind, net, view: snapshot, series: [snapshot.metrics] } },
          frame: get().frame + 1,
        })
      },

      setSpeed(minutesPerSecond) {
        if (Number.isFinite(minutesPerSecond) && minutesPerSecond > 0) set({ speed: minutesPerSecond })
      },

      async setSeed(seed) {
        if (!Number.isInteger(seed) || seed < 0) return
        set({ seed })
        if (!backend) return
        const slots = await buildAll(seed)
        set({ slots, playing: false, scenarioStartedAt: null, focus: null, frame: get().frame + 1 })
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
        if (!playing || !(dtSeconds > 0) || !backend) return false
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
