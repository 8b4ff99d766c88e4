/**
 * The robustness chart's lines, its data for uPlot, the same figures as table rows, and the one sentence that
 * reads them. Pure: the shaping and the wording are tested without a browser.
 */

import { PALETTE } from '../../scene/constants'
import type { Stat, SweepPoint } from '../../sim/sweep'
import { ALL_KINDS, NETWORK_LABELS, type NetworkKind, type SweepRequest } from '../../store/store'
import { formatPercent } from '../hud/format'

export type SweepResults = Partial<Record<NetworkKind, SweepPoint[]>>

/** What the chart draws per network: Baran's survivability solid, service availability dashed. */
export type SweepMetric = 'survivability' | 'serviceAvailability'
export const SWEEP_METRICS: readonly SweepMetric[] = ['survivability', 'serviceAvailability']

export const SWEEP_METRIC_LABELS: Record<SweepMetric, string> = {
  survivability: 'Survivability',
  serviceAvailability: 'Services available',
}

/** A point's marker: a ring is drawn hollow, the others filled. */
export type MarkerShape = 'ring' | 'diamond' | 'triangle' | 'square'

/**
 * What tells a network's lines apart besides their colour: a marker at every point and a line width. Colour alone
 * is not enough (the two clouds' survivability lines are the same line), so the lines are drawn widest first and
 * the narrower run inside the wider where they coincide, and the markers nest: a ring around a triangle around a
 * diamond. The key draws the same.
 */
export interface NetworkMark {
  marker: MarkerShape
  /** Line width, CSS px. */
  lineWidthPx: number
  /** The marker's radius (centre to corner), CSS px. */
  markerRadiusPx: number
}

export const NETWORK_MARKS: Record<NetworkKind, NetworkMark> = {
  centralized: { marker: 'ring', lineWidthPx: 5, markerRadiusPx: 7 },
  p2p: { marker: 'triangle', lineWidthPx: 3, markerRadiusPx: 5.5 },
  decentralized: { marker: 'diamond', lineWidthPx: 2, markerRadiusPx: 4 },
  imported: { marker: 'square', lineWidthPx: 2.5, markerRadiusPx: 4.5 },
}

/** The marker's name in a sentence ("the centralized cloud's wide line with rings"). */
export const MARKER_NAMES: Record<MarkerShape, string> = {
  ring: 'rings',
  diamond: 'diamonds',
  triangle: 'triangles',
  square: 'squares',
}

/**
 * A marker as SVG path data around (cx, cy), so the chart's canvas (as a Path2D) and the key's SVG draw the very
 * same shape. r is the distance from the centre to the outline's farthest point.
 */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  const f = (v: number) => String(Math.round(v * 100) / 100)
  const pt = (x: number, y: number) => `${f(x)} ${f(y)}`
  switch (shape) {
    case 'ring':
      return `M${pt(cx + r, cy)}A${f(r)} ${f(r)} 0 1 0 ${pt(cx - r, cy)}A${f(r)} ${f(r)} 0 1 0 ${pt(cx + r, cy)}Z`
    case 'diamond':
      return `M${pt(cx, cy - r)}L${pt(cx + r, cy)}L${pt(cx, cy + r)}L${pt(cx - r, cy)}Z`
    case 'triangle': {
      // Pointing up, centred on its centroid.
      const dx = r * Math.cos(Math.PI / 6)
      return `M${pt(cx, cy - r)}L${pt(cx + dx, cy + r / 2)}L${pt(cx - dx, cy + r / 2)}Z`
    }
    case 'square': {
      const s = r / Math.SQRT2
      return `M${pt(cx - s, cy - s)}L${pt(cx + s, cy - s)}L${pt(cx + s, cy + s)}L${pt(cx - s, cy + s)}Z`
    }
  }
}

