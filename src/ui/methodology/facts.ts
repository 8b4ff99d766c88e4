/**
 * The live figures the methodology quotes, read from the model itself (the built networks and the failure
 * models), so the text can never drift from what the simulation does. Pure.
 */

import { gammaFn } from '../../sim/engine'
import type { Network } from '../../sim/network'
import { FAILURE_MODELS, NODE_CLASS_NAMES, NodeClass } from '../../sim/network'

const HOURS_PER_YEAR = 8760

export interface FailureRow {
  cls: NodeClass
  name: string
  /** Weibull shape and scale of uptimes, and the mean uptime (days). */
  shape: number
  scaleDays: number
  meanUpDays: number
  /** Failures a year on average, the mean repair time (hours) and the share of the time a node is down. */
  perYear: number
  mttrHours: number
  downShare: number
}

/** The failure model of a node class, with what it means over a year. */
export function failureRow(cls: NodeClass): FailureRow {
  const fm = FAILURE_MODELS[cls]
  const meanUpH = fm.scaleHours * gammaFn(1 + 1 / fm.shape)
  return {
    cls,
    name: NODE_CLASS_NAMES[cls],
    shape: fm.shape,
    scaleDays: fm.scaleHours / 24,
    meanUpDays: meanUpH / 24,
    perYear: HOURS_PER_YEAR / (meanUpH + fm.mttrHours),
    mttrHours: fm.mttrHours,
    downShare: fm.mttrHours / (meanUpH + fm.mttrHours),
  }
}

/** The rows the methodology shows: the classes of the built-in networks. */
export function failureRows(): FailureRow[] {
  return [NodeClass.region, NodeClass.pop, NodeClass.peer].map((c) => failureRow(c as NodeClass))
}

/**
 * The share of the time every one of `replicas` copies is down at once, if their nodes failed independently
 * (they do not always: a bad push or a disaster hits many at once, which is why those scenarios exist).
 */
export function allDownShare(downShare: number, replicas: number): number {
  return Math.pow(downShare, Math.max(1, replicas))
}

export interface NetworkFacts {
  nodes: number
  links: number
  /** Nodes per class present in the network. */
  byClass: Partial<Record<NodeClass, number>>
  services: number
  /** Copies of the least used service and of the most used (copies scale with demand on the grid). */
  replicas: number
  maxCopies: number
  operators: number
  /** Nodes of the operator that runs the most. */
  largestOperator: number
  clusters: number
  people: number
  selfHealing: boolean
}

export function networkFacts(net: Network): NetworkFacts {
  const byClass: Partial<Record<NodeClass, number>> = {}
  for (const c of net.nodeClass) byClass[c as NodeClass] = (byClass[c as NodeClass] ?? 0) + 1
  const perOperator = new Map<number, number>()
  for (const o of net.operator) perOperator.set(o, (perOperator.get(o) ?? 0) + 1)
  const s = net.services
  const copies = s
    ? Array.from(
        { length: s.count },
        (_, i) => s.host.subarray(i * s.replicas, (i + 1) * s.replicas).filter((h) => h >= 0).length,
      )
    : [0]
  return {
    nodes: net.graph.n,
    links: net.graph.m,
    byClass,
    services: net.services?.count ?? 0,
    replicas: Math.min(...copies),
    maxCopies: Math.max(...copies),
    operators: net.operatorCount,
    largestOperator: Math.max(0, ...perOperator.values()),
    clusters: net.users?.count ?? 0,
    people: net.users?.totalPop ?? 0,
    selfHealing: net.selfHealing,
  }
}
