/**
 * Who brings a failure back, and when. Two ways, and the demo's argument is the difference between them:
 *
 * - People. A failed part comes back when whoever runs it has noticed and put it right. A cloud provider's
 *   regions, points of presence and shared planes come back when its engineers have detected, diagnosed and
 *   mitigated the failure: its time to detect and time to restore are the medians of the recorded outages
 *   (incidents/facts.ts), so they are what really happened, not a guess. A small node of the grid comes back
 *   when its farmer repairs it (FAILURE_MODELS: 12 hours; a person has to go and look). An area a disaster hit
 *   (its power, the people's own connections, every node in it) comes back when the area does, the same on
 *   every network; so do links, whoever carries them.
 * - Software. The grid's self-healing makes a lost copy again on another node with no person involved: once the
 *   copy's node has been gone long enough to count as lost (a short blip sets off nothing), a surviving copy is
 *   sent over the links between nodes, and the time that takes is the data over the bandwidth (an assumption,
 *   stated in the methodology panel and a parameter of the command line).
 *
 * A recorded outage replays with its reported duration instead (a number for SimOptions.repairAfterMin).
 */

import { INCIDENT_FACTS } from './incidents/facts.ts'
import { FAILURE_MODELS, NodeClass } from './network.ts'

/** How long each kind of repair by people takes, minutes from the failure. */
export interface ResponseTimes {
  /** The cloud provider's engineers learn of a failure (an alert, someone triaging it). */
  cloudDetectMin: number
  /** The cloud provider has restored what failed (detection, diagnosis and mitigation, all of it). */
  cloudRestoreMin: number
  /** A small node's operator has repaired it. */
  nodeRepairMin: number
  /** An area a disaster hit is back: its power and its people's connections, and the nodes in it. */
  areaRestoreMin: number
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/**
 * The recorded outages a provider's own engineers put right: not a fire or a strike (buildings to rebuild) nor a
 * bad release to every machine (fixed by hand, machine by machine): their duration is the provider's time to
 * restore.
 */
export const RESPONSE_INCIDENTS = INCIDENT_FACTS.filter((i) => i.layer !== 'site' && i.layer !== 'machines')

/** The recorded outages whose report says when the operator knew of it. */
export const DETECTED_INCIDENTS = INCIDENT_FACTS.filter((i) => i.detectMin !== null)

export const DEFAULT_RESPONSE: ResponseTimes = {
  cloudDetectMin: median(DETECTED_INCIDENTS.map((i) => i.detectMin!)),
  cloudRestoreMin: median(RESPONSE_INCIDENTS.map((i) => i.durationMin)),
  nodeRepairMin: FAILURE_MODELS[NodeClass.peer].mttrHours * 60,
  // A regional disaster keeps an area dark as long as a region's major outage lasts (FAILURE_MODELS).
  areaRestoreMin: FAILURE_MODELS[NodeClass.region].mttrHours * 60,
}

/** Who repairs a part: the cloud provider, a small node's operator, or the area it is in. */
export const RepairBy = { provider: 0, operator: 1, area: 2 } as const
export type RepairBy = (typeof RepairBy)[keyof typeof RepairBy]

/** Who repairs a node of this class when it fails on its own (not in a disaster's area). */
export function repairerOf(cls: NodeClass): RepairBy {
  return cls === NodeClass.region || cls === NodeClass.pop ? RepairBy.provider : RepairBy.operator
}

/** Minutes from a failure to its repair by `by`. */
export function responseMinutes(times: ResponseTimes, by: RepairBy): number {
  return by === RepairBy.provider
    ? times.cloudRestoreMin
    : by === RepairBy.operator
      ? times.nodeRepairMin
      : times.areaRestoreMin
}

/** The data one copy of a service holds, GB (an assumption: a small web service's files and database). */
export const DEFAULT_COPY_GB = 10
/** What a node sends a copy at, Mbit/s (an assumption: a good home or office upstream). */
export const DEFAULT_COPY_MBPS = 100

/**
 * Minutes to send one copy of `gb` at `mbps`, when the sending node sends `sharing` copies at once (they share its
 * upstream).
 */
export function copyMinutes(gb: number, mbps: number, sharing = 1): number {
  if (!(mbps > 0)) return Infinity
  return (gb * 8000 * Math.max(1, sharing)) / mbps / 60
}

/** What people or the grid's own software did at one step, for the timeline. */
export interface Milestone {
  /** Simulated minutes since the start. */
  t: number
  /**
   * detected: the provider's engineers learn of failures of theirs; repaired: people brought parts back;
   * healed: the grid made lost copies again by itself.
   */
  kind: 'detected' | 'repaired' | 'healed'
  /** Who did it: 'provider', 'operator', 'area' (repaired, detected); 'grid' (healed). */
  by: 'provider' | 'operator' | 'area' | 'grid'
  /** Parts detected or repaired (nodes, links, shared planes), or copies made. */
  count: number
}

export const REPAIR_BY_NAMES = ['provider', 'operator', 'area'] as const satisfies readonly Milestone['by'][]

/** A run keeps at most this many milestones (the newest): churn and long runs stay bounded. */
export const MAX_MILESTONES = 200
