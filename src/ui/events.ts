/**
 * The event log: what failed, when, and what it cost, read off a run's metrics step by step. Pure: the series
 * (one StepMetrics per step, the first at t = 0) and the scenario in, plain lines out, newest first:
 * "T+12 min: 34 more nodes failed (cascade round 3); services available 71% (−12 points)".
 *
 * Only what the metrics show is said: node and link counts going up or down, services available and users online
 * moving, services coming back while nodes are still down (self-healing), and the moment everything is back.
 * The shares have the HUD's names and are written by its rule (formatPercent), and a share is news when its figure
 * on screen changes, with the points between the two figures as shown: so the newest line that quotes a share
 * quotes what the HUD and the sentence show now.
 */

import type { StepMetrics } from '../sim/engine'
import type { Milestone } from '../sim/repair'
import type { ScenarioSpec } from '../sim/scenarios'
import {
  capitalize,
  formatClock,
  formatCount,
  formatPercent,
  formatPersonHours,
  formatPoints,
  plural,
  pointsBetween,
  shownPercent,
} from './hud/format'
import type { Severity } from './hud/severity'
import { incidentLabel, scenarioSubject, triggerName, type NetInfo } from './narrate'

export interface LogEvent {
  /** Simulated minutes since the start. */
  t: number
  /** "T+12 min". */
  when: string
  /** What happened and what it cost, one sentence without the time. */
  what: string
  /** How it went for people: a loss (bad), a partial recovery (warn), a full one or the start (ok). */
  severity: Exclude<Severity, 'none'>
}

export interface EventContext {
  scenario: ScenarioSpec
  net: NetInfo & { selfHealing?: boolean }
  /** What people and the grid's own software did (sim/repair.ts): who repaired, when they knew, what healed. */
  milestones?: readonly Milestone[]
}

/** Who brought nodes back, as a "came back" line says it. */
const REPAIRED_BY: Record<Milestone['by'], string> = {
  provider: "restored by the provider's engineers",
  operator: 'repaired by their operators',
  area: 'the area is back',
  grid: 'by the grid itself',
}

/** The log keeps this many lines (the newest). */
export const MAX_EVENTS = 60
const EPS = 1e-9

/** Every event of a run, newest first, at most `max`. */
export function deriveEvents(series: readonly StepMetrics[], ctx: EventContext, max = MAX_EVENTS): LogEvent[] {
  const out: LogEvent[] = []
  const first = series[0]
  if (!first) return out
  out.push(startEvent(first, ctx))
  // Index of the step where the scenario's failures began (the first with a change), for "round k".
  let onset = -1
  const milestones = ctx.milestones ?? []
  let next = 0
  for (let i = 1; i < series.length; i++) {
    const a = series[i - 1]!
    const b = series[i]!
    // The milestones since the last entry (both lists are in time order; a fast clock records a step of several
    // minutes); those before the series' first entry (it keeps the newest) are passed over.
    while (next < milestones.length && milestones[next]!.t <= a.t) next++
    const from = next
    while (next < milestones.length && milestones[next]!.t <= b.t) next++
    const now = milestones.slice(from, next)
    const detected = now.filter((m) => m.kind === 'detected')
    const alert =
      detected.length > 0 ? detectedEvent({ ...detected[0]!, count: detected.reduce((n, m) => n + m.count, 0) }) : null
    // In time order; an alert in the same minute as the failure it learns of comes after it.
    if (alert && alert.t < b.t) out.push(alert)
    const e = stepEvent(a, b, first, ctx, i, onset, now)
    if (e) {
      if (onset < 0 && b.failedNodes + b.failedLinks > a.failedNodes + a.failedLinks) onset = i
      out.push(e)
    }
    if (alert && alert.t === b.t) out.push(alert)
  }
  out.reverse()
  return out.length > max ? out.slice(0, max) : out
}

/** The provider's engineers learn of failures of theirs: from here on, restoring takes people. */
function detectedEvent(m: Milestone): LogEvent {
  const what =
    m.count === 1
      ? "The provider's engineers are alerted and set to work on it"
      : `The provider's engineers are alerted to ${plural(m.count, 'failure')} and set to work`
  return { t: m.t, when: formatClock(m.t), what, severity: 'warn' }
}

