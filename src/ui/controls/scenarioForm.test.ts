import { describe, expect, it } from 'vitest'
import { SCENARIO_DEFAULTS, ScenarioSchema } from '../../sim/params'
import { METROS } from '../../sim/regions'
import { SCENARIO_DESCRIPTIONS, SCENARIO_KINDS, type ScenarioSpec } from '../../sim/scenarios'
import { SCENARIO_NAMES, SCENARIO_PARAMS, defaultFields, placeFor, specFromFields, withKind } from './scenarioForm'

/** The schema the command line checks scenarios with takes nodes where the page takes places. */
function asScenario(spec: ScenarioSpec): unknown {
  if (spec.kind === 'site') return { kind: 'site', node: 0 }
  if (spec.kind === 'spread') return { kind: 'spread', transmissibility: spec.transmissibility, source: null }
  return spec
}

describe('scenario form', () => {
  it('names every scenario, and each has a description', () => {
    for (const kind of SCENARIO_KINDS) {
      expect(SCENARIO_NAMES[kind]).toBeTruthy()
      expect(SCENARIO_DESCRIPTIONS[kind]).toBeTruthy()
      expect(SCENARIO_PARAMS[kind]).toBeDefined()
    }
  })

  it('gives a valid scenario for every kind from its defaults', () => {
    for (const kind of SCENARIO_KINDS) {
      const r = specFromFields(withKind(defaultFields(), kind))
      expect(r.ok).toBe(true)
      if (!r.ok) continue
      expect(r.spec.kind).toBe(kind)
      expect(ScenarioSchema.safeParse(asScenario(r.spec)).success).toBe(true)
    }
  })

  it('starts from SCENARIO_DEFAULTS', () => {
    const spec = (kind: (typeof SCENARIO_KINDS)[number]) => {
      const r = specFromFields(withKind(defaultFields(), kind))
      if (!r.ok) throw new Error(r.message)
      return r.spec
    }
    expect(spec('region')).toEqual({ kind: 'region', ...SCENARIO_DEFAULTS.region })
    expect(spec('random')).toEqual({ kind: 'random', ...SCENARIO_DEFAULTS.random })
    expect(spec('links')).toEqual({ kind: 'links', ...SCENARIO_DEFAULTS.links })
    expect(spec('attack')).toEqual({ kind: 'attack', ...SCENARIO_DEFAULTS.attack })
    expect(spec('cascade')).toEqual({ kind: 'cascade', ...SCENARIO_DEFAULTS.cascade })
    expect(spec('push')).toEqual({ kind: 'push', ...SCENARIO_DEFAULTS.push })
    expect(spec('site')).toEqual({ kind: 'site', at: 'largest' })
    expect(spec('spread')).toEqual({
      kind: 'spread',
      transmissibility: SCENARIO_DEFAULTS.spread.transmissibility,
      at: null,
    })
  })

  it('places site and spreading failures at a metro or a typed place, as `at`', () => {
    const tokyo = METROS.find((m) => m.id === 'tokyo')!
    expect(specFromFields({ ...defaultFields('site'), place: 'tokyo' })).toEqual({
      ok: true,
      spec: { kind: 'site', at: { lat: tokyo.lat, lon: tokyo.lon } },
    })
    expect(specFromFields({ ...defaultFields('spread'), place: 'custom', lat: '-33.9', lon: '18.4' })).toEqual({
      ok: true,
      spec: { kind: 'spread', transmissibility: 0.3, at: { lat: -33.9, lon: 18.4 } },
    })
    expect(
      specFromFields({ ...defaultFields('region'), place: 'custom', lat: '10', lon: '20', radiusKm: '800' }),
    ).toEqual({ ok: true, spec: { kind: 'region', lat: 10, lon: 20, radiusKm: 800 } })
  })

  it('picks a place a scenario can use when the kind changes', () => {
    expect(placeFor('region', 'largest')).toBe(METROS[0]!.id)
    expect(placeFor('spread', 'largest')).toBe('random')
    expect(placeFor('site', 'random')).toBe('largest')
    expect(placeFor('site', 'tokyo')).toBe('tokyo')
    expect(withKind(defaultFields('site'), 'region').place).toBe(METROS[0]!.id)
  })

  it('names the field at fault and what it expects', () => {
    const f = defaultFields()
    expect(specFromFields({ ...f, kind: 'region', place: 'custom', lat: '95' })).toEqual({
      ok: false,
      field: 'lat',
      message: 'Latitude: expected a number from -90 to 90',
    })
    expect(specFromFields({ ...f, kind: 'region', place: 'custom', lon: '' })).toMatchObject({
      field: 'lon',
      message: 'Longitude: expected a number from -180 to 180',
    })
    expect(specFromFields({ ...f, kind: 'region', place: 'dublin', radiusKm: '0' })).toMatchObject({
      field: 'radiusKm',
      message: 'Radius: expected a number from 1 to 20000',
    })
    expect(specFromFields({ ...f, kind: 'random', percent: '120' })).toMatchObject({
      field: 'percent',
      message: 'Share: expected a number from 0 to 100',
    })
    expect(specFromFields({ ...f, kind: 'cascade', alpha: '-1' })).toMatchObject({ field: 'alpha' })
    expect(specFromFields({ ...f, kind: 'push', transmissibility: '2' })).toMatchObject({
      field: 'transmissibility',
      message: 'Transmissibility T: expected a number from 0 to 1',
    })
    expect(specFromFields({ ...f, kind: 'site', place: 'atlantis' })).toMatchObject({ field: 'place' })
  })

  it('keeps the attack default (5%) apart from random failures (20%)', () => {
    expect(withKind(defaultFields('random'), 'attack').percent).toBe('5')
    expect(withKind(defaultFields('attack'), 'links').percent).toBe('20')
  })
})
