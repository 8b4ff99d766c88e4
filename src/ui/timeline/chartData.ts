/**
 * The chart's lines and data, as plain arrays for uPlot: x is simulated minutes, then one column per line. Pure,
 * so the alignment of several networks' series (one clock, but a network rebuilt mid-run starts its series
 * again) is tested without a browser.
 */

import { PALETTE } from '../../scene/constants'
import type { StepMetrics } from '../../sim/engine'
import type { Milestone } from '../../sim/repair'
import type { NetworkKind } from '../../store/store'
import { NETWORK_LABELS } from '../../store/store'

/** What the chart shows: the shares people feel, or how long answers take. */
export type ChartMode = 'availability' | 'latency'

export type ChartMetric = 'serviceAvailability' | 'usersOnline' | 'latencyP50Ms' | 'latencyP95Ms'

export interface ChartLine {
  kind: NetworkKind
  metric: ChartMetric
  /** "Services available, Centralized cloud". */
  label: string
  /** The network's colour (PALETTE): networks differ by colour, metrics by dash. */
  color: string
  dashed: boolean
}

/** Metrics per mode: the first drawn solid, the second dashed. */
export const MODE_METRICS: Record<ChartMode, readonly [ChartMetric, ChartMetric]> = {
  availability: ['serviceAvailability', 'usersOnline'],
  latency: ['latencyP50Ms', 'latencyP95Ms'],
}

export const METRIC_LABELS: Record<ChartMetric, string> = {
  serviceAvailability: 'Services available',
  usersOnline: 'Users online',
  latencyP50Ms: 'Latency, median',
  latencyP95Ms: 'Latency, p95',
}

export function chartLines(kinds: readonly NetworkKind[], mode: ChartMode): ChartLine[] {
  const lines: ChartLine[] = []
  for (const kind of kinds) {
    MODE_METRICS[mode].forEach((metric, i) => {
      lines.push({
        kind,
        metric,
        label: kinds.length > 1 ? `${METRIC_LABELS[metric]}, ${NETWORK_LABELS[kind]}` : METRIC_LABELS[metric],
        color: PALETTE[kind].node,
        dashed: i === 1,
      })
    })
  }
  return lines
}

/** uPlot's data: x, then one column per line (percent for shares, ms for latency; null where unknown). */
export type ChartColumns = [number[], ...(number | null)[][]]

/**
 * Columns for the lines from each network's series. The x axis is the union of every series' minutes; a
 * series without a value at some minute (rebuilt later, or trimmed) has a gap there.
 */
export function chartColumns(
  lines: readonly ChartLine[],
  seriesOf: (kind: NetworkKind) => readonly StepMetrics[] | undefined,
): ChartColumns {
  const kinds = [...new Set(lines.map((l) => l.kind))]
  const all = kinds.map((k) => seriesOf(k) ?? [])
  const xs = mergeTimes(all)
  const cols: (number | null)[][] = lines.map(() => new Array<number | null>(xs.length).fill(null))
  kinds.forEach((kind, k) => {
    const series = all[k]!
    let j = 0
    for (let i = 0; i < xs.length && j < series.length; i++) {
      // Both are sorted by time: walk them together.
      while (j < series.length && series[j]!.t < xs[i]!) j++
      const m = series[j]
      if (!m || m.t !== xs[i]) continue
      lines.forEach((line, c) => {
        if (line.kind === kind) cols[c]![i] = value(m, line.metric)
      })
    }
  })
  return [xs, ...cols]
}

function value(m: StepMetrics, metric: ChartMetric): number | null {
  const v = m[metric]
  if (v === null) return null
  return metric === 'serviceAvailability' || metric === 'usersOnline' ? v * 100 : v
}

/** The sorted union of the series' times (usually they are all the same, one clock). */
function mergeTimes(all: readonly (readonly StepMetrics[])[]): number[] {
  const longest = all.reduce<readonly StepMetrics[]>((a, b) => (b.length > a.length ? b : a), [])
  const same = all.every((s) => s.length === longest.length && s.every((m, i) => m.t === longest[i]!.t))
  if (same) return longest.map((m) => m.t)
  const set = new Set<number>()
  for (const s of all) for (const m of s) set.add(m.t)
  return [...set].sort((a, b) => a - b)
}

/** A mark on the chart's time axis where people or the grid's own software acted (sim/repair.ts). */
export interface ChartMark {
  t: number
  /** One or two words, written at the top of the mark. */
  label: string
}

const MARK_LABELS: Record<Milestone['kind'], Partial<Record<Milestone['by'], string>>> = {
  detected: { provider: 'engineers alerted' },
  repaired: { provider: 'restored by people', operator: 'repaired by people', area: 'area back' },
  healed: { grid: 'healed itself' },
}

/**
 * The marks for a run's milestones: the first of each kind and doer, so that a grid healing copy after copy, or
 * operators repairing node after node, marks the moment it began rather than a fence of lines.
 */
export function chartMarks(milestones: readonly Milestone[]): ChartMark[] {
  const seen = new Set<string>()
  const out: ChartMark[] = []
  for (const m of milestones) {
    const key = `${m.kind}:${m.by}`
    const label = MARK_LABELS[m.kind][m.by]
    if (seen.has(key) || !label) continue
    seen.add(key)
    out.push({ t: m.t, label })
  }
  return out
}
