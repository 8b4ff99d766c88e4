/**
 * The deterministic engine: a network's state advanced in steps of simulated time, with a scenario's failures,
 * repairs, churn and self-healing, and the metrics recorded at every step. All randomness after the network is
 * built comes from the seed's failure streams, so a seed and the same parameters give the same series anywhere.
 *
 * Per-node and per-link state lives in typed arrays that the scene reads directly (nodeUp, nodeChangedAt…).
 */

import { Betweenness } from './betweenness.ts'
import { MotterLai, loadSources, pickTrigger } from './cascade.ts'
import { connectAlive } from './components.ts'
import { greatCircleKm } from './geo.ts'
import { degrees } from './graph.ts'
import type { Serving } from './metrics.ts'
import { MetricsComputer } from './metrics.ts'
import type { Network, NodeClass } from './network.ts'
import { FAILURE_MODELS } from './network.ts'
import type { Rng } from './rng.ts'
import { createRng } from './rng.ts'
import type { Scenario } from './scenarios.ts'
import { scenarioPlace } from './scenarios.ts'
import type { GeoIndex } from './spatial.ts'
import { createGeoIndex } from './spatial.ts'
import { TrafficFlows } from './traffic.ts'
import { MAX_COPIES_PER_NODE } from './demand.ts'
import {
  DEFAULT_COPY_GB,
  DEFAULT_COPY_MBPS,
  DEFAULT_RESPONSE,
  MAX_MILESTONES,
  REPAIR_BY_NAMES,
  RepairBy,
  copyMinutes,
  repairerOf,
  responseMinutes,
  type Milestone,
  type ResponseTimes,
} from './repair.ts'

export interface SimOptions {
  /** Simulated minutes per step. */
  dtMin: number
  /** When the scenario's failures start, in minutes (by default at the first step). */
  startMin: number
  /**
   * How failed parts come back: 'response', each by whoever runs it after their time (`response`, repair.ts); a
   * number, every part this many minutes after it failed, on every network (a recorded outage's duration); null,
   * never (only what self-healing makes again).
   */
  repairAfterMin: number | 'response' | null
  /** Who repairs what and how long it takes them, for 'response'. */
  response: ResponseTimes
  /**
   * Self-healing (where the network has it): a copy whose node has been down this many minutes counts as lost,
   * and a surviving copy is sent to another node (a short blip sets off nothing).
   */
  healAfterMin: number
  /** The data one copy holds, GB, and what a node sends it at, Mbit/s: how long self-healing's copying takes. */
  copyGb: number
  copyMbps: number
  /** Background churn: every node fails and is repaired at its class's realistic rates. */
  churn: boolean
  /** Latency percentiles are recomputed every this many steps (they cost far more than the rest). */
  latencyEvery: number
  /** Flows of traffic whose paths are kept for drawing (0: none). Paths refresh with the latency. */
  trafficFlows: number
}

export const DEFAULT_SIM_OPTIONS: SimOptions = {
  dtMin: 1,
  startMin: 1,
  repairAfterMin: 'response',
  response: DEFAULT_RESPONSE,
  healAfterMin: 15,
  copyGb: DEFAULT_COPY_GB,
  copyMbps: DEFAULT_COPY_MBPS,
  churn: false,
  latencyEvery: 1,
  trafficFlows: 0,
}

/** Why a node is down, for colours and the event log. */
export const Cause = {
  none: 0,
  scenario: 1,
  cascade: 2,
  spread: 3,
  push: 4,
  churn: 5,
  initial: 6,
  manual: 7,
  outage: 8,
} as const
export type Cause = (typeof Cause)[keyof typeof Cause]

export interface StepMetrics {
  /** Simulated minutes since the start. */
  t: number
  usersOnline: number | null
  serviceAvailability: number | null
  survivability: number
  latencyP50Ms: number | null
  latencyP95Ms: number | null
  failedNodes: number
  failedLinks: number
  /** Person-hours of service lost so far: each hour a person cannot reach a share x of services counts x. */
  userHoursLost: number | null
}

/** Every field of StepMetrics, in the order the command line prints them. */
export const STEP_METRIC_FIELDS = [
  't',
  'usersOnline',
  'serviceAvailability',
  'survivability',
  'latencyP50Ms',
  'latencyP95Ms',
  'failedNodes',
  'failedLinks',
  'userHoursLost',
] as const satisfies readonly (keyof StepMetrics)[]