function startEvent(f: StepMetrics, context: EventContext): LogEvent {
  const n = context.net.graph.n
  const nodes =
    f.failedNodes === 0 ? `all ${plural(n, 'node')} up` : `${formatCount(n - f.failedNodes)} of ${plural(n, 'node')} up`
  const services =
    f.serviceAvailability === null
      ? `survivability ${formatPercent(f.survivability)}`
      : shownPercent(f.serviceAvailability) === 100
        ? 'every service answers'
        : `services available ${formatPercent(f.serviceAvailability)}`
  const what =
    context.scenario.kind === 'none'
      ? `Start: ${nodes}; ${services}`
      : `Start (${scenarioName(context)}): ${nodes}; ${services}`
  return { t: f.t, when: formatClock(f.t), what, severity: 'ok' }
}

/** A short name of the scenario for the start line. */
function scenarioName({ scenario, net }: EventContext): string {
  switch (scenario.kind) {
    case 'site':
      return `${scenarioSubject(net, scenario)} will fail`
    case 'region':
      return `a disaster will take down ${scenarioSubject(net, scenario)}`
    case 'random':
      return `${formatPercent(scenario.fraction)} of nodes will fail at random`
    case 'links':
      return `${formatPercent(scenario.fraction)} of links will be cut`
    case 'attack':
      return `an attack on the ${formatPercent(scenario.fraction)} ${scenario.by === 'load' ? 'busiest' : 'best-connected'} nodes`
    case 'cascade':
      return `an overload cascade, α = ${scenario.alpha}`
    case 'spread':
      return `a failure spreading along links, T = ${scenario.transmissibility}`
    case 'push':
      return `a bad push through ${scenarioSubject(net, scenario)}`
    case 'churn':
      return 'everyday churn'
    case 'none':
      return 'a normal day'
    case 'incident':
      return `replaying ${incidentLabel(scenario.id)}`
  }
}

/** Why nodes fail in a step, in the scenario's terms: "(cascade round 3)". */
function cause(scenario: ScenarioSpec, round: number): string {
  switch (scenario.kind) {
    case 'cascade':
      return ` (cascade round ${round})`
    case 'spread':
      return ` (spreading, round ${round})`
    case 'push':
      return ` (bad push, wave ${round})`
    case 'churn':
      return ' (churn)'
    default:
      return ''
  }
}

