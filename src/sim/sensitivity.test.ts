import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world.ts'
import { METROS } from './regions.ts'
import { HOP_MS_VALUES, REGION_SKEW_VALUES, sensitivityTable } from './sensitivity.ts'

const world = loadWorld()
const table = sensitivityTable(world, 1)

describe('sensitivity to what no one publishes', () => {
  it('the grid gets slower as a hop through a small node costs more, the clouds not at all', () => {
    const p50 = table.latency.grid.map((r) => r.p50)
    expect(table.latency.grid.map((r) => r.hopMs)).toEqual([...HOP_MS_VALUES])
    for (let i = 1; i < p50.length; i++) expect(p50[i]!).toBeGreaterThan(p50[i - 1]!)
    // A grid path has many hops: 20 ms each puts it well behind both clouds.
    const slowest = Math.max(...table.latency.clouds.map((c) => c.p50))
    expect(table.latency.grid.at(-1)!.p50).toBeGreaterThan(slowest)
  })

  it('the centralized cloud loses more with its largest region the more services it homes there', () => {
    const rows = table.regionSkew
    expect(rows.map((r) => r.skew)).toEqual([...REGION_SKEW_VALUES])
    // Skew 0: every region the same share.
    expect(rows[0]!.largestShare).toBeCloseTo(1 / METROS.length, 4)
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.largestShare).toBeGreaterThan(rows[i - 1]!.largestShare)
      expect(rows[i]!.serviceAvailability).toBeLessThan(rows[i - 1]!.serviceAvailability)
    }
    // Even with every region alike, it loses more than the grid.
    expect(rows[0]!.serviceAvailability).toBeLessThan(table.gridUnderDisaster)
  })

  it('is the table the app shows (else run `npm run data:sensitivity`)', async () => {
    const stored = (await import('../data/sensitivity-table.json')).default
    expect(stored, 'src/data/sensitivity-table.json is stale: run `npm run data:sensitivity`').toEqual(
      JSON.parse(JSON.stringify(table)),
    )
  })
})