// Compile-time: the list names every field (a field added to StepMetrics and not here fails the build).
type MissingField = Exclude<keyof StepMetrics, (typeof STEP_METRIC_FIELDS)[number]>
const everyField: [MissingField] extends [never] ? true : MissingField = true
void everyField

const NEVER = Infinity
/** nodeRepairBy of a node no scenario's repairer brings back (churn's own repair, nodes down from the start). */
const NO_REPAIRER = 255
const PUSH_FANOUT = 4

export class Simulation {
  readonly options: SimOptions
  /** Simulated minutes since the start. */
  t = 0
  steps = 0
  readonly nodeUp: Uint8Array
  readonly linkUp: Uint8Array
  /** Simulated minute of each node's last change (failure or repair), for transitions in the scene. */
  readonly nodeChangedAt: Float64Array
  readonly linkChangedAt: Float64Array
  readonly nodeCause: Uint8Array
  /** Simulated minute a node last took a re-created replica (self-healing), for the scene's healing rings. */
  readonly nodeHealedAt: Float64Array
  /** Replica hosts; self-healing moves them. */
  readonly host: Int32Array
  /** Per population cluster: 0 while the people's own area is down (inside a regional disaster). */
  readonly clusterUp: Uint8Array
  readonly metrics: MetricsComputer
  /** Metrics of the current state. */
  current: StepMetrics
  /** Paths of drawn traffic, or null when none was asked for. */
  readonly traffic: TrafficFlows | null
  /** Scenario bookkeeping, readable by the scene (a cascade's round, the spread's frontier…). */
  readonly progress = { started: false, active: false, round: 0 }
  /** The first node the scenario failed (a site, a cascade's trigger, where a spread or a push began), or -1. */
  origin = -1
  /** Per shared plane of the network (net.planes): 1 while it works. Empty when the network has none. */
  readonly planeUp: Uint8Array
  readonly planeChangedAt: Float64Array
  /** Which copies answer while planes are down (metrics.ts); null when the network has no planes. */
  readonly serving: Serving | null
  /** What people and the grid's own software did, step by step (repair.ts), the newest MAX_MILESTONES. */
  readonly milestones: Milestone[] = []

  private readonly nodeRepairAt: Float64Array
  private readonly linkRepairAt: Float64Array
  private readonly clusterRepairAt: Float64Array
  private readonly planeRepairAt: Float64Array
  private readonly nodeDownAt: Float64Array
  /** Who repairs each failed node (RepairBy), or NO_REPAIRER (churn, nodes down from the start). */
  private readonly nodeRepairBy: Uint8Array
  /** When the provider's engineers learn of each of their failures, in order (with 'response'). */
  private detectDue: number[] = []
  /** Self-healing's copies under way, per replica slot: the node receiving it (-1: none), the one sending it, and when it is done. */
  private readonly copyTo: Int32Array
  private readonly copyFrom: Int32Array
  private readonly copyDoneAt: Float64Array
  /** Copies each node is sending now (they share its upstream). */
  private readonly sending: Uint16Array
  private copying = 0
  private held: Uint16Array | null = null
  /** Hours each node has been up (churn's Weibull hazard depends on it). */
  private readonly upAgeH: Float64Array
  private readonly immune: Uint8Array
  private readonly fail: Rng
  private readonly churnRng: Rng
  private frontier: number[] = []
  private cascade: MotterLai | null = null
  private pushOrder: Int32Array | null = null
  private pushPos: Int32Array | null = null
  private churnStarted = false
  private geo: GeoIndex | null = null
  private impairedBuf: Uint8Array | null = null
  private lastLatency: { p50: number | null; p95: number | null } = { p50: null, p95: null }
  private userHoursLost = 0
  private readonly onTree: ((sample: number, dist: Float64Array, prev: Int32Array) => void) | undefined