function stepEvent(
  a: StepMetrics,
  b: StepMetrics,
  first: StepMetrics,
  { scenario, net }: EventContext,
  i: number,
  onset: number,
  milestones: readonly Milestone[] = [],
): LogEvent | null {
  const parts: string[] = []
  const dNodes = b.failedNodes - a.failedNodes
  const dLinks = b.failedLinks - a.failedLinks
  const round = onset < 0 ? 0 : i - onset
  const firstHit = onset < 0 && dNodes + dLinks > 0

  if (dNodes > 0) {
    if (firstHit && scenario.kind === 'site' && dNodes === 1) parts.push(`${scenarioSubject(net, scenario)} went down`)
    else if (firstHit && scenario.kind === 'region')
      parts.push(`a disaster took down ${scenarioSubject(net, scenario)}: ${plural(dNodes, 'node')}`)
    else if (firstHit && scenario.kind === 'attack') parts.push(`an attack took out ${plural(dNodes, 'node')}`)
    else if (firstHit && scenario.kind === 'random') parts.push(`${plural(dNodes, 'node')} failed at random`)
    else if (firstHit && scenario.kind === 'cascade')
      parts.push(
        dNodes === 1
          ? `the cascade begins: the ${triggerName(scenario.trigger)} failed`
          : `the cascade begins: ${plural(dNodes, 'node')} failed`,
      )
    else if (firstHit && scenario.kind === 'spread') parts.push(`the failure starts: ${plural(dNodes, 'node')} down`)
    else if (firstHit && scenario.kind === 'push') parts.push(`the bad push starts: ${plural(dNodes, 'machine')} down`)
    else parts.push(`${formatCount(dNodes)} more ${dNodes === 1 ? 'node' : 'nodes'} failed${cause(scenario, round)}`)
  } else if (dNodes < 0) {
    const who = [...new Set(milestones.filter((m) => m.kind === 'repaired').map((m) => REPAIRED_BY[m.by]))]
    parts.push(`${plural(-dNodes, 'node')} came back${who.length > 0 ? ` (${who.join('; ')})` : ''}`)
  }
  if (dLinks > 0) parts.push(`${plural(dLinks, 'link')} cut`)
  else if (dLinks < 0) parts.push(`${plural(-dLinks, 'link')} restored`)

  const sa0 = a.serviceAvailability
  const sa1 = b.serviceAvailability
  const uo0 = a.usersOnline
  const uo1 = b.usersOnline
  const dSa = sa0 !== null && sa1 !== null ? sa1 - sa0 : 0
  const dUo = uo0 !== null && uo1 !== null ? uo1 - uo0 : 0
  // News is what a viewer can see change: the figure on screen (a move within 68% is not; 99.9% to 99.8% is).
  const saNews = sa0 !== null && sa1 !== null && formatPercent(sa0) !== formatPercent(sa1)
  const uoNews = uo0 !== null && uo1 !== null && formatPercent(uo0) !== formatPercent(uo1)

  // Copies made again by the grid's own software: news even when no figure moves (the services kept answering
  // from their other copies; now they have as many as before).
  const healedCount = milestones.reduce((n, m) => n + (m.kind === 'healed' ? m.count : 0), 0)
  const healed = healedCount > 0
  if (healed)
    parts.push(`${plural(healedCount, 'lost copy', 'lost copies')} made again on other nodes by the grid itself`)
  // Services back while nothing was repaired: lost copies re-created elsewhere (only a self-healing network does).
  else if (parts.length === 0 && dSa > 0 && saNews && net.selfHealing)
    parts.push('lost copies re-created on other nodes')
  if (healed && parts.length === 1 && !saNews && !uoNews)
    return { t: b.t, when: formatClock(b.t), what: capitalize(parts[0]!), severity: 'warn' }
  if (parts.length === 0 && !saNews && !uoNews) return null
  if (parts.length === 0) parts.push(dSa > 0 || dUo > 0 ? 'people reconnected' : 'services lost')

  const costs: string[] = []
  // Services first, then users online, as the sentence says them.
  if (saNews) costs.push(`services available ${formatPercent(sa1)} (${formatPoints(pointsBetween(sa0, sa1))})`)
  else if (sa1 !== null && dNodes + dLinks > 0)
    costs.push(
      shownPercent(sa1) === 100 ? 'every service still answers' : `services available still ${formatPercent(sa1)}`,
    )
  if (uoNews) costs.push(`users online ${formatPercent(uo1)} (${formatPoints(pointsBetween(uo0, uo1))})`)

  const allBack =
    b.failedNodes === 0 &&
    b.failedLinks === 0 &&
    (a.failedNodes > 0 || a.failedLinks > 0 || saNews || uoNews) &&
    (sa1 ?? 1) >= (first.serviceAvailability ?? 1) - EPS &&
    (uo1 ?? 1) >= (first.usersOnline ?? 1) - EPS
  if (allBack) {
    const lost = b.userHoursLost && b.userHoursLost > 0 ? `; ${formatPersonHours(b.userHoursLost)} lost in all` : ''
    return {
      t: b.t,
      when: formatClock(b.t),
      what: `${capitalize(parts.join(', '))}: everything is back${lost}`,
      severity: 'ok',
    }
  }

  const what = capitalize([parts.join(', '), ...costs].join('; '))
  const worse = dSa < -EPS || dUo < -EPS || (dNodes + dLinks > 0 && !(dSa > EPS))
  const severity = worse ? 'bad' : 'warn'
  return { t: b.t, when: formatClock(b.t), what, severity }
}
