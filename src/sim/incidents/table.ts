/**
 * The model against the record: every incident replayed on every network, its reach and duration beside the
 * reported ones. Printed by `npm run sim -- incidents`, checked by incidents.test.ts.
 *
 * Measures, per network, relative to the same network just before the outage:
 * - services down: the peak share of services unavailable (user-weighted, as serviceAvailability);
 * - users offline: the peak share of people who reach no service at all;
 * - outage minutes: simulated minutes during which either was above zero;
 * - person-hours: person-hours of service lost, over the world's population the network serves.
 * Where the incident reports its reach as a share, it stands beside the centralized cloud's peak services down
 * (the network the incident happened to, in the model); a gap of more than 10 times either way is flagged: a
 * finding about the model's coarseness, not a failure.
 */

import { Simulation } from '../engine.ts'
import type { StepMetrics } from '../engine.ts'
import type { Network } from '../network.ts'
import { replayOptions, replayScenario } from './replay.ts'
import type { Incident } from './types.ts'

/** What each figure of the table means, printed with it. */
export const INCIDENT_TABLE_DEFINITIONS = {
  servicesDown: 'peak share of services unavailable, user-weighted, against the same network just before',
  usersOffline: 'peak share of people who reach no service at all, against the same network just before',
  outageMin: 'simulated minutes during which either was above zero',
  personHours: 'person-hours of service lost, over the world population the network serves',
  modelShare: "the centralized cloud's servicesDown, set beside the incident's reported share",
  offByOrder: 'model and record more than 10 times apart (a finding about the model, not a failure)',
} as const

export interface ReplayResult {
  network: string
  how: string
  dtMin: number
  servicesDown: number
  usersOffline: number
  outageMin: number
  personHours: number
  series: StepMetrics[]
}

/** Replays one incident on one network, deterministically from the seed. */
export function replayIncident(net: Network, inc: Incident, seed = net.seed, maxSteps = 240): ReplayResult {
  const { scenario, how } = replayScenario(net, inc)
  const { options, steps } = replayOptions(inc, maxSteps)
  // Latency is not part of the table: measured at the start only (it costs far more than the rest).
  const sim = new Simulation(net, scenario, seed, { ...options, latencyEvery: Number.MAX_SAFE_INTEGER })
  const series = sim.run(steps)
  const base = series[0]!
  const baseAvail = base.serviceAvailability ?? 0
  const baseUsers = base.usersOnline ?? 0
  const dt = options.dtMin!
  const pop = net.users?.totalPop ?? 0
  let servicesDown = 0
  let usersOffline = 0
  let outageMin = 0
  let personHours = 0
  for (const m of series.slice(1)) {
    const lostAvail = baseAvail - (m.serviceAvailability ?? 0)
    const lostUsers = baseUsers - (m.usersOnline ?? 0)
    servicesDown = Math.max(servicesDown, baseAvail > 0 ? lostAvail / baseAvail : 0)
    usersOffline = Math.max(usersOffline, baseUsers > 0 ? lostUsers / baseUsers : 0)
    if (lostAvail > 1e-9 || lostUsers > 1e-9) outageMin += dt
    personHours += Math.max(0, lostAvail) * pop * (dt / 60)
  }
  return { network: net.name, how, dtMin: dt, servicesDown, usersOffline, outageMin, personHours, series }
}

export interface IncidentRow {
  id: string
  title: string
  date: string
  mechanism: Incident['mechanism']
  layer: Incident['layer']
  reportedDurationMin: number
  reportedShare: number | null
  reportedShareOf: string | null
  /** The centralized cloud's peak services down, set beside the reported share (null without one). */
  modelShare: number | null
  /** True where model and record differ by more than 10 times either way; null where there is nothing to compare. */
  offByOrder: boolean | null
  networks: Omit<ReplayResult, 'series'>[]
}

/** More than 10 times apart, either way (a model share of 0 against a reported one is apart). */
export function offByOrder(model: number, reported: number): boolean {
  if (model <= 0 || reported <= 0) return model !== reported
  return model / reported > 10 || reported / model > 10
}

/** The table: each incident replayed on each network (the first network is the one compared with the record). */
export function incidentTable(nets: readonly Network[], incidents: readonly Incident[], seed?: number): IncidentRow[] {
  return incidents.map((inc) => {
    const results = nets.map((net) => {
      const { series: _series, ...rest } = replayIncident(net, inc, seed ?? net.seed)
      return rest
    })
    const reported = inc.reportedShare?.share ?? null
    const modelShare = reported === null || results.length === 0 ? null : results[0]!.servicesDown
    return {
      id: inc.id,
      title: inc.title,
      date: inc.date,
      mechanism: inc.mechanism,
      layer: inc.layer,
      reportedDurationMin: inc.durationMin,
      reportedShare: reported,
      reportedShareOf: inc.reportedShare?.of ?? null,
      modelShare,
      offByOrder: reported === null || modelShare === null ? null : offByOrder(modelShare, reported),
      networks: results,
    }
  })
}