  constructor(
    readonly net: Network,
    readonly scenario: Scenario = { kind: 'none' },
    seed = net.seed,
    options: Partial<SimOptions> = {},
  ) {
    this.options = { ...DEFAULT_SIM_OPTIONS, ...options }
    if (!(this.options.dtMin > 0)) throw new Error('dtMin must be positive')
    const { n, m } = net.graph
    this.nodeUp = new Uint8Array(n).fill(1)
    this.linkUp = new Uint8Array(m).fill(1)
    this.nodeChangedAt = new Float64Array(n).fill(-Infinity)
    this.linkChangedAt = new Float64Array(m).fill(-Infinity)
    this.nodeCause = new Uint8Array(n)
    this.nodeHealedAt = new Float64Array(n).fill(-Infinity)
    this.nodeRepairAt = new Float64Array(n).fill(NEVER)
    this.linkRepairAt = new Float64Array(m).fill(NEVER)
    this.nodeDownAt = new Float64Array(n)
    this.nodeRepairBy = new Uint8Array(n).fill(NO_REPAIRER)
    this.upAgeH = new Float64Array(n)
    this.immune = new Uint8Array(n)
    this.host = net.services ? net.services.host.slice() : new Int32Array(0)
    this.copyTo = new Int32Array(this.host.length).fill(-1)
    this.copyFrom = new Int32Array(this.host.length).fill(-1)
    this.copyDoneAt = new Float64Array(this.host.length)
    this.sending = new Uint16Array(n)
    this.clusterUp = new Uint8Array(net.users?.count ?? 0).fill(1)
    this.clusterRepairAt = new Float64Array(net.users?.count ?? 0).fill(NEVER)
    const planes = net.planes?.count ?? 0
    this.planeUp = new Uint8Array(planes).fill(1)
    this.planeChangedAt = new Float64Array(planes).fill(-Infinity)
    this.planeRepairAt = new Float64Array(planes).fill(NEVER)
    this.serving =
      net.planes && net.services
        ? { node: new Uint8Array(n), service: new Uint8Array(net.services.count), bound: net.planes.bound }
        : null
    this.fail = createRng(seed, `fail:${scenario.kind}`)
    this.churnRng = createRng(seed, 'fail:churn')
    this.metrics = new MetricsComputer(net)
    const traffic =
      this.options.trafficFlows > 0
        ? new TrafficFlows(net, this.options.trafficFlows, seed, scenarioPlace(net, scenario))
        : null
    this.traffic = traffic
    this.onTree = traffic
      ? (sample, dist, prev) => traffic.update(sample, dist, prev, this.metrics.chosenNode, this.metrics.clusterService)
      : undefined
    if (net.initiallyDown) {
      for (let v = 0; v < n; v++) if (net.initiallyDown[v]) this.failNode(v, Cause.initial, NEVER, NO_REPAIRER)
    }
    if (this.options.churn || scenario.kind === 'churn') this.startChurn()
    this.current = this.measure(true)
  }

  /** Runs until the series holds `count` entries (the first is the state at t = 0) and returns it. */
  run(count: number): StepMetrics[] {
    const out: StepMetrics[] = [this.current]
    while (out.length < count) out.push(this.step())
    return out
  }

  /** Advances one step of simulated time and returns the metrics of the new state. */
  step(): StepMetrics {
    const dt = this.options.dtMin
    this.t += dt
    this.steps++
    this.repairDue()
    this.detectionDue()
    if (this.churnStarted) this.churnStep(dt)
    if (!this.progress.started && this.t >= this.options.startMin) this.startScenario()
    else if (this.progress.active) this.advanceScenario()
    if (this.net.selfHealing && this.net.services) this.heal()
    this.current = this.measure(this.steps % Math.max(1, Math.floor(this.options.latencyEvery)) === 0, dt)
    return this.current
  }

  /**
   * Fails a node now (scenario actions, a click on the globe). It comes back at `repairAt`, by default when
   * whoever runs it (`by`: its class's repairer) has repaired it (repairTime).
   */
  failNode(
    v: number,
    cause: Cause = Cause.manual,
    repairAt?: number,
    by: RepairBy | typeof NO_REPAIRER = repairerOf(this.net.nodeClass[v] as NodeClass),
  ): boolean {
    if (!this.nodeUp[v]) return false
    this.nodeUp[v] = 0
    this.nodeCause[v] = cause
    this.nodeDownAt[v] = this.t
    this.nodeChangedAt[v] = this.t
    this.nodeRepairAt[v] = repairAt ?? (by === NO_REPAIRER ? NEVER : this.repairTime(by))
    this.nodeRepairBy[v] = by
    if (by === RepairBy.provider) this.detected()
    if (this.origin < 0 && cause !== Cause.churn && cause !== Cause.initial && cause !== Cause.manual) this.origin = v
    return true
  }

  /** Cuts a link now; it comes back when its area's would (repair.ts), or at `repairAt`. */
  failLink(e: number, repairAt = this.repairTime(RepairBy.area)): boolean {
    if (!this.linkUp[e]) return false
    this.linkUp[e] = 0
    this.linkChangedAt[e] = this.t
    this.linkRepairAt[e] = repairAt
    return true
  }

  repairNode(v: number): void {
    if (this.nodeUp[v]) return
    this.nodeUp[v] = 1
    this.nodeCause[v] = Cause.none
    this.nodeChangedAt[v] = this.t
    this.nodeRepairAt[v] = NEVER
    this.upAgeH[v] = 0
  }

