/**
 * The difference between two networks under the same scenario, said in one plain sentence built from their
 * latest numbers: which keeps more services available (or, where services are level, more users online), by how
 * many points, and at what cost in median latency. Pure, so it is tested without a browser. The shares in it are
 * the HUD's, under the HUD's names and written by its rule, and the points are the difference of the two figures
 * as written (98% and 68%: 30 points), so the sentence and the tiles beside it agree.
 */

import type { StepMetrics } from '../../sim/engine'
import { NETWORK_LABELS, type NetworkKind } from '../../store/store'
import { capitalize, formatPercent, formatPoints, pointsBetween, shownPercent } from '../hud/format'

/** One side of the comparison: a network and its latest metrics. */
export interface Side {
  kind: NetworkKind
  metrics: StepMetrics
}

/** "the peer-to-peer grid": a network's name inside a sentence. */
export function networkName(kind: NetworkKind): string {
  const label = NETWORK_LABELS[kind]
  return `the ${label[0]!.toLowerCase()}${label.slice(1)}`
}

/** Median latencies rounded as the HUD shows them; null when either network has nobody to measure. */
function latencyGap(better: StepMetrics, worse: StepMetrics): number | null {
  if (better.latencyP50Ms === null || worse.latencyP50Ms === null) return null
  return Math.round(better.latencyP50Ms) - Math.round(worse.latencyP50Ms)
}

/** ", at 12 ms more median latency" / ", and 5 ms less median latency" / ", at the same median latency". */
function latencyClause(better: StepMetrics, worse: StepMetrics): string {
  const gap = latencyGap(better, worse)
  if (gap === null) return ''
  if (gap === 0) return ', at the same median latency'
  return gap > 0 ? `, at ${gap} ms more median latency` : `, and ${-gap} ms less median latency`
}

/** Whether two shares read the same on screen. */
function sameShare(a: number | null, b: number | null): boolean {
  return formatPercent(a) === formatPercent(b)
}

/**
 * The sentence for two networks: `started` says whether a scenario is under way (else both are healthy, and the
 * sentence is about what each costs at rest). Throws on two sides of the same network: that is no comparison.
 */
export function describeDifference(a: Side, b: Side, started: boolean): string {
  if (a.kind === b.kind) throw new Error(`describeDifference: both sides show ${a.kind}; compare two networks`)
  const unmeasured = [a, b].find(
    (side) => side.metrics.serviceAvailability === null || side.metrics.usersOnline === null,
  )
  if (unmeasured) {
    // An abstract graph (imported without places) has no people or services: only its structure can be compared.
    return `${capitalize(networkName(unmeasured.kind))} has no people or services on it to compare; the robustness chart compares its structure.`
  }
  const under = started ? 'Under the same failure' : 'With nothing failed'

  const metric = !sameShare(a.metrics.serviceAvailability, b.metrics.serviceAvailability)
    ? 'services'
    : !sameShare(a.metrics.usersOnline, b.metrics.usersOnline)
      ? 'users'
      : null

  if (metric === null) {
    // Level on what people get: the sentence is about what it costs.
    const what = `${under}, both keep ${formatPercent(a.metrics.serviceAvailability)} of services available`
    const gap = latencyGap(a.metrics, b.metrics)
    if (gap === null || gap === 0) return `${what}${gap === 0 ? ', at the same median latency' : ''}.`
    const [fast, slow] = gap < 0 ? [a, b] : [b, a]
    return `${what}; ${networkName(fast.kind)} answers ${Math.abs(gap)} ms faster at the median than ${networkName(slow.kind)}.`
  }

  const share = (m: StepMetrics) => (metric === 'services' ? m.serviceAvailability : m.usersOnline) ?? 0
  // Ranked on the figures as shown (they differ here, and the rule keeps their order).
  const [better, worse] = shownPercent(share(a.metrics))! > shownPercent(share(b.metrics))! ? [a, b] : [b, a]
  const what = metric === 'services' ? 'of services available' : 'of users online'
  const gap = pointsBetween(share(worse.metrics), share(better.metrics))
  return (
    `${under}, ${networkName(better.kind)} keeps ${formatPercent(share(better.metrics))} ${what}; ` +
    `${networkName(worse.kind)} ${formatPercent(share(worse.metrics))}: ` +
    `${formatPoints(gap, false)} more` +
    `${latencyClause(better.metrics, worse.metrics)}.`
  )
}
