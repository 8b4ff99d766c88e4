/**
 * What the HUD shows, as plain data: one tile per metric (its label, number, unit, a detail line and how bad it
 * is) and the short text read out to screen readers. Pure, so it is tested without a browser.
 */

import type { StepMetrics } from '../../sim/engine'
import { formatCount, formatMs, formatPercent, plural, scaleNumber } from './format'
import { failedLevel, hoursLevel, latencyLevel, shareLevel, type Level } from './severity'

export type TileId = 'users' | 'services' | 'latency' | 'failed' | 'hours'

export interface Tile {
  id: TileId
  label: string
  /** A shorter label where the screen is narrow (a phone); screen readers always get the full one. */
  short: string
  /** The big number (with its % where it is a share). */
  value: string
  /** A small unit after the number ("ms", "nodes", "million"). */
  unit: string
  /** A second, smaller line ("p95 255 ms", "+ 72 links cut"). */
  detail: string | null
  /** Whether the detail matters enough to keep where space is short (cut links do; "of 136" does not). */
  keyDetail: boolean
  level: Level
  /** The share behind the number, for the tiles that show one (the HUD animates its changes); else null. */
  share: number | null
}

/** The tiles always shown (the headline: what differs between networks first); the others are on demand. */
export const HEADLINE: readonly TileId[] = ['services', 'users']

/**
 * The tiles for the latest metrics of a network of `nodeCount` nodes, judged against the run's first: services
 * available first (it is what differs between the networks in most failures), then users online, latency, failed
 * nodes and person-hours lost.
 */
export function hudTiles(m: StepMetrics, first: StepMetrics, nodeCount: number): Tile[] {
  const hours = m.userHoursLost === null ? null : scaleNumber(m.userHoursLost)
  return [
    {
      id: 'services',
      label: 'Services available',
      short: 'Services',
      value: formatPercent(m.serviceAvailability),
      unit: '',
      detail: null,
      keyDetail: false,
      level: shareLevel(m.serviceAvailability),
      share: m.serviceAvailability,
    },
    {
      id: 'users',
      label: 'Users online',
      short: 'Users online',
      value: formatPercent(m.usersOnline),
      unit: '',
      detail: null,
      keyDetail: false,
      level: shareLevel(m.usersOnline),
      share: m.usersOnline,
    },
    {
      id: 'latency',
      label: 'Latency, median',
      short: 'Latency',
      value: m.latencyP50Ms === null ? '—' : String(Math.round(m.latencyP50Ms)),
      unit: m.latencyP50Ms === null ? '' : 'ms',
      detail: m.latencyP95Ms === null ? null : `p95 ${formatMs(m.latencyP95Ms)}`,
      keyDetail: false,
      level: latencyLevel(m.latencyP50Ms, first.latencyP50Ms, m.usersOnline),
      share: null,
    },
    {
      id: 'failed',
      label: 'Failed',
      short: 'Failed',
      value: formatCount(m.failedNodes),
      unit: m.failedNodes === 1 ? 'node' : 'nodes',
      detail: m.failedLinks > 0 ? `+ ${plural(m.failedLinks, 'link')} cut` : `of ${formatCount(nodeCount)}`,
      keyDetail: m.failedLinks > 0,
      level: failedLevel(m.failedNodes, nodeCount),
      share: null,
    },
    {
      id: 'hours',
      label: 'Person-hours lost',
      short: 'Hours lost',
      value: hours ? hours.value : '—',
      unit: hours ? hours.scale : '',
      detail: null,
      keyDetail: false,
      level: hoursLevel(m.userHoursLost),
      share: null,
    },
  ]
}

/** The sentence and the key numbers, for the polite live region. */
export function liveSummary(sentence: string, tiles: readonly Tile[]): string {
  const byId = new Map(tiles.map((t) => [t.id, t]))
  const parts: string[] = []
  const users = byId.get('users')
  const services = byId.get('services')
  const latency = byId.get('latency')
  if (users && users.value !== '—') parts.push(`Users online ${users.value}`)
  if (services && services.value !== '—') parts.push(`services available ${services.value}`)
  if (latency && latency.value !== '—') parts.push(`median latency ${latency.value} ms`)
  return parts.length > 0 ? `${sentence} ${parts.join(', ')}.` : sentence
}
