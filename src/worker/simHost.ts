/**
 * Runs the simulations of every network the page shows, on one clock, under one scenario. The Web Worker wraps
 * it (sim.worker.ts); where there is no worker it runs in the page the same way (backend.ts), so both give the
 * same numbers. Plain TypeScript over src/sim: no DOM, no React.
 */

import type { Network } from '../sim/network'
import type { NetworkSpec } from '../sim/index'
import { buildNetwork } from '../sim/index'
import { Simulation } from '../sim/engine'
import { resolveScenario, scenarioOptions, type ScenarioSpec } from '../sim/scenarios'
import { sweepTrials, type SweepOptions, type SweepPoint } from '../sim/sweep'
import type { World } from '../sim/world'
import { ImportError, importNetworkText } from '../sim/networks/imported'
import {
  TRAFFIC_FLOWS,
  type Act,
  type ImportResult,
  type NetworkKind,
  type RunOptions,
  type SimSnapshot,
} from './protocol'

/** How far a build is: phases done of the total, and the one under way. */
export interface BuildProgress {
  done: number
  total: number
  phase: string
}

const BUILD_PHASES = 3

interface Entry {
  net: Network
  sim: Simulation
  run: number
}

export class SimHost {
  private readonly entries = new Map<NetworkKind, Entry>()
  private scenario: ScenarioSpec = { kind: 'none' }
  private seed = 1
  private options: RunOptions = {}
  private runs = 0

  constructor(private readonly world: World) {}

  /** Builds (or rebuilds) one network and starts it under the current scenario. */
  build(kind: NetworkKind, spec: NetworkSpec, seed: number): { net: Network; snapshot: SimSnapshot } {
    const steps = this.buildSteps(kind, spec, seed)
    for (;;) {
      const r = steps.next()
      if (r.done) return r.value
    }
  }

  /**
   * build, in phases (the network; its people and services; its first state), pausing after each with how far
   * it is: a 100,000-node network takes seconds, and a caller may show progress or stop between phases. Nothing
   * changes until the last phase, so a build abandoned half way leaves the network before it in place.
   */
  *buildSteps(
    kind: NetworkKind,
    spec: NetworkSpec,
    seed: number,
  ): Generator<BuildProgress, { net: Network; snapshot: SimSnapshot }> {
    yield { done: 0, total: BUILD_PHASES, phase: 'placing nodes and links' }
    const net = buildNetwork(this.world, spec, seed)
    yield { done: 1, total: BUILD_PHASES, phase: 'connecting people and services' }
    const sim = this.newSim(net)
    yield { done: 2, total: BUILD_PHASES, phase: 'measuring it' }
    this.seed = seed
    const entry = { net, sim, run: ++this.runs }
    this.entries.set(kind, entry)
    return { net, snapshot: this.snapshot(kind, entry) }
  }

  /** Reads an imported file into the 'imported' network; a bad file leaves everything as it was. */
  import(text: string, name: string, seed: number): ImportResult {
    let net: Network
    try {
      net = importNetworkText(text, this.world, { name, seed })
    } catch (e) {
      if (e instanceof ImportError) return { ok: false, error: e.message, path: e.path }
      throw e
    }
    const entry = { net, sim: this.newSim(net), run: ++this.runs }
    this.entries.set('imported', entry)
    return { ok: true, net, snapshot: this.snapshot('imported', entry), warnings: net.warnings }
  }

  /** A viewer's action on one network (a node clicked to fail it, a link to cut it), measured at once. */
  act(kind: NetworkKind, act: Act): SimSnapshot {
    const entry = this.entries.get(kind)
    if (!entry) throw new Error(`no ${kind} network has been built`)
    const { sim, net } = entry
    const n = net.graph.n
    if (act.type === 'cutLink') {
      if (!(act.link >= 0 && act.link < net.graph.m)) throw new Error(`no link ${act.link} in the ${kind} network`)
      sim.failLink(act.link)
    } else {
      if (!(act.node >= 0 && act.node < n)) throw new Error(`no node ${act.node} in the ${kind} network`)
      if (act.type === 'failNode') sim.failNode(act.node)
      else sim.repairNode(act.node)
    }
    sim.refresh()
    return this.snapshot(kind, entry)
  }

  /** Fresh simulations of every network for a scenario; it starts at the first step. */
  start(spec: ScenarioSpec, seed: number, options: RunOptions): SimSnapshot[] {
    this.scenario = spec
    this.seed = seed
    this.options = options
    const out: SimSnapshot[] = []
    for (const [kind, entry] of this.entries) {
      entry.sim = this.newSim(entry.net)
      entry.run = ++this.runs
      out.push(this.snapshot(kind, entry))
    }
    return out
  }

  /** Advances every network by `count` steps. */
  step(count: number): SimSnapshot[] {
    const n = Math.max(1, Math.min(10_000, Math.floor(count)))
    for (const entry of this.entries.values()) for (let i = 0; i < n; i++) entry.sim.step()
    return [...this.entries].map(([kind, entry]) => this.snapshot(kind, entry))
  }

  /** A robustness sweep of one network, trial by trial (see sweepTrials). */
  sweep(kind: NetworkKind, options: SweepOptions): Generator<{ done: number; total: number }, SweepPoint[]> {
    const entry = this.entries.get(kind)
    if (!entry) throw new Error(`no ${kind} network has been built`)
    return sweepTrials(entry.net, options)
  }

  private newSim(net: Network): Simulation {
    return new Simulation(net, resolveScenario(net, this.scenario), this.seed, {
      trafficFlows: TRAFFIC_FLOWS,
      ...this.options,
      // A recorded outage brings its own repair time (its reported duration).
      ...scenarioOptions(this.scenario),
    })
  }

  private snapshot(kind: NetworkKind, { sim, run }: Entry): SimSnapshot {
    const failed: number[] = []
    const healed: number[] = []
    if (sim.steps > 0) {
      for (let v = 0; v < sim.nodeUp.length; v++) {
        if (!sim.nodeUp[v] && sim.nodeChangedAt[v] === sim.t) failed.push(v)
        else if (sim.nodeUp[v] && sim.nodeHealedAt[v] === sim.t) healed.push(v)
      }
    }
    const traffic = sim.traffic
    return {
      kind,
      run,
      t: sim.t,
      steps: sim.steps,
      metrics: sim.current,
      nodeUp: sim.nodeUp,
      impaired: sim.impairedNodes(),
      linkUp: sim.linkUp,
      clusterUp: sim.clusterUp,
      clusterService: sim.metrics.clusterService,
      failedNow: Int32Array.from(failed),
      healedNow: Int32Array.from(healed),
      milestones: sim.milestones.slice(),
      scenarioKind: sim.scenario.kind,
      round: sim.progress.round,
      origin: sim.origin,
      settled: sim.isSettled(),
      chosenNode: sim.metrics.chosenNode,
      traffic: traffic
        ? {
            count: traffic.count,
            cluster: traffic.cluster,
            sample: traffic.sample,
            path: traffic.path,
            length: traffic.length,
            version: traffic.version,
          }
        : null,
    }
  }
}
