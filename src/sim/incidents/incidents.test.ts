import { describe, expect, it } from 'vitest'
import { loadWorld } from '../../cli/load-world.ts'
import { buildNetwork } from '../index.ts'
import { INCIDENTS } from './data.ts'
import { replayScenario } from './replay.ts'
import { checkIncidents, validIncidents } from './schema.ts'
import { incidentTable, offByOrder, replayIncident } from './table.ts'

const world = loadWorld()
const nets = [
  buildNetwork(world, { kind: 'centralized' }, 1),
  buildNetwork(world, { kind: 'decentralized' }, 1),
  buildNetwork(world, { kind: 'p2p', nodes: 1000 }, 1),
]
const [cent, dec, grid] = nets as [(typeof nets)[0], (typeof nets)[0], (typeof nets)[0]]
const byId = (id: string) => INCIDENTS.find((i) => i.id === id)!

describe('the incident library', () => {
  it('holds at least 12 recorded outages, every one sound, each figure with its source', () => {
    expect(INCIDENTS.length).toBeGreaterThanOrEqual(12)
    expect(checkIncidents(INCIDENTS)).toEqual([])
    for (const inc of INCIDENTS) {
      for (const f of inc.figures) expect(inc.sources[f.source]).toBeDefined()
      // The operator's own report comes first, with its address where there is one.
      expect(inc.sources[0]!.publisher).not.toMatch(/fact sheet/)
    }
  })

  it('names the entry and the field of a bad entry', () => {
    const good = INCIDENTS[2]!
    const bad = [
      { ...good, durationMin: -5 },
      { ...good, id: 'Google 2020', figures: [{ text: 'x', source: 7 }] },
      { ...good, mechanism: 'gremlins' },
      { ...good, scope: [{ name: 'Nowhere', lat: 95, lon: 0, radiusKm: 10 }] },
      { ...good, startUtc: '2020-12-20T11:46Z' },
    ]
    const paths = checkIncidents(bad).map((p) => p.path)
    expect(paths).toContain('INCIDENTS[0].durationMin')
    expect(paths).toContain('INCIDENTS[1].id')
    expect(paths).toContain('INCIDENTS[2].mechanism')
    expect(paths).toContain('INCIDENTS[3].scope[0].lat')
    expect(paths).toContain('INCIDENTS[4].startUtc')
    expect(checkIncidents([good, { ...good }]).map((p) => p.message)).toEqual(['repeats the id of INCIDENTS[0]'])
    // A figure naming a source that is not there is caught once the shape is right.
    expect(checkIncidents([{ ...good, figures: [{ text: 'x', source: 3 }] }])[0]!.path).toBe(
      'INCIDENTS[0].figures[0].source',
    )
    expect(() => validIncidents(bad)).toThrow(/INCIDENTS\[0\]\.durationMin/)
  })
})

describe('replaying a recorded outage', () => {
  it('gives the cloud what happened and the others its translation, by the incident’s facts', () => {
    // A region's own DNS: the centralized cloud loses what calls it there; copies in other regions answer.
    const dns = byId('aws-2025-10-20')
    expect(replayIncident(cent, dns).servicesDown).toBeGreaterThan(0.05)
    expect(replayIncident(dec, dns).servicesDown).toBe(0)
    // A global control plane: multi-region copies do not help.
    const control = byId('google-2025-06-12')
    const c = replayIncident(cent, control)
    const d = replayIncident(dec, control)
    expect(d.servicesDown).toBeCloseTo(c.servicesDown, 9)
    expect(c.servicesDown).toBeGreaterThan(0.3)
    // The grid's own name service is the counterpart of a global DNS failure: it hits the grid too.
    expect(replayIncident(grid, byId('akamai-2021-07-22')).servicesDown).toBeGreaterThan(0.3)
    expect(replayScenario(grid, control).how).toMatch(/chain/)
    // A bad release reaches the same share of every network's nodes.
    const release = byId('crowdstrike-2024-07-19')
    for (const net of nets) expect(replayScenario(net, release).scenario.fleetShare).toBe(release.fleetShare)
    // Strikes at two places: everything within reach there goes down, on every network alike.
    const strikes = byId('aws-2026-03-01')
    expect(replayScenario(cent, strikes).scenario.areas).toEqual(replayScenario(grid, strikes).scenario.areas)
  })

  it('replays every incident deterministically, and the table agrees with the data file', () => {
    const table = incidentTable(nets, INCIDENTS)
    expect(incidentTable(nets, INCIDENTS)).toEqual(table)
    expect(table.map((r) => r.id)).toEqual(INCIDENTS.map((i) => i.id))
    table.forEach((row, i) => {
      const inc = INCIDENTS[i]!
      expect(row.reportedDurationMin).toBe(inc.durationMin)
      expect(row.reportedShare).toBe(inc.reportedShare?.share ?? null)
      expect(row.networks.map((n) => n.network)).toEqual(nets.map((n) => n.name))
      if (row.reportedShare !== null) {
        expect(row.modelShare).toBe(row.networks[0]!.servicesDown)
        expect(row.offByOrder).toBe(offByOrder(row.modelShare!, row.reportedShare))
      } else expect(row.offByOrder).toBeNull()
      for (const n of row.networks) {
        // Nothing outlasts the incident's reported duration (by more than the steps' rounding).
        expect(n.outageMin).toBeLessThanOrEqual(inc.durationMin + 2 * n.dtMin)
        // Without self-healing, an outage that hits lasts as long as the record says.
        if (n.servicesDown > 0 && n.network !== grid.name)
          expect(n.outageMin).toBeGreaterThanOrEqual(inc.durationMin - n.dtMin)
        expect(n.personHours > 0).toBe(n.servicesDown > 0)
      }
    })
  })

  it('flags a model more than 10 times off the record, either way', () => {
    expect(offByOrder(0.2, 0.85)).toBe(false)
    expect(offByOrder(0.3, 0.01)).toBe(true)
    expect(offByOrder(0.001, 0.02)).toBe(true)
    expect(offByOrder(0, 0.003)).toBe(true)
  })
})

describe('the table the app shows', () => {
  it('is the one the command line prints today (else run `npm run data:incidents`)', async () => {
    const stored = (await import('../../data/incident-table.json')).default as { incidents: unknown[] }
    const defaults = (['centralized', 'decentralized', 'p2p'] as const).map((kind) => buildNetwork(world, { kind }, 1))
    const fresh = JSON.parse(JSON.stringify(incidentTable(defaults, INCIDENTS, 1)))
    expect(stored.incidents, 'src/data/incident-table.json is stale: run `npm run data:incidents`').toEqual(fresh)
  })
})
