import { describe, expect, it } from 'vitest'
import { INCIDENT_FACTS } from '../sim/incidents/facts'
import { incidentPins } from './incidentPins'

describe('incident pins', () => {
  it('put every placed outage on one pin per place, with its years; global ones on none', () => {
    const pins = incidentPins(INCIDENT_FACTS)
    const placed = INCIDENT_FACTS.filter((i) => i.scope !== 'global')
    for (const inc of placed)
      expect(
        pins.some((p) => p.ids.includes(inc.id)),
        inc.id,
      ).toBe(true)
    for (const inc of INCIDENT_FACTS.filter((i) => i.scope === 'global'))
      expect(
        pins.some((p) => p.ids.includes(inc.id)),
        inc.id,
      ).toBe(false)
    // Northern Virginia's three AWS outages share one pin, oldest first.
    const virginia = pins.find((p) => p.name === 'Northern Virginia')!
    expect(virginia.ids).toEqual(['aws-2017-02-28', 'aws-2021-12-07', 'aws-2025-10-20'])
    expect(virginia.years).toEqual([2017, 2021, 2025])
    // The Middle East strikes hit two regions 420 km apart: one pin, both names.
    expect(pins.filter((p) => p.ids.includes('aws-2026-03-01')).map((p) => p.name)).toEqual(['UAE and Bahrain'])
    expect(pins).toHaveLength(3)
  })
})
