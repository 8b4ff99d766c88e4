/**
 * One plain sentence of what just happened to a network, for the HUD's caption band: "Northern Virginia is down:
 * services available 70%.", "A cascade is spreading: round 4, 212 nodes down. Services available 83%; users
 * online 97%, the rest cut off." Pure: the scenario, the network and its metrics in, a sentence out.
 *
 * Honest by construction: the only percentages in it are the HUD's own two, services available and users online,
 * under the same names and written by the same rule (formatPercent), so the sentence never shows a number the
 * tiles above it contradict. Services come first (it is the number that differs between the networks: in a
 * regional disaster users online are about the same everywhere); people cut off second. A loss is said plainly
 * whichever network suffers it, and nothing is called "safe" or "resilient": the numbers say it.
 */

import type { StepMetrics } from '../sim/engine'
import { greatCircleKm } from '../sim/geo'
import type { Network, NodeClass } from '../sim/network'
import { NODE_CLASS_NAMES } from '../sim/network'
import { incidentById } from '../sim/incidents/replay'
import { METROS } from '../sim/regions'
import { resolveScenario, type ScenarioSpec } from '../sim/scenarios'
import { capitalize, formatCount, formatPercent, formatPersonHours, plural, shownPercent } from './hud/format'

/** What narrate needs of a network (a Network has all of it). */
export type NetInfo = Pick<
  Network,
  'kind' | 'graph' | 'labels' | 'nodeClass' | 'lat' | 'lon' | 'hasGeo' | 'services' | 'operatorCount'
>

export interface NarrateInput {
  scenario: ScenarioSpec
  net: NetInfo
  /** The latest metrics, the run's first (t = 0), and the step before the latest if any. */
  latest: StepMetrics
  first: StepMetrics
  previous?: StepMetrics | null
  /** The scenario's round in the latest snapshot (a cascade's, a spread's, a push's wave). */
  round?: number
}

/** A metro named in place of coordinates when one is this close, km. */
const NEAR_KM = 400
/** Shares this close are the same (float noise in sums over millions of people). */
const EPS = 1e-9

/** The name of the known metro nearest a place, if one is within `withinKm`. */
export function placeName(lat: number, lon: number, withinKm = NEAR_KM): string | null {
  let best: string | null = null
  let bestKm = withinKm
  for (const m of METROS) {
    const km = greatCircleKm(lat, lon, m.lat, m.lon)
    if (km <= bestKm) {
      best = m.name
      bestKm = km
    }
  }
  return best
}

/** "50.1°N 8.7°E". */
export function formatPlace(lat: number, lon: number): string {
  const ns = `${Math.abs(lat).toFixed(1)}°${lat >= 0 ? 'N' : 'S'}`
  const ew = `${Math.abs(lon).toFixed(1)}°${lon >= 0 ? 'E' : 'W'}`
  return `${ns} ${ew}`
}

/** "near Frankfurt", or "at 50.1°N 8.7°E" where no metro is close. */
function nearPlace(lat: number, lon: number): string {
  const name = placeName(lat, lon)
  return name ? `near ${name}` : `at ${formatPlace(lat, lon)}`
}

// Resolving a site scenario looks for the nearest node, O(nodes): kept per network and scenario object.
const subjects = new WeakMap<NetInfo, WeakMap<ScenarioSpec, string>>()

/**
 * What a scenario hits on a network, in words: "Northern Virginia" (a labelled site), "a small node near
 * Northern Virginia", "everything within 700 km of Frankfurt", "a cascade"…
 */
export function scenarioSubject(net: NetInfo, spec: ScenarioSpec): string {
  let byNet = subjects.get(net)
  if (!byNet) subjects.set(net, (byNet = new WeakMap()))
  const cached = byNet.get(spec)
  if (cached !== undefined) return cached
  const subject = computeSubject(net, spec)
  byNet.set(spec, subject)
  return subject
}

function computeSubject(net: NetInfo, spec: ScenarioSpec): string {
  switch (spec.kind) {
    case 'site': {
      const s = resolveScenario(net as Network, spec)
      const node = s.kind === 'site' ? s.node : -1
      if (node < 0 || node >= net.graph.n) return 'one node'
      const label = net.labels.get(node)
      if (label) return label
      const cls = NODE_CLASS_NAMES[net.nodeClass[node] as NodeClass] ?? 'node'
      return net.hasGeo ? `a ${cls} ${nearPlace(net.lat[node]!, net.lon[node]!)}` : `a ${cls}`
    }
    case 'region': {
      const name = placeName(spec.lat, spec.lon, Math.max(NEAR_KM, spec.radiusKm / 2))
      const where = name ? `of ${name}` : `of ${formatPlace(spec.lat, spec.lon)}`
      return `everything within ${formatCount(spec.radiusKm)} km ${where}`
    }
    case 'spread':
      return spec.at
        ? `a failure spreading from ${nearPlace(spec.at.lat, spec.at.lon).replace(/^at /, '')}`
        : 'a spreading failure'
    case 'push':
      return pushSubject(net, spec.operator)
    default:
      return spec.kind
  }
}