  /**
   * Takes a shared plane down now (a bad push to it, an empty DNS record): what needs it stops answering. Its
   * party's engineers bring it back as a provider's would (repair.ts).
   */
  failPlane(p: number, repairAt = this.repairTime(RepairBy.provider)): boolean {
    if (p < 0 || p >= this.planeUp.length || !this.planeUp[p]) return false
    this.planeUp[p] = 0
    this.planeChangedAt[p] = this.t
    this.planeRepairAt[p] = repairAt
    this.detected()
    return true
  }

  repairPlane(p: number): void {
    if (this.planeUp[p]) return
    this.planeUp[p] = 1
    this.planeChangedAt[p] = this.t
    this.planeRepairAt[p] = NEVER
  }

  repairLink(e: number): void {
    if (this.linkUp[e]) return
    this.linkUp[e] = 1
    this.linkChangedAt[e] = this.t
    this.linkRepairAt[e] = NEVER
  }

  /**
   * True when the run is over: the scenario has run its course and everything is back (no node, link or
   * population cluster down, no replica waiting to heal), and there is no churn. An outage without a repair is
   * not settled: it goes on costing person-hours, so a player keeps the clock running until it is repaired. Nodes
   * an imported list gave as down from the start are part of that network as it is, not an outage, and do not
   * count. A healthy network with no scenario is settled from t = 0 (nothing is happening to it).
   */
  isSettled(): boolean {
    if (this.churnStarted || this.progress.active || (!this.progress.started && this.scenario.kind !== 'none'))
      return false
    for (let v = 0; v < this.nodeUp.length; v++)
      if (!this.nodeUp[v] && this.nodeCause[v] !== Cause.initial) return false
    for (let e = 0; e < this.linkUp.length; e++) if (!this.linkUp[e]) return false
    for (let c = 0; c < this.clusterUp.length; c++) if (!this.clusterUp[c]) return false
    for (let p = 0; p < this.planeUp.length; p++) if (!this.planeUp[p]) return false
    if (this.copying > 0) return false
    if (this.net.selfHealing && this.net.services) {
      const R = this.net.services.replicas
      const wait = this.options.healAfterMin
      for (let i = 0; i < this.host.length; i++) {
        // (Only a node down from the start gets here.) Its replica waits to be healed while another replica of
        // the service survives; once due, heal() has tried at this step, and without a node to copy to it can
        // only move when something else changes.
        const h = this.host[i]!
        if (h < 0 || this.nodeUp[h] || this.t - this.nodeDownAt[h]! >= wait) continue
        const s = Math.floor(i / R)
        for (let q = 0; q < R; q++) {
          const o = this.host[s * R + q]!
          if (o >= 0 && this.nodeUp[o]) return false
        }
      }
    }
    return true
  }

  /**
   * Per node, 1 where the node is up but some copy it hosts does not answer (a plane it or the service needs is
   * down), for the scene; null while every plane is up (or the network has none).
   */
  impairedNodes(): Uint8Array | null {
    const serving = this.serving
    if (!serving || this.planeUp.every((u) => u === 1)) return null
    this.impairedBuf ??= new Uint8Array(this.nodeUp.length)
    const out = this.impairedBuf.fill(0)
    const R = this.net.services!.replicas
    for (let s = 0; s < serving.service.length; s++) {
      const dead = !serving.service[s]
      for (let j = 0; j < R; j++) {
        const h = this.host[s * R + j]!
        if (h >= 0 && this.nodeUp[h] && (dead || (serving.bound[s] && !serving.node[h]))) out[h] = 1
      }
    }
    return out
  }

  /** Recomputes the metrics of the current state (after actions from outside the step loop). */
  refresh(): StepMetrics {
    this.current = this.measure(true)
    return this.current
  }

  /** Recomputes users online, availability and survivability only, keeping the last latency figures. */
  refreshConnectivity(): StepMetrics {
    this.current = this.measure(false)
    return this.current
  }

  /** When a part that `by` repairs, failing now, comes back (SimOptions.repairAfterMin). */
  private repairTime(by: RepairBy): number {
    const r = this.options.repairAfterMin
    if (r === null) return NEVER
    return this.t + (r === 'response' ? responseMinutes(this.options.response, by) : r)
  }

  /** A failure the provider's engineers will learn of, with 'response'. */
  private detected(): void {
    if (this.options.repairAfterMin === 'response') this.detectDue.push(this.t + this.options.response.cloudDetectMin)
  }

