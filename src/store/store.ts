/**
 * The app's one store (zustand, vanilla): what is shown and what runs, with the actions beside the state.
 * React components read narrow slices of it; the scene reads per-node state straight from each network's
 * Simulation (typed arrays) in its frame loop, never through React.
 *
 * Every network is built once and kept: switching shows another one, it does not rebuild it. A scenario hits
 * every network at once, at the same place and from the same seed, and they all advance on one clock, so
 * switching mid-scenario shows the other network under the same failure at the same moment.
 */

import { createStore } from 'zustand/vanilla'
import type { StepMetrics, SimOptions } from '../sim/engine'
import { Simulation } from '../sim/engine'
import type { NetworkSpec } from '../sim/index'
import { buildNetwork } from '../sim/index'
import type { Network } from '../sim/network'
import type { Place, ScenarioSpec } from '../sim/scenarios'
import { resolveScenario, scenarioPlace } from '../sim/scenarios'
import type { World } from '../sim/world'

export type NetworkKind = 'centralized' | 'decentralized' | 'p2p'
export const NETWORK_KINDS: readonly NetworkKind[] = ['centralized', 'decentralized', 'p2p']

export const NETWORK_LABELS: Record<NetworkKind, string> = {
  centralized: 'Centralized cloud',
  decentralized: 'Multi-region cloud',
  p2p: 'Peer-to-peer grid',
}

/** One network as it runs: built once, its simulation replaced when a scenario starts or the clock resets. */
export interface Slot {
  kind: NetworkKind
  net: Network
  sim: Simulation
  /** Metrics of every step so far, the first at t = 0. */
  series: StepMetrics[]
}

/** Traffic flows drawn per network. */
export const TRAFFIC_FLOWS = 96
/** Simulated minutes per step. */
export const STEP_MINUTES = 1
/** At most this many steps per frame, so a slow frame never snowballs. */
const MAX_STEPS_PER_FRAME = 4
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
  /** Bumped at every step and every change of network state: the scene refreshes what it draws from it. */
  frame: number
  /** Whether the globe turns by itself when nobody is touching it. */
  autoRotate: boolean
  /** The last place asked to face the viewer (a story step, the page API); the camera flies there. */
  view: (Place & { instant: boolean }) | null
  /** A pixel ratio held fixed (benchmarks, reference screenshots), or null to adapt it to the frame rate. */
  fixedPixelRatio: number | null
  /** Options every simulation is created with. */
  options: Partial<SimOptions>

  load(): Promise<void>
  setNetwork(kind: NetworkKind): void
  runScenario(spec: ScenarioSpec): void
  play(): void
  pause(): void
  /** Advances every network by one step. */
  step(): void
  /** Back to healthy networks at t = 0, the scenario kept but not yet started. */
  reset(): void
  /** Rebuilds one network with new parameters (its kind stays); it starts healthy under the current scenario. */
  configure(spec: NetworkSpec): void
  setSpeed(minutesPerSecond: number): void
  setSeed(seed: number): void
  setAutoRotate(on: boolean): void
  setFixedPixelRatio(ratio: number | null): void
  /** Turns the globe so the place faces the viewer: a flight, or a jump when instant. */
  lookAt(place: Place, instant?: boolean): void
  /** Moves the clock by real time (seconds); steps when enough simulated time has passed. Returns whether it stepped. */
  advance(dtSeconds: number): boolean
}

export interface StoreDeps {
  loadWorld: () => Promise<World>
  now?: () => number
}

