import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseUrlParams } from '../../embed/urlParams'
import type { ScenarioSpec } from '../../sim/scenarios'
import { buildEmbedUrl, iframeCode, type EmbedView } from './embedCode'

const BASE = 'https://demo.example/p2p-globe/'

function roundTrip(view: EmbedView) {
  const { url, omitted } = buildEmbedUrl(BASE, view)
  expect(url.startsWith(`${BASE}?`)).toBe(true)
  const parsed = parseUrlParams(new URL(url).search)
  return { ...parsed, omitted, url }
}

const lat = fc.double({ min: -90, max: 90, noNaN: true })
const lon = fc.double({ min: -180, max: 180, noNaN: true })
const share = fc.double({ min: 0, max: 1, noNaN: true })
const place = fc.record({ lat, lon })
const scenario: fc.Arbitrary<ScenarioSpec> = fc.oneof(
  fc.constant({ kind: 'none' } as const),
  fc.constant({ kind: 'churn' } as const),
  fc.record({ kind: fc.constant('site' as const), at: fc.oneof(fc.constant('largest' as const), place) }),
  fc.record({
    kind: fc.constant('region' as const),
    lat,
    lon,
    radiusKm: fc.double({ min: 1, max: 20_000, noNaN: true }),
  }),
  fc.record({ kind: fc.constantFrom('random' as const, 'links' as const), fraction: share }),
  fc.record({
    kind: fc.constant('attack' as const),
    fraction: share,
    by: fc.constantFrom('degree' as const, 'load' as const),
  }),
  fc.record({
    kind: fc.constant('cascade' as const),
    alpha: fc.double({ min: 0, max: 100, noNaN: true }),
    trigger: fc.constantFrom('random' as const, 'degree' as const, 'load' as const),
  }),
  fc.record({ kind: fc.constant('spread' as const), transmissibility: share, at: fc.oneof(fc.constant(null), place) }),
  fc.record({
    kind: fc.constant('push' as const),
    transmissibility: share,
    operator: fc.constantFrom('largest' as const, 'all' as const),
  }),
)

/** Numbers in the spec to a millionth (what the link keeps); the rest as is. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toFixed(6)) + 0 // + 0: -0 reads back as 0
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]))
  return value
}

describe('the embed link', () => {
  it('reads back through urlParams as the same network, scenario, seed, nodes and theme, with no complaint', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('centralized' as const, 'decentralized' as const, 'p2p' as const),
        scenario,
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('dark' as const, 'projector' as const, 'light' as const),
        fc.option(fc.integer({ min: 10, max: 100_000 }), { nil: undefined }),
        (network, spec, seed, theme, nodes) => {
          const { config, problems, omitted } = roundTrip({ network, scenario: spec, seed, theme, nodes })
          expect(problems).toEqual([])
          expect(omitted).toEqual([])
          expect(config.embed).toBe(true)
          expect(config.network).toBe(network)
          expect(config.seed).toBe(seed)
          expect(config.nodes).toBe(network === 'p2p' ? nodes : undefined)
          expect(config.theme).toBe(theme === 'dark' ? undefined : theme)
          expect(rounded(config.scenario)).toEqual(rounded(spec))
        },
      ),
    )
  })

  it('keeps a region failure exactly as set in the panel', () => {
    const spec: ScenarioSpec = { kind: 'region', lat: 50.1, lon: 8.7, radiusKm: 700 }
    const { config, url } = roundTrip({ network: 'p2p', scenario: spec, seed: 42, theme: 'dark' })
    expect(url).toBe(`${BASE}?embed=1&network=p2p&scenario=region&lat=50.1&lon=8.7&radius=700&seed=42`)
    expect(config.scenario).toEqual(spec)
  })

  it('carries the compare view: the same two networks side by side', () => {
    const spec: ScenarioSpec = { kind: 'region', lat: 39.04, lon: -77.49, radiusKm: 500 }
    const view = { network: 'centralized', scenario: spec, seed: 1, theme: 'dark' } as const
    const { config, omitted } = roundTrip({ ...view, compare: { left: 'centralized', right: 'p2p' } })
    expect(omitted).toEqual([])
    expect(config.compare).toEqual({ left: 'centralized', right: 'p2p' })
    const imported = roundTrip({ ...view, compare: { left: 'imported', right: 'p2p' } })
    expect(imported.config.compare).toBeUndefined()
    expect(imported.omitted).toHaveLength(1)
  })

  it('says what it cannot carry: an imported network, a push through a numbered operator', () => {
    const { config, omitted } = roundTrip({
      network: 'imported',
      scenario: { kind: 'push', transmissibility: 0.5, operator: 7 },
      seed: 1,
      theme: 'dark',
    })
    expect(omitted).toHaveLength(2)
    expect(config.network).toBe('p2p')
    expect(config.scenario).toEqual({ kind: 'push', transmissibility: 0.5, operator: 'largest' })
  })
})

describe('the iframe code', () => {
  it('escapes the URL for an HTML attribute', () => {
    const code = iframeCode('https://x.example/?a=1&b="2"<3>')
    expect(code).toContain('src="https://x.example/?a=1&amp;b=&quot;2&quot;&lt;3&gt;"')
    expect(code.startsWith('<iframe ')).toBe(true)
    expect(code.endsWith('></iframe>')).toBe(true)
  })
})