  private detectionDue(): void {
    let k = 0
    while (k < this.detectDue.length && this.detectDue[k]! <= this.t) k++
    if (k === 0) return
    this.detectDue.splice(0, k)
    this.milestone('detected', 'provider', k)
  }

  private milestone(kind: Milestone['kind'], by: Milestone['by'], count: number): void {
    if (count <= 0) return
    this.milestones.push({ t: this.t, kind, by, count })
    if (this.milestones.length > MAX_MILESTONES) this.milestones.splice(0, this.milestones.length - MAX_MILESTONES)
  }

  private repairDue(): void {
    const t = this.t
    // Parts brought back by each kind of repairer (RepairBy), for the timeline; churn's are everyday, not news.
    const back = [0, 0, 0]
    let areaBack = false
    for (let v = 0; v < this.nodeUp.length; v++) {
      if (this.nodeUp[v] || this.nodeRepairAt[v]! > t) continue
      const by = this.nodeRepairBy[v]!
      if (by !== NO_REPAIRER) back[by]!++
      this.repairNode(v)
    }
    for (let e = 0; e < this.linkUp.length; e++) {
      if (this.linkUp[e] || this.linkRepairAt[e]! > t) continue
      back[RepairBy.area]!++
      this.repairLink(e)
    }
    for (let c = 0; c < this.clusterUp.length; c++) {
      if (!this.clusterUp[c] && this.clusterRepairAt[c]! <= t) {
        this.clusterUp[c] = 1
        this.clusterRepairAt[c] = NEVER
        areaBack = true
      }
    }
    for (let p = 0; p < this.planeUp.length; p++) {
      if (this.planeUp[p] || this.planeRepairAt[p]! > t) continue
      back[RepairBy.provider]!++
      this.repairPlane(p)
    }
    for (let by = 0; by < back.length; by++) this.milestone('repaired', REPAIR_BY_NAMES[by]!, back[by]!)
    // People back with nothing of the network in their area: still news.
    if (areaBack && back[RepairBy.area] === 0) this.milestones.push({ t, kind: 'repaired', by: 'area', count: 0 })
  }

  /**
   * Everything inside a spherical cap goes down, the people there too when `people` (their own connections),
   * until the area is back (the same on every network).
   */
  private failArea(lat: number, lon: number, radiusKm: number, cause: Cause, people = true): void {
    for (let v = 0; v < this.net.graph.n; v++) {
      if (greatCircleKm(lat, lon, this.net.lat[v]!, this.net.lon[v]!) <= radiusKm)
        this.failNode(v, cause, undefined, RepairBy.area)
    }
    const users = this.net.users
    for (let c = 0; people && users && c < users.count; c++) {
      if (greatCircleKm(lat, lon, users.lat[c]!, users.lon[c]!) <= radiusKm) {
        this.clusterUp[c] = 0
        this.clusterRepairAt[c] = this.repairTime(RepairBy.area)
      }
    }
  }