/** Whose machines a push goes through. */
function pushSubject(net: NetInfo, operator: number | 'largest' | 'all'): string {
  if (operator === 'all') return 'every machine (one software release everywhere)'
  if (net.operatorCount <= 1) return "the only operator's machines"
  return operator === 'largest' ? "the largest operator's machines" : `operator ${operator}'s machines`
}

/** The sentence. */
export function narrate(input: NarrateInput): string {
  const { scenario, net, latest: m, first: f } = input
  const started = m.t > f.t
  const n = net.graph.n

  if (m.serviceAvailability === null || m.usersOnline === null) return narrateAbstract(input)

  const changed =
    m.failedNodes !== f.failedNodes ||
    m.failedLinks !== f.failedLinks ||
    Math.abs((m.serviceAvailability ?? 1) - (f.serviceAvailability ?? 1)) > EPS ||
    Math.abs((m.usersOnline ?? 1) - (f.usersOnline ?? 1)) > EPS
  if (!changed && (!started || scenario.kind === 'none')) return atRest(m, n, scenario.kind === 'none')
  // Failures by hand before the scenario has started are not the scenario's doing.
  if (!started) input = { ...input, scenario: { kind: 'none' } }

  const impact = impactClause(m, f)
  const lead = leadClause(input)
  if (lead === null) return recovered(m, n)
  // A lead with its own colon ("a cascade is spreading: round 4, …") gets the impact as a second short sentence:
  // a second colon, or a run of semicolons, is hard to read from the back of a room.
  return lead.includes(':') ? `${capitalize(lead)}. ${capitalize(impact)}.` : `${capitalize(lead)}: ${impact}.`
}

/**
 * The HUD's two shares as the sentence says them: "services available 68%; users online 98%, the rest cut off",
 * users online only when some people are cut off. `still` for a network under a failure ("every service still
 * answers"). Decided on the figures as shown, so the words never contradict the tiles ("every service" is only
 * said when the tile reads 100%).
 */
function shares(m: StepMetrics, still: boolean): string {
  const services = shownPercent(m.serviceAvailability) ?? 0
  const users = shownPercent(m.usersOnline) ?? 0
  if (users === 0) return 'nobody can reach any service'
  if (services === 100) return still ? 'every service still answers' : 'every service answers'
  const out = `services available ${formatPercent(m.serviceAvailability)}`
  return users === 100 ? out : `${out}; users online ${formatPercent(m.usersOnline)}, the rest cut off`
}

/** Before anything happens, or on a normal day (which is only called so when nothing is down). */
function atRest(m: StepMetrics, n: number, normalDay: boolean): string {
  const healthy = m.failedNodes === 0 && m.failedLinks === 0 && m.serviceAvailability === 1 && m.usersOnline === 1
  const nodes =
    m.failedNodes === 0
      ? `all ${plural(n, 'node')} are up`
      : `${formatCount(n - m.failedNodes)} of ${plural(n, 'node')} are up`
  const links = m.failedLinks > 0 ? `, ${plural(m.failedLinks, 'link')} cut,` : ''
  const latency = m.latencyP50Ms === null ? '' : ` (median latency ${Math.round(m.latencyP50Ms)} ms)`
  const prefix = !healthy ? '' : normalDay ? 'A normal day: ' : 'Ready: '
  if (shownPercent(m.serviceAvailability) === 100)
    return capitalize(`${prefix}${nodes}${links} and every service answers${latency}.`)
  return capitalize(`${prefix}${nodes}${links}: ${shares(m, false)}.`)
}

/** Everything the scenario took down is back. */
function recovered(m: StepMetrics, n: number): string {
  const lost = m.userHoursLost && m.userHoursLost > 0 ? `; ${formatPersonHours(m.userHoursLost)} were lost` : ''
  const services =
    shownPercent(m.serviceAvailability) === 100
      ? 'every service answers again'
      : `services available ${formatPercent(m.serviceAvailability)}`
  return `Everything is back: all ${plural(n, 'node')} up and ${services}${lost}.`
}

/**
 * What the people see, from the metrics alone: the HUD's shares; and where every service still answers, the
 * latency if it rose (while services are lost, that is the news, and the latency tile says the rest).
 */
