/**
 * Words and figures for the recorded outages in the app: durations, dates, mechanisms, and the model-against-record
 * table (src/data/incident-table.json, made by `npm run data:incidents` and checked to be current by a test).
 */

import table from '../../data/incident-table.json'
import type { IncidentRow } from '../../sim/incidents/table'
import type { Incident } from '../../sim/incidents/types'

export const INCIDENT_TABLE = table as unknown as {
  definitions: Record<string, string>
  incidents: IncidentRow[]
}

/** "49 min", "4 h 17 min", "14.5 h", "7 days". */
export function formatDuration(min: number): string {
  if (min < 60) return `${Math.round(min)} min`
  if (min < 10 * 60) {
    const h = Math.floor(min / 60)
    const m = Math.round(min - h * 60)
    return m === 0 ? `${h} h` : `${h} h ${m} min`
  }
  if (min < 48 * 60) return `${Number((min / 60).toFixed(1))} h`
  return `${Math.round(min / (24 * 60))} days`
}

/** "8 June 2021" (UTC). */
export function formatDate(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

export const MECHANISM_NAMES: Record<Incident['mechanism'], string> = {
  config: 'configuration',
  release: 'software release',
  dns: 'DNS',
  control: 'control plane',
  network: 'network',
  power: 'power',
  fire: 'fire',
  physical: 'physical attack',
}

/** A share as people read it: "85%", "0.3%", "none". */
export function formatShare(x: number): string {
  if (x <= 0) return 'none'
  if (x < 0.01) return `${Number((x * 100).toFixed(1))}%`
  return `${Math.round(x * 100)}%`
}