  private startScenario(): void {
    this.progress.started = true
    const s = this.scenario
    const g = this.net.graph
    switch (s.kind) {
      case 'none':
      case 'churn':
        return
      case 'site':
        if (s.node >= 0 && s.node < g.n) this.failNode(s.node, Cause.scenario)
        return
      case 'region':
        // The people there lose their own connections too, the same in every network.
        this.failArea(s.lat, s.lon, s.radiusKm, Cause.scenario)
        return
      case 'outage': {
        for (const p of s.planes) this.failPlane(p)
        for (const v of s.nodes) if (v >= 0 && v < g.n) this.failNode(v, Cause.outage)
        for (const e of s.links) if (e >= 0 && e < g.m) this.failLink(e)
        if (s.fleetShare > 0) {
          const order = this.fail.shuffle(Int32Array.from({ length: g.n }, (_, i) => i))
          const count = Math.round(clamp01(s.fleetShare) * g.n)
          for (let i = 0; i < count; i++) this.failNode(order[i]!, Cause.outage)
        }
        for (const a of s.areas) this.failArea(a.lat, a.lon, a.radiusKm, Cause.outage, a.people)
        return
      }
      case 'random': {
        const order = this.fail.shuffle(Int32Array.from({ length: g.n }, (_, i) => i))
        const count = Math.round(clamp01(s.fraction) * g.n)
        for (let i = 0; i < count; i++) this.failNode(order[i]!, Cause.scenario)
        return
      }
      case 'links': {
        const order = this.fail.shuffle(Int32Array.from({ length: g.m }, (_, i) => i))
        const count = Math.round(clamp01(s.fraction) * g.m)
        for (let i = 0; i < count; i++) this.failLink(order[i]!)
        return
      }
      case 'attack': {
        const score = attackScores(this.net, s.by, this.nodeUp, this.linkUp, this.fail)
        const order = attackOrder(score, this.nodeUp, this.fail)
        const count = Math.round(clamp01(s.fraction) * g.n)
        for (let i = 0; i < count && i < order.length; i++) this.failNode(order[i]!, Cause.scenario)
        return
      }
      case 'cascade': {
        this.cascade = new MotterLai(g, Math.max(0, s.alpha), this.nodeUp, this.linkUp, loadSources(g, this.fail))
        const first = pickTrigger(g, s.trigger, this.nodeUp, this.cascade.initialLoad, this.fail)
        if (first >= 0) this.failNode(first, Cause.scenario)
        this.progress.active = first >= 0
        return
      }
      case 'spread': {
        let source = s.source ?? -1
        if (source < 0 || source >= g.n || !this.nodeUp[source])
          source = pickTrigger(g, 'random', this.nodeUp, new Float64Array(0), this.fail)
        if (source >= 0 && this.failNode(source, Cause.spread)) {
          this.immune[source] = 1
          this.frontier = [source]
          this.progress.active = true
        }
        return
      }
      case 'push': {
        const members = pushMembers(this.net, s.operator)
        this.pushOrder = this.fail.shuffle(members)
        this.pushPos = new Int32Array(0)
        if (this.pushOrder.length > 0) {
          // The first machine in the rollout takes the push: someone made the change somewhere.
          this.failNode(this.pushOrder[0]!, Cause.push)
          this.pushPos = Int32Array.of(0)
          this.progress.active = true
        }
        return
      }
    }
  }

  private advanceScenario(): void {
    const s = this.scenario
    this.progress.round++
    if (s.kind === 'cascade' && this.cascade) {
      const over = this.cascade.overloaded(this.nodeUp, this.linkUp)
      for (const v of over) this.failNode(v, Cause.cascade)
      if (over.length === 0) this.progress.active = false
    } else if (s.kind === 'spread') {
      const T = clamp01(s.transmissibility)
      const { off, adj, adjLink } = this.net.graph
      const next: number[] = []
      for (const u of this.frontier) {
        for (let p = off[u]!; p < off[u + 1]!; p++) {
          const v = adj[p]!
          if (!this.linkUp[adjLink[p]!] || this.immune[v] || !this.nodeUp[v]) continue
          if (this.fail.float() < T) {
            this.immune[v] = 1
            this.failNode(v, Cause.spread)
            next.push(v)
          }
        }
      }
      this.frontier = next
      if (next.length === 0) this.progress.active = false
    } else if (s.kind === 'push' && this.pushOrder && this.pushPos) {
      const T = clamp01(s.transmissibility)
      const order = this.pushOrder
      const next: number[] = []
      for (const i of this.pushPos) {
        for (let c = PUSH_FANOUT * i + 1; c <= PUSH_FANOUT * i + PUSH_FANOUT && c < order.length; c++) {
          if (this.fail.float() < T) {
            this.failNode(order[c]!, Cause.push)
            next.push(c)
          }
        }
      }
      this.pushPos = Int32Array.from(next)
      if (next.length === 0) this.progress.active = false
    } else {
      this.progress.active = false
    }
  }

  /** Churn starts in its long-run balance: nodes have been up for a while, and a few are already down. */
  private startChurn(): void {
    this.churnStarted = true
    const rng = this.churnRng
    for (let v = 0; v < this.nodeUp.length; v++) {
      const fm = FAILURE_MODELS[this.net.nodeClass[v] as NodeClass]
      const meanUpH = fm.scaleHours * gammaFn(1 + 1 / fm.shape)
      if (rng.float() < fm.mttrHours / (meanUpH + fm.mttrHours)) {
        if (this.nodeUp[v]) this.failNode(v, Cause.churn, this.t + expSample(rng, fm.mttrHours) * 60, NO_REPAIRER)
        continue
      }
      // Age of an uptime seen at a random moment: a length-biased uptime (Gamma(1 + 1/k) in Weibull units) times U.
      const lengthBiased = fm.scaleHours * Math.pow(rng.gamma(1 + 1 / fm.shape), 1 / fm.shape)
      this.upAgeH[v] = rng.float() * lengthBiased
    }
  }

