/**
 * Why the peer-to-peer grid's lines can fall below the clouds' at large shares failed, read from the sweep's own
 * figures: where the lines cross, and how the grid's largest connected group shrank around there. Pure, so the
 * reading and its wording are tested without a browser.
 *
 * The model behind it (src/sim/networks/): the grid is thousands of small nodes, each linked to its few nearest
 * peers (and a few long links), with each service on a few of them. Take out enough of them and the mesh crosses
 * its percolation threshold: it splits into islands, and most islands hold no copy of most services. A cloud is a
 * few hyperscale regions, every one linked to every other, with points of presence hanging off them: however
 * many regions fail, the ones left are one network, so it has no such threshold. But a "node" is a region there,
 * and a home server here.
 */

import type { SweepPoint } from '../../sim/sweep'
import type { NetworkKind, SweepRequest } from '../../store/store'
import { formatShare, type SweepMetric, type SweepResults } from './robustnessData'

/** Differences smaller than this (a share) are noise, not one line above another. */
const NOISE = 0.005
/**
 * How far below the grid must be to have fallen below a cloud, in shares: a sweep of a few trials wobbles by a
 * point or so where the lines run together, and a dip of that size it climbs back from is not a crossing.
 */
const BELOW = 0.02
/** The grid "falls apart" when its largest connected group holds less than this share of what is still up. */
const FALLEN_APART = 0.5
/** The networks the grid is compared with, the one it usually falls below first, first. */
const CLOUDS: readonly NetworkKind[] = ['decentralized', 'centralized']

export interface GroupAt {
  /** The share failed, as swept. */
  fraction: number
  /** The grid's largest connected group over its working nodes (over all its nodes when links are cut). */
  giantShare: number
}

export interface Crossing {
  /** The lines that cross: services available, or survivability where a network has no services. */
  metric: SweepMetric
  /** The cloud whose line the grid's falls below (the first one it does). */
  above: NetworkKind
  /** Where the lines cross, interpolated between the fractions swept (a share). */
  fraction: number
  /** The grid's largest group at the last fraction swept before the crossing… */
  before: GroupAt
  /** …and at the first after it where it holds less than half of what is up (else the first after it). */
  after: GroupAt
  /** Whether the grid fell apart there (its largest group under half of what is up): percolation. */
  fellApart: boolean
}

/** The grid's largest connected group over what is still up after the share f failed. */
function giantShare(point: SweepPoint, links: boolean): number {
  const up = links ? 1 : 1 - point.fraction
  return up > 0 ? Math.min(1, point.survivability.mean / up) : 0
}

/**
 * Where the grid's line first falls below a cloud's, after being above it: services available where both have
 * them, else survivability. Null when it never does over the fractions swept (or there is no grid or cloud).
 */
export function findCrossing(request: Pick<SweepRequest, 'failure'> | null, results: SweepResults): Crossing | null {
  const grid = results.p2p
  if (!request || !grid || grid.length < 2) return null
  const links = request.failure === 'links'
  let best: Crossing | null = null
  for (const cloud of CLOUDS) {
    const other = results[cloud]
    if (!other) continue
    const metric: SweepMetric =
      grid.every((p) => p.serviceAvailability) && other.every((p) => p.serviceAvailability)
        ? 'serviceAvailability'
        : 'survivability'
    // Both swept at the same fractions (one request), sorted here in case they were asked for in another order.
    const pairs = grid
      .map((p) => ({ p, o: other.find((q) => q.fraction === p.fraction) }))
      .filter((x): x is { p: SweepPoint; o: SweepPoint } => x.o !== undefined)
      .sort((a, b) => a.p.fraction - b.p.fraction)
    const diff = pairs.map(({ p, o }) => p[metric]!.mean - o[metric]!.mean)
    let ahead = false
    for (let j = 0; j < pairs.length; j++) {
      if (diff[j]! > NOISE) ahead = true
      if (!ahead || diff[j]! >= -BELOW) continue
      // Below now: the crossing lies after the last fraction where the grid was not below.
      let i = j - 1
      while (diff[i]! < 0) i--
      const [a, b] = [pairs[i]!.p.fraction, pairs[i + 1]!.p.fraction]
      const fraction = a + ((b - a) * diff[i]!) / (diff[i]! - diff[i + 1]!)
      if (best && best.fraction <= fraction) break
      const after = pairs.slice(i + 1).find(({ p }) => giantShare(p, links) < FALLEN_APART)?.p ?? pairs[i + 1]!.p
      const before = pairs[i]!.p
      best = {
        metric,
        above: cloud,
        fraction,
        before: { fraction: before.fraction, giantShare: giantShare(before, links) },
        after: { fraction: after.fraction, giantShare: giantShare(after, links) },
        fellApart: giantShare(after, links) < FALLEN_APART,
      }
      break
    }
  }
  return best
}