export interface SweepLine {
  kind: NetworkKind
  metric: SweepMetric
  /** "Survivability, Centralized cloud". */
  label: string
  /** The network's colour: networks differ by colour, marker and width, metrics by dash. */
  color: string
  dashed: boolean
  mark: NetworkMark
}

/** The order the chart draws its lines in: widest first, so a narrower line shows inside one it coincides with. */
export function drawOrder(lines: readonly SweepLine[]): SweepLine[] {
  return lines
    .map((line, i) => ({ line, i }))
    .sort((a, b) => b.line.mark.lineWidthPx - a.line.mark.lineWidthPx || a.i - b.i)
    .map((x) => x.line)
}

/** The networks with results, in the usual order. */
export function sweptKinds(results: SweepResults): NetworkKind[] {
  return ALL_KINDS.filter((k) => (results[k]?.length ?? 0) > 0)
}

/** Two lines per network swept; none for availability where a network has no services (an abstract graph). */
export function sweepLines(results: SweepResults): SweepLine[] {
  const lines: SweepLine[] = []
  for (const kind of sweptKinds(results)) {
    for (const metric of SWEEP_METRICS) {
      if (results[kind]!.every((p) => p[metric] === null)) continue
      lines.push({
        kind,
        metric,
        label: `${SWEEP_METRIC_LABELS[metric]}, ${NETWORK_LABELS[kind]}`,
        color: PALETTE[kind].node,
        dashed: metric === 'serviceAvailability',
        mark: NETWORK_MARKS[kind],
      })
    }
  }
  return lines
}

/** uPlot's data: the share failed (percent) on x, then one column per line (percent; null where unknown). */
export type SweepColumns = [number[], ...(number | null)[][]]

export function sweepColumns(lines: readonly SweepLine[], results: SweepResults): SweepColumns {
  const rows = sweepRows(lines, results)
  return [rows.map((r) => r.percent), ...lines.map((_, c) => rows.map((r) => r.values[c]?.mean ?? null))]
}

/** One fraction failed and, per line, the mean and standard deviation over the trials, in percent. */
export interface SweepRow {
  percent: number
  values: (Stat | null)[]
}

/** The figures behind the chart, one row per fraction (sorted), one value per line. */
export function sweepRows(lines: readonly SweepLine[], results: SweepResults): SweepRow[] {
  const fractions = new Set<number>()
  for (const line of lines) for (const p of results[line.kind] ?? []) fractions.add(p.fraction)
  return [...fractions]
    .sort((a, b) => a - b)
    .map((fraction) => ({
      percent: toPercent(fraction),
      values: lines.map((line) => {
        const s = results[line.kind]?.find((p) => p.fraction === fraction)?.[line.metric]
        return s ? { mean: toPercent(s.mean), sd: toPercent(s.sd) } : null
      }),
    }))
}

/** Percent without float noise (0.07 · 100 is 7.000000000000001). */
function toPercent(share: number): number {
  return Math.round(share * 100 * 1e9) / 1e9
}

/** What the sweep did, as the axis and the table say it. */
export function failedLabel(request: Pick<SweepRequest, 'failure'> | null): string {
  return request?.failure === 'links'
    ? 'Links cut'
    : request?.failure === 'places'
      ? 'People inside disasters'
      : 'Nodes failed'
}

const NAMES: Record<NetworkKind, string> = {
  centralized: 'the centralized cloud',
  decentralized: 'the multi-region cloud',
  p2p: 'the peer-to-peer grid',
  imported: 'the imported network',
}

/** The fraction the sentence reads: the one nearest 30% (a heavy but not hopeless blow), never the healthy 0. */
const READ_AT = 0.3

/**
 * One plain sentence from the real numbers, e.g. "With 30% of nodes failed at random, the peer-to-peer grid
 * keeps 96% of services answering; the centralized cloud 41%." Null when there is nothing to read yet.
 */