  private churnStep(dtMin: number): void {
    const rng = this.churnRng
    const dtH = dtMin / 60
    for (let v = 0; v < this.nodeUp.length; v++) {
      if (!this.nodeUp[v]) continue
      const fm = FAILURE_MODELS[this.net.nodeClass[v] as NodeClass]
      const a = this.upAgeH[v]!
      const k = fm.shape
      const eta = fm.scaleHours
      // Probability the uptime ends within this step, given it has lasted a hours (Weibull hazard).
      const p = 1 - Math.exp(Math.pow(a / eta, k) - Math.pow((a + dtH) / eta, k))
      if (rng.float() < p) this.failNode(v, Cause.churn, this.t + expSample(rng, fm.mttrHours) * 60, NO_REPAIRER)
      else this.upAgeH[v] = a + dtH
    }
  }

  /**
   * Self-healing, with no person involved: a copy whose node has been down for healAfterMin counts as lost, and a
   * surviving copy in the same connected group is sent to the working node nearest the lost one; the copy is in
   * place once its data has gone over (copyMinutes: copyGb at copyMbps, the sending node's upstream shared by the
   * copies it sends at once, counted when each starts). A copy under way stops if either end fails or the lost
   * node returns, and starts again from another source. With no surviving copy the data is gone until a node
   * returns; without the planes where placements are recorded (the grid's chain), no copy starts or lands.
   */
  private heal(): void {
    const services = this.net.services!
    const R = services.replicas
    const host = this.host
    const wait = this.options.healAfterMin
    const healDeps = this.net.planes?.healDeps
    if (healDeps) for (const p of healDeps) if (!this.planeUp[p]) return
    const due = (h: number) => h >= 0 && !this.nodeUp[h] && this.t - this.nodeDownAt[h]! >= wait
    if (this.copying === 0 && !host.some(due)) return
    const uf = this.metrics.uf
    connectAlive(this.net.graph, this.nodeUp, this.linkUp, uf)
    // Copies each node holds or is receiving: a small node takes at most MAX_COPIES_PER_NODE (demand.ts).
    this.held ??= new Uint16Array(this.net.graph.n)
    const held = this.held.fill(0)
    for (let i = 0; i < host.length; i++) {
      if (host[i]! >= 0) held[host[i]!]!++
      if (this.copyTo[i]! >= 0) held[this.copyTo[i]!]!++
    }
    let healed = 0
    for (let s = 0; s < services.count; s++) {
      for (let j = 0; j < R; j++) {
        const slot = s * R + j
        const h = host[slot]!
        const to = this.copyTo[slot]!
        if (to >= 0) {
          const from = this.copyFrom[slot]!
          const broken = this.nodeUp[h] || !this.nodeUp[to] || !this.nodeUp[from] || uf.find(to) !== uf.find(from)
          if (!broken && this.copyDoneAt[slot]! > this.t) continue
          this.endCopy(slot)
          if (!broken) {
            host[slot] = to
            this.nodeHealedAt[to] = this.t
            healed++
            continue
          }
        }
        if (!due(h)) continue
        let from = -1
        for (let q = 0; q < R; q++) {
          const o = host[s * R + q]!
          if (o >= 0 && this.nodeUp[o]) {
            from = o
            break
          }
        }
        if (from < 0) continue
        const root = uf.find(from)
        this.geo ??= createGeoIndex(this.net.lat, this.net.lon)
        const taken = (v: number) => {
          for (let q = 0; q < R; q++) if (host[s * R + q] === v || this.copyTo[s * R + q] === v) return true
          return false
        }
        const target = this.geo.nearest(
          this.net.lat[h]!,
          this.net.lon[h]!,
          1,
          Infinity,
          (v) => this.nodeUp[v] === 1 && held[v]! < MAX_COPIES_PER_NODE && uf.find(v) === root && !taken(v),
        )[0]
        if (target === undefined) continue
        this.copyTo[slot] = target
        this.copyFrom[slot] = from
        held[target]!++
        this.sending[from]!++
        this.copying++
        const minutes = copyMinutes(this.options.copyGb, this.options.copyMbps, this.sending[from])
        this.copyDoneAt[slot] = this.t + minutes
        // A copy that takes less than a step lands within it.
        if (minutes <= 0) {
          this.endCopy(slot)
          host[slot] = target
          this.nodeHealedAt[target] = this.t
          healed++
        }
      }
    }
    this.milestone('healed', 'grid', healed)
  }

  private endCopy(slot: number): void {
    this.sending[this.copyFrom[slot]!]!--
    this.copyTo[slot] = -1
    this.copyFrom[slot] = -1
    this.copying--
  }

