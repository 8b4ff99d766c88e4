import { describe, expect, it } from 'vitest'
import { NetworkSpecSchema } from '../../sim/params'
import { METROS } from '../../sim/regions'
import { NETWORK_FIELDS, specFromValues, valuesFromSpec } from './networkForm'

describe('network parameter fields', () => {
  it('take their limits from the schemas', () => {
    const regions = NETWORK_FIELDS.centralized.find((f) => f.key === 'regions')
    expect(regions).toMatchObject({ type: 'number', min: 10, max: METROS.length, step: 1 })
    const nodes = NETWORK_FIELDS.p2p.find((f) => f.key === 'nodes')
    expect(nodes).toMatchObject({ min: 10, max: 100_000, step: 1 })
    expect(NETWORK_FIELDS.decentralized.find((f) => f.key === 'replicas')).toMatchObject({ min: 2, max: 3 })
    expect(NETWORK_FIELDS.p2p.find((f) => f.key === 'longLinks')).toMatchObject({ min: 0, max: 8, step: 0.1 })
    // A single-region cloud has no replicas to set.
    expect(NETWORK_FIELDS.centralized.some((f) => f.key === 'replicas')).toBe(false)
  })

  it('start from the defaults, or from what the network was built with', () => {
    expect(valuesFromSpec({ kind: 'p2p' })).toMatchObject({ nodes: '3000', links: '4', selfHealing: true })
    expect(valuesFromSpec({ kind: 'p2p', nodes: 2000, selfHealing: false })).toMatchObject({
      nodes: '2000',
      selfHealing: false,
    })
    expect(valuesFromSpec({ kind: 'decentralized' })).toMatchObject({ regions: '16', replicas: '3' })
  })
})

describe('network spec from the form', () => {
  it('gives a valid spec for every network with its defaults', () => {
    for (const kind of ['centralized', 'decentralized', 'p2p'] as const) {
      const r = specFromValues({ kind }, valuesFromSpec({ kind }))
      expect(r.ok).toBe(true)
      if (r.ok) expect(NetworkSpecSchema.safeParse(r.spec).success).toBe(true)
    }
  })

  it('takes the values typed, and keeps parameters the form does not show', () => {
    const values = { ...valuesFromSpec({ kind: 'p2p' }), nodes: '2000', selfHealing: false }
    const r = specFromValues({ kind: 'p2p', replicaSeparationKm: 100 }, values)
    expect(r).toMatchObject({
      ok: true,
      spec: { kind: 'p2p', nodes: 2000, selfHealing: false, replicaSeparationKm: 100 },
    })
  })

  it('names the field at fault and what it expects', () => {
    const p2p = valuesFromSpec({ kind: 'p2p' })
    expect(specFromValues({ kind: 'p2p' }, { ...p2p, nodes: '5' })).toEqual({
      ok: false,
      field: 'nodes',
      message: 'Nodes: expected a whole number from 10 to 100,000',
    })
    expect(specFromValues({ kind: 'p2p' }, { ...p2p, nodes: '' })).toMatchObject({ ok: false, field: 'nodes' })
    expect(specFromValues({ kind: 'p2p' }, { ...p2p, links: '2.5' })).toMatchObject({
      field: 'links',
      message: 'Links per node: expected a whole number from 1 to 16',
    })
    expect(specFromValues({ kind: 'p2p' }, { ...p2p, longLinks: 'x' })).toMatchObject({
      field: 'longLinks',
      message: 'Long links: expected a number from 0 to 8',
    })
    const multi = valuesFromSpec({ kind: 'decentralized' })
    expect(specFromValues({ kind: 'decentralized' }, { ...multi, replicas: '4' })).toMatchObject({
      field: 'replicas',
      message: 'Replicas: expected a whole number from 2 to 3',
    })
    const cloud = valuesFromSpec({ kind: 'centralized' })
    expect(specFromValues({ kind: 'centralized' }, { ...cloud, regions: '17' })).toMatchObject({
      field: 'regions',
      message: `Regions: expected a whole number from 10 to ${METROS.length}`,
    })
  })

  it('reports the first problem when there are several', () => {
    const p2p = valuesFromSpec({ kind: 'p2p' })
    expect(specFromValues({ kind: 'p2p' }, { ...p2p, nodes: '1', replicas: '99' })).toMatchObject({ field: 'nodes' })
  })
})