export function describeSweep(
  request: Pick<SweepRequest, 'failure' | 'by'> | null,
  results: SweepResults,
): string | null {
  const kinds = sweptKinds(results)
  if (!request || kinds.length === 0) return null
  const fractions = [...new Set(kinds.flatMap((k) => results[k]!.map((p) => p.fraction)))].filter((f) => f > 0)
  if (fractions.length === 0) return null
  const at = fractions.sort((a, b) => Math.abs(a - READ_AT) - Math.abs(b - READ_AT) || a - b)[0]!
  const point = (k: NetworkKind) => results[k]!.find((p) => p.fraction === at)
  // Services where the networks have them; an abstract graph only has its connected share.
  const withServices = kinds.filter((k) => point(k)?.serviceAvailability)
  const metric: SweepMetric = withServices.length > 0 ? 'serviceAvailability' : 'survivability'
  const ranked = (metric === 'serviceAvailability' ? withServices : kinds.filter((k) => point(k)))
    .map((k) => ({ k, v: point(k)![metric]!.mean }))
    .sort((a, b) => b.v - a.v)
  const what = metric === 'serviceAvailability' ? 'of services answering' : 'of its nodes in one connected group'
  const [first, ...rest] = ranked
  if (!first) return null
  const tail = rest.map((r) => `; ${NAMES[r.k]} ${formatShare(r.v)}`).join('')
  return `With ${formatShare(at)} of ${blowOf(request)}, ${NAMES[first.k]} keeps ${formatShare(first.v)} ${what}${tail}.`
}

function blowOf({ failure, by }: Pick<SweepRequest, 'failure' | 'by'>): string {
  if (failure === 'links') return 'links cut at random'
  if (failure === 'places') return 'the world’s people inside disasters at random places'
  if (failure === 'attack')
    return `nodes taken out by an attacker, ${by === 'load' ? 'busiest' : 'best connected'} first`
  return 'nodes failed at random'
}

/** A share in the chart's sentence, by the one rule every share on screen follows (formatPercent). */
export function formatShare(share: number): string {
  return formatPercent(share)
}

/**
 * Networks whose survivability is the same at every fraction (within a hundredth of a percent): their solid
 * lines lie on top of each other, which the chart must say. The two clouds are one graph with the services
 * placed differently, so this is the usual case for them.
 */
export function overlappingSurvivability(results: SweepResults): NetworkKind[] {
  const kinds = sweptKinds(results)
  const same = (a: SweepPoint[], b: SweepPoint[]) =>
    a.length === b.length &&
    a.every((p, i) => p.fraction === b[i]!.fraction && Math.abs(p.survivability.mean - b[i]!.survivability.mean) < 1e-4)
  return kinds.filter((k) => kinds.some((o) => o !== k && same(results[k]!, results[o]!)))
}

/**
 * What the chart's note says of lines that lie on top of each other: that they do, why, and how to tell them
 * apart (the narrower runs inside the widest, each with its markers).
 */
export function overlapNote(kinds: readonly NetworkKind[]): string {
  const name = (k: NetworkKind) => NETWORK_LABELS[k].toLowerCase()
  const [widest, ...rest] = [...kinds].sort((a, b) => NETWORK_MARKS[b].lineWidthPx - NETWORK_MARKS[a].lineWidthPx)
  const same = kinds.every((k) => k === 'centralized' || k === 'decentralized')
  const inner = rest.map((k) => `the ${name(k)}'s narrower line with ${MARKER_NAMES[NETWORK_MARKS[k].marker]}`)
  return (
    `The survivability lines of ${joinAnd(kinds.map((k) => `the ${name(k)}`))} lie on top of each other` +
    (same ? ': they are the same network, with the services placed differently. ' : '. ') +
    `On the chart ${joinAnd(inner)} ${rest.length > 1 ? 'run' : 'runs'} inside the ${name(widest!)}'s wide one ` +
    `with ${MARKER_NAMES[NETWORK_MARKS[widest!].marker]}.`
  )
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