  /** The serving state from nodeUp and planeUp. */
  private updateServing(): void {
    const planes = this.net.planes
    const serving = this.serving
    if (!planes || !serving) return
    const { nodeOff, nodeDeps, serviceOff, serviceDeps } = planes
    const up = this.planeUp
    for (let v = 0; v < serving.node.length; v++) {
      let ok = this.nodeUp[v]!
      for (let q = nodeOff[v]!; ok && q < nodeOff[v + 1]!; q++) ok = up[nodeDeps[q]!]!
      serving.node[v] = ok
    }
    for (let s = 0; s < serving.service.length; s++) {
      let ok = 1
      for (let q = serviceOff[s]!; ok && q < serviceOff[s + 1]!; q++) ok = up[serviceDeps[q]!]!
      serving.service[s] = ok
    }
  }

  /**
   * The metrics of the current state. `elapsedMin`: the simulated minutes of the step that produced it, which
   * are counted as lost at this state's availability, so a failure costs from its very first step (0: the same
   * moment measured again, after an action from outside the step loop, which adds no time).
   */
  private measure(withLatency: boolean, elapsedMin = 0): StepMetrics {
    connectAlive(this.net.graph, this.nodeUp, this.linkUp, this.metrics.uf)
    const host = this.net.services ? this.host : null
    this.updateServing()
    const reach = this.metrics.reach(this.nodeUp, host, this.clusterUp, this.serving)
    if (elapsedMin > 0 && reach.serviceAvailability !== null && this.net.users) {
      this.userHoursLost += (1 - reach.serviceAvailability) * this.net.users.totalPop * (elapsedMin / 60)
    }
    if (withLatency) this.lastLatency = this.metrics.latency(this.nodeUp, this.linkUp, host, this.onTree, this.serving)
    let failedNodes = 0
    for (let v = 0; v < this.nodeUp.length; v++) failedNodes += 1 - this.nodeUp[v]!
    let failedLinks = 0
    for (let e = 0; e < this.linkUp.length; e++) failedLinks += 1 - this.linkUp[e]!
    return {
      t: this.t,
      usersOnline: reach.usersOnline,
      serviceAvailability: reach.serviceAvailability,
      survivability: reach.survivability,
      latencyP50Ms: this.lastLatency.p50,
      latencyP95Ms: this.lastLatency.p95,
      failedNodes,
      failedLinks,
      userHoursLost: this.net.users && this.net.services ? this.userHoursLost : null,
    }
  }
}

/** Attack scores: initial degree, or initial load (betweenness; sampled on large graphs). */
export function attackScores(
  net: Network,
  by: 'degree' | 'load',
  nodeUp: Uint8Array,
  linkUp: Uint8Array | null,
  rng: Rng,
): ArrayLike<number> {
  const g = net.graph
  return by === 'degree' ? degrees(g) : new Betweenness(g).compute(nodeUp, linkUp, loadSources(g, rng))
}

/** The order an attacker takes working nodes out: highest score first, ties broken at random. */
export function attackOrder(score: ArrayLike<number>, nodeUp: Uint8Array, rng: Rng): Int32Array {
  const n = nodeUp.length
  const tie = new Float64Array(n)
  for (let v = 0; v < n; v++) tie[v] = rng.float()
  const order = Int32Array.from({ length: n }, (_, i) => i).filter((v) => nodeUp[v] === 1)
  return order.sort((a, b) => score[b]! - score[a]! || tie[a]! - tie[b]!)
}

/** The machines a push goes through. */
function pushMembers(net: Network, operator: number | 'largest' | 'all'): Int32Array {
  const n = net.graph.n
  if (operator === 'all') return Int32Array.from({ length: n }, (_, i) => i)
  let op = operator
  if (op === 'largest') {
    const count = new Uint32Array(net.operatorCount)
    for (let v = 0; v < n; v++) count[net.operator[v]!]!++
    op = 0
    for (let o = 1; o < count.length; o++) if (count[o]! > count[op]!) op = o
  }
  const members: number[] = []
  for (let v = 0; v < n; v++) if (net.operator[v] === op) members.push(v)
  return Int32Array.from(members)
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0
}

function expSample(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng.float())
}

/** Γ(x) for x > 0 (Lanczos). */
export function gammaFn(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFn(1 - x))
  const g = 7
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ]
  x -= 1
  let a = c[0]!
  const t = x + g + 0.5
  for (let i = 1; i < g + 2; i++) a += c[i]! / (x + i)
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a
}
