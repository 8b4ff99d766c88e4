/**
 * Where the recorded outages happened, as pins for the globe: one per place (places within PIN_MERGE_KM of each
 * other share one: Northern Virginia has three outages), each with its outages' ids and years. Outages with no one place
 * (a global push, a DNS failure everywhere) have no pin; the panel lists them as worldwide. Pure, for tests.
 */

import { greatCircleKm } from '../sim/geo'
import type { IncidentFacts } from '../sim/incidents/types'

/** Places closer than this share a pin, km (the two Gulf regions one strike hit: one pin, both names). */
export const PIN_MERGE_KM = 600

export interface IncidentPin {
  /** The place's name, without what the incident's report adds in brackets ("Northern Virginia"). */
  name: string
  lat: number
  lon: number
  /** The outages there, oldest first. */
  ids: string[]
  /** Their years, oldest first, without repeats. */
  years: number[]
}

export function incidentPins(list: readonly IncidentFacts[]): IncidentPin[] {
  const pins: IncidentPin[] = []
  const sorted = [...list].sort((a, b) => a.date.localeCompare(b.date))
  for (const inc of sorted) {
    if (inc.scope === 'global') continue
    for (const place of inc.scope) {
      let pin = pins.find((p) => greatCircleKm(p.lat, p.lon, place.lat, place.lon) <= PIN_MERGE_KM)
      const name = place.name.replace(/\s*\(.*\)\s*$/, '')
      if (!pin) {
        pin = { name, lat: place.lat, lon: place.lon, ids: [], years: [] }
        pins.push(pin)
      } else if (!pin.name.split(' and ').includes(name)) pin.name += ` and ${name}`
      if (!pin.ids.includes(inc.id)) pin.ids.push(inc.id)
      const year = Number(inc.date.slice(0, 4))
      if (!pin.years.includes(year)) pin.years.push(year)
    }
  }
  return pins
}