export function createAppStore({ loadWorld, now = () => performance.now() }: StoreDeps) {
  /** Real-time remainder towards the next step, simulated minutes. */
  let carry = 0

  return createStore<AppState>()((set, get) => {
    const newSim = (net: Network, spec: ScenarioSpec): Simulation =>
      new Simulation(net, resolveScenario(net, spec), get().seed, {
        trafficFlows: TRAFFIC_FLOWS,
        ...get().options,
      })

    /** Fresh simulations of every network for a scenario (not started until the first step). */
    const restart = (spec: ScenarioSpec) => {
      const slots: Partial<Record<NetworkKind, Slot>> = {}
      for (const [kind, slot] of Object.entries(get().slots) as [NetworkKind, Slot][]) {
        const sim = newSim(slot.net, spec)
        slots[kind] = { ...slot, sim, series: [sim.current] }
      }
      carry = 0
      return slots
    }

    const focusOf = (
      slots: Partial<Record<NetworkKind, Slot>>,
      kind: NetworkKind,
      spec: ScenarioSpec,
    ): Place | null => {
      const slot = slots[kind]
      return slot ? scenarioPlace(slot.net, resolveScenario(slot.net, spec)) : null
    }

    return {
      status: 'loading',
      error: null,
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
      fixedPixelRatio: null,
      view: null,
      options: {},

      async load() {
        try {
          const world = await loadWorld()
          const { seed, specs, scenario } = get()
          const slots: Partial<Record<NetworkKind, Slot>> = {}
          for (const kind of NETWORK_KINDS) {
            const net = buildNetwork(world, specs[kind], seed)
            const sim = newSim(net, scenario)
            slots[kind] = { kind, net, sim, series: [sim.current] }
          }
          set({ status: 'ready', world, slots, frame: get().frame + 1 })
        } catch (e) {
          set({ status: 'error', error: e instanceof Error ? e.message : String(e) })
        }
      },

      setNetwork(kind) {
        const { active, slots, scenario } = get()
        if (kind === active) return
        set({ active: kind, previous: active, switchedAt: now(), focus: focusOf(slots, kind, scenario) })
      },

      runScenario(spec) {
        const slots = restart(spec)
        set({
          scenario: spec,
          slots,
          focus: focusOf(slots, get().active, spec),
          scenarioStartedAt: now(),
          playing: true,
          frame: get().frame + 1,
        })
      },

      play() {
        set({ playing: true })
      },

      pause() {
        set({ playing: false })
      },

      step() {
        const { slots, active, focus } = get()
        for (const slot of Object.values(slots)) {
          slot.series.push(slot.sim.step())
          if (slot.series.length > MAX_SERIES) slot.series.splice(0, slot.series.length - MAX_SERIES)
        }
        // A cascade or a push has no place until it starts: then it is where its first node failed.
        const sim = slots[active]?.sim
        const net = slots[active]?.net
        const travels =
          sim && (sim.scenario.kind === 'cascade' || sim.scenario.kind === 'spread' || sim.scenario.kind === 'push')
        const place =
          !focus && travels && net?.hasGeo && sim.origin >= 0
            ? { lat: net.lat[sim.origin]!, lon: net.lon[sim.origin]! }
            : focus
        set({ frame: get().frame + 1, focus: place })
      },

      reset() {
        const slots = restart(get().scenario)
        set({ slots, playing: false, scenarioStartedAt: null, frame: get().frame + 1 })
      },

      configure(spec) {
        const { world, seed, scenario, slots, specs } = get()
        const kind: NetworkKind = spec.kind
        const nextSpecs = { ...specs, [kind]: spec }
        if (!world) {
          set({ specs: nextSpecs })
          return
        }
        const net = buildNetwork(world, spec, seed)
        const sim = newSim(net, scenario)
        carry = 0
        set({
          specs: nextSpecs,
          slots: { ...slots, [kind]: { kind, net, sim, series: [sim.current] } },
          frame: get().frame + 1,
        })
      },

      setSpeed(minutesPerSecond) {
        if (Number.isFinite(minutesPerSecond) && minutesPerSecond > 0) set({ speed: minutesPerSecond })
      },

      setSeed(seed) {
        if (!Number.isInteger(seed) || seed < 0) return
        set({ seed })
        const { world, specs, scenario } = get()
        if (!world) return
        const slots: Partial<Record<NetworkKind, Slot>> = {}
        for (const kind of NETWORK_KINDS) {
          const net = buildNetwork(world, specs[kind], seed)
          const sim = newSim(net, scenario)
          slots[kind] = { kind, net, sim, series: [sim.current] }
        }
        carry = 0
        set({ slots, playing: false, scenarioStartedAt: null, frame: get().frame + 1 })
      },

      setAutoRotate(on) {
        set({ autoRotate: on })
      },

      lookAt(place, instant = false) {
        if (!Number.isFinite(place.lat) || !Number.isFinite(place.lon)) return
        const lat = Math.max(-90, Math.min(90, place.lat))
        set({ view: { lat, lon: place.lon, instant } })
      },

      setFixedPixelRatio(ratio) {
        if (ratio === null || (Number.isFinite(ratio) && ratio >= 0.5 && ratio <= 4)) set({ fixedPixelRatio: ratio })
      },

      advance(dtSeconds) {
        const { playing, speed, slots } = get()
        if (!playing || !(dtSeconds > 0)) return false
        // Clamp: a long gap (hidden tab, stalled frame) resumes where it stopped instead of jumping ahead.
        carry += Math.min(dtSeconds, 0.25) * speed
        let steps = 0
        while (carry >= STEP_MINUTES && steps < MAX_STEPS_PER_FRAME) {
          carry -= STEP_MINUTES
          get().step()
          steps++
        }
        if (steps === MAX_STEPS_PER_FRAME) carry = Math.min(carry, STEP_MINUTES)
        // Nothing more will happen: stop, so the page goes quiet.
        if (steps > 0 && Object.values(slots).every((s) => s.sim.isSettled())) set({ playing: false })
        return steps > 0
      },
    }
  })
}

export type AppStore = ReturnType<typeof createAppStore>

/** The active network's slot. */
export function activeSlot(state: AppState): Slot | undefined {
  return state.slots[state.active]
}

/** The active network's latest metrics. */
export function activeMetrics(state: AppState): StepMetrics | null {
  const slot = activeSlot(state)
  return slot ? slot.sim.current : null
}