export function impactClause(m: StepMetrics, f: StepMetrics): string {
  const out = shares(m, true)
  if (shownPercent(m.serviceAvailability) !== 100) return out
  const p50 = m.latencyP50Ms
  const p50First = f.latencyP50Ms
  if (p50 !== null && p50First !== null && p50 > p50First * 1.1 && Math.round(p50) > Math.round(p50First))
    return `${out}; median latency up from ${Math.round(p50First)} to ${Math.round(p50)} ms`
  return out
}

/** What happened, in the scenario's terms; null once everything it took down is back. */
function leadClause({ scenario, net, latest: m, first: f, previous, round }: NarrateInput): string | null {
  const n = net.graph.n
  const downNow = m.failedNodes
  const growing = previous ? m.failedNodes > previous.failedNodes : false
  const allBack =
    m.failedNodes === 0 && m.failedLinks === 0 && (m.serviceAvailability ?? 1) >= (f.serviceAvailability ?? 1) - EPS

  switch (scenario.kind) {
    case 'site': {
      const subject = scenarioSubject(net, scenario)
      if (downNow === 0) return allBack ? null : `${subject} is back up`
      return `${subject} is down`
    }
    case 'region': {
      if (downNow === 0 && allBack) return null
      // Headline style: the caption band has room for about 120 characters, and the impact follows.
      const where = scenarioSubject(net, scenario).replace(/^everything within /, '')
      return `disaster within ${where}: ${plural(downNow, 'node')} down`
    }
    // Counts "of" the whole rather than a percentage: the only percentages in the sentence are the HUD's two.
    case 'random':
      if (downNow === 0 && allBack) return null
      return `${formatCount(downNow)} of ${plural(n, 'node')} failed at random`
    case 'links':
      if (m.failedLinks === 0 && allBack) return null
      return `${formatCount(m.failedLinks)} of ${plural(net.graph.m, 'link')} ${m.failedLinks === 1 ? 'is' : 'are'} cut`
    case 'attack':
      if (downNow === 0 && allBack) return null
      return `an attack took out the ${plural(downNow, scenario.by === 'load' ? 'busiest node' : 'best-connected node')}`
    case 'cascade': {
      if (downNow === 0 && allBack) return null
      if ((round ?? 1) === 0) return `a cascade begins: the ${triggerName(scenario.trigger)} failed`
      if (growing) return `a cascade is spreading: ${round ? `round ${round}, ` : ''}${plural(downNow, 'node')} down`
      return `the cascade has stopped: ${plural(downNow, 'node')} down`
    }
    case 'spread': {
      if (downNow === 0 && allBack) return null
      if (growing) return `a failure is spreading: ${round ? `round ${round}, ` : ''}${plural(downNow, 'node')} down`
      return `the spreading failure has stopped: ${plural(downNow, 'node')} down`
    }
    case 'push': {
      if (downNow === 0 && allBack) return null
      const through = scenarioSubject(net, scenario)
      if (growing) return `a bad push is hitting ${through}: ${formatCount(downNow)} down`
      return `a bad push hit ${through}: ${formatCount(downNow)} down`
    }
    case 'churn':
      return `everyday churn: ${formatCount(downNow)} of ${plural(n, 'node')} are down right now`
    case 'incident': {
      if (allBack) return null
      // The date and the source are on the card under the numbers (IncidentCard): the title alone here.
      const what = incidentById(scenario.id)?.title ?? 'a recorded outage'
      return downNow > 0 ? `${what}, replayed: ${plural(downNow, 'node')} down` : `${what}, replayed`
    }
    case 'none': {
      if (allBack) return null
      const parts: string[] = []
      if (downNow > 0) parts.push(`${plural(downNow, 'node')} failed by hand`)
      if (m.failedLinks > 0) parts.push(`${plural(m.failedLinks, 'link')} cut by hand`)
      return parts.length > 0 ? parts.join(' and ') : 'after failures by hand'
    }
  }
}

/** A recorded outage in a few words: "Fastly: one customer’s configuration, June 2021". */
export function incidentLabel(id: string): string {
  const inc = incidentById(id)
  if (!inc) return 'a recorded outage'
  const month = new Date(`${inc.date}T00:00:00Z`).toLocaleString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
  return `${inc.title}, ${month}`
}

/** How a cascade's first node was picked, in words. */
export function triggerName(trigger: 'random' | 'degree' | 'load'): string {
  return trigger === 'load' ? 'busiest node' : trigger === 'degree' ? 'best-connected node' : 'node it started at'
}

/** A graph without people or services: only survivability (Baran's) can be said. */
function narrateAbstract({ net, latest: m }: NarrateInput): string {
  const n = net.graph.n
  const down = m.failedNodes > 0 ? `${plural(m.failedNodes, 'node')} down: ` : 'All nodes up: '
  return `${down}${formatPercent(m.survivability)} of the ${formatCount(n)} nodes are up and in the largest connected group.`
}