/** How big each network swept is, to say what a share of its nodes means: counted when the results came. */
export type NetworkSizes = Partial<Record<NetworkKind, { nodes: number; regions: number }>>

const NAMES: Record<NetworkKind, string> = {
  centralized: 'the centralized cloud',
  decentralized: 'the multi-region cloud',
  p2p: 'the peer-to-peer grid',
  imported: 'the imported network',
}

/**
 * One or two plain sentences on why the lines cross, from the sweep's figures, e.g. "Above about 64% of nodes
 * failed the peer-to-peer grid keeps fewer services answering than the multi-region cloud: its small nodes each
 * link to a few neighbours only, so past this percolation threshold the mesh falls apart into islands (…)". Null when they do not cross.
 */
export function explainCrossing(
  request: Pick<SweepRequest, 'failure'> | null,
  results: SweepResults,
  sizes: NetworkSizes = {},
): string | null {
  const c = findCrossing(request, results)
  if (!request || !c) return null
  const links = request.failure === 'links'
  const places = request.failure === 'places'
  const what = links
    ? 'links cut'
    : places
      ? 'people inside disasters'
      : request.failure === 'attack'
        ? 'nodes taken out'
        : 'nodes failed'
  const done = links ? 'cut' : places ? 'inside disasters' : request.failure === 'attack' ? 'taken out' : 'failed'
  const at = `${Math.round(c.fraction * 100)}%`
  const keeps = c.metric === 'serviceAvailability' ? 'fewer services answering' : 'less of itself in one piece'
  const than = `than ${NAMES[c.above]}`
  if (!c.fellApart) return `Above about ${at} of ${what} the peer-to-peer grid keeps ${keeps} ${than}.`

  const group =
    `its largest connected group holds ${formatShare(c.before.giantShare)} of its ${links ? '' : 'working '}nodes ` +
    `at ${formatShare(c.before.fraction)} ${done}, ${formatShare(c.after.giantShare)} at ${formatShare(c.after.fraction)}`
  const islands = c.metric === 'serviceAvailability' ? ', most without a copy of most services' : ''
  const first =
    `Above about ${at} of ${what} the peer-to-peer grid keeps ${keeps} ${than}: its small nodes each ` +
    `${links ? 'have a few links' : 'link to a few neighbours'} only, so past this percolation threshold the mesh ` +
    `falls apart into islands (${group})${islands}.`
  const second = 'The clouds have no such threshold, as every region links to every other'
  const cloud = sizes[c.above]
  const grid = sizes.p2p
  // What the same share means on each side: whole regions of a cloud, home servers of the grid.
  if (links || !cloud || !grid || cloud.regions === 0) return `${first} ${second}.`
  const share = c.fraction
  return (
    `${first} ${second}; but for them ${at} of nodes is about ${count(share * cloud.regions)} of ` +
    `${count(cloud.regions)} hyperscale regions down at once, for the grid ${count(share * grid.nodes)} of ` +
    `${count(grid.nodes)} small servers.`
  )
}

/** A count as people say it: whole, and to two significant figures from a hundred up ("about 1,900"). */
function count(v: number): string {
  const n = Math.round(v)
  if (n < 100) return String(n)
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1)
  return (Math.round(n / unit) * unit).toLocaleString('en-US')
}
