/**
 * What the page and the simulation say to each other. The simulation runs in a Web Worker (or, where there is
 * none, in the page through the same host), so the page never stalls on a cascade round or a 100,000-node
 * network: it sends requests and receives snapshots of the state to draw.
 */

import type { SimOptions, StepMetrics } from '../sim/engine'
import type { NetworkSpec } from '../sim/index'
import type { Network } from '../sim/network'
import type { Milestone } from '../sim/repair'
import type { Scenario, ScenarioSpec } from '../sim/scenarios'
import type { SweepOptions, SweepPoint } from '../sim/sweep'
import type { World } from '../sim/world'

/** The built-in networks, and an imported one when a file has been loaded. */
export type NetworkKind = 'centralized' | 'decentralized' | 'p2p' | 'imported'
/** The networks every page builds. */
export const NETWORK_KINDS: readonly NetworkKind[] = ['centralized', 'decentralized', 'p2p']
/** Every network a page may show. */
export const ALL_KINDS: readonly NetworkKind[] = ['centralized', 'decentralized', 'p2p', 'imported']

/** Traffic flows kept per network for drawing. */
export const TRAFFIC_FLOWS = 96

/** The traffic to draw: which flows there are and the path each takes now (see src/sim/traffic.ts). */
export interface TrafficView {
  count: number
  cluster: Int32Array
  sample: Int32Array
  path: Int32Array
  length: Int32Array
  version: number
}

/** One network's state after a step: everything the scene and the numbers need, nothing more. */
export interface SimSnapshot {
  kind: NetworkKind
  /** Which run of the simulation this is: it changes when a scenario starts, the clock resets or the network is rebuilt. */
  run: number
  /** Simulated minutes since the start, and steps taken. */
  t: number
  steps: number
  metrics: StepMetrics
  nodeUp: Uint8Array
  /** Per node: 1 where it is up but some of what it hosts does not answer (a shared plane is down); null: none. */
  impaired: Uint8Array | null
  linkUp: Uint8Array
  clusterUp: Uint8Array
  /** Per population cluster, the share of services its people can reach. */
  clusterService: Float32Array
  /** Nodes that failed at this very step (for shock rings where a failure travels). */
  failedNow: Int32Array
  /** Nodes that took a re-created replica at this very step (self-healing: a ring where the grid heals). */
  healedNow: Int32Array
  /** What people and the grid's own software did in this run so far (sim/repair.ts), oldest first. */
  milestones: readonly Milestone[]
  scenarioKind: Scenario['kind']
  /** The scenario's round (0 at the step it started), and the first node it failed (-1 before). */
  round: number
  origin: number
  /**
   * The run is over: the scenario has run its course and everything is back (Simulation.isSettled). False while
   * anything is down, repaired or not: the store keeps the clock running until then.
   */
  settled: boolean
  /** Per population cluster, the access node its people use now (-1: none). */
  chosenNode: Int32Array
  traffic: TrafficView | null
}

/** Parameters every simulation is created with, besides the seed. */
export type RunOptions = Partial<SimOptions>

/** Something a viewer does to one network by hand: a click on a node or a link. */
export type Act =
  { type: 'failNode'; node: number } | { type: 'repairNode'; node: number } | { type: 'cutLink'; link: number }

export type Request =
  | { id: number; type: 'world'; world: World }
  | { id: number; type: 'build'; kind: NetworkKind; spec: NetworkSpec; seed: number }
  | { id: number; type: 'start'; spec: ScenarioSpec; seed: number; options: RunOptions }
  | { id: number; type: 'step'; count: number }
  | { id: number; type: 'import'; text: string; name: string; seed: number }
  | { id: number; type: 'act'; kind: NetworkKind; act: Act }
  | { id: number; type: 'sweep'; kind: NetworkKind; options: Omit<SweepOptions, 'onProgress'> }
  | { id: number; type: 'cancel'; target: number }

/** What each request answers with. */
export interface Results {
  build: { net: Network; snapshot: SimSnapshot }
  start: SimSnapshot[]
  step: SimSnapshot[]
  import: ImportResult
  act: SimSnapshot
  sweep: SweepPoint[]
  cancel: null
}

/** An imported file: the network and its first snapshot, or what was wrong with it. */
export type ImportResult =
  { ok: true; net: Network; snapshot: SimSnapshot; warnings: string[] } | { ok: false; error: string; path: string }

export type Response =
  | { id: number; type: 'result'; result: unknown }
  | { id: number; type: 'error'; message: string }
  | { id: number; type: 'progress'; done: number; total: number; phase?: string }
