import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseUrlParams } from './urlParams'

describe('URL parameters', () => {
  it('set up the network, scenario, seed and presentation', () => {
    const { config, problems } = parseUrlParams(
      '?network=distributed&nodes=10000&scenario=region&at=frankfurt&radius=800&seed=42&autoplay=1&ui=minimal&theme=projector&interactive=0&embed=1&parentOrigin=https://example.org&view=48.8,2.3&speed=5',
    )
    expect(problems).toEqual([])
    expect(config).toEqual({
      network: 'p2p',
      nodes: 10000,
      scenario: { kind: 'region', lat: 50.11, lon: 8.68, radiusKm: 800 },
      seed: 42,
      autoplay: true,
      ui: 'minimal',
      theme: 'projector',
      interactive: false,
      embed: true,
      parentOrigin: 'https://example.org',
      view: { lat: 48.8, lon: 2.3 },
      speed: 5,
    })
  })

  it('open the compare view with two different networks, and name what is wrong with any other pair', () => {
    expect(parseUrlParams('compare=centralized,distributed').config.compare).toEqual({
      left: 'centralized',
      right: 'p2p',
    })
    for (const bad of ['p2p,p2p', 'centralized', 'centralized,p2p,decentralized', 'cloud,p2p', '']) {
      const { config, problems } = parseUrlParams(`compare=${bad}`)
      expect(config.compare).toBeUndefined()
      expect(problems).toEqual([
        `compare=${JSON.stringify(bad)} ignored: expected two different networks, left,right, such as centralized,p2p.`,
      ])
    }
  })

  it('builds each scenario with defaults for what is not given', () => {
    expect(parseUrlParams('scenario=site&at=ashburn').config.scenario).toEqual({
      kind: 'site',
      at: { lat: 39.04, lon: -77.49 },
    })
    expect(parseUrlParams('scenario=site').config.scenario).toEqual({ kind: 'site', at: 'largest' })
    expect(parseUrlParams('scenario=cascade&alpha=0.5').config.scenario).toEqual({
      kind: 'cascade',
      alpha: 0.5,
      trigger: 'load',
    })
    expect(parseUrlParams('scenario=attack&fraction=0.1&by=load').config.scenario).toEqual({
      kind: 'attack',
      fraction: 0.1,
      by: 'load',
    })
    expect(parseUrlParams('scenario=spread&t=0.4&lat=10&lon=20').config.scenario).toEqual({
      kind: 'spread',
      transmissibility: 0.4,
      at: { lat: 10, lon: 20 },
    })
    expect(parseUrlParams('scenario=push&operator=all').config.scenario).toEqual({
      kind: 'push',
      transmissibility: 1,
      operator: 'all',
    })
    expect(parseUrlParams('scenario=churn').config.scenario).toEqual({ kind: 'churn' })
  })

  it('takes a word as a seed, the same word the same seed', () => {
    const a = parseUrlParams('seed=talk-2026').config.seed
    expect(a).toBe(parseUrlParams('seed=talk-2026').config.seed)
    expect(Number.isInteger(a)).toBe(true)
  })

  it('reports each bad value, saying what is accepted, and applies the rest', () => {
    const { config, problems } = parseUrlParams(
      'network=mesh&seed=7&radius=-5&scenario=region&ui=big&zoom=3&theme=pink',
    )
    expect(config.seed).toBe(7)
    expect(config.scenario).toEqual({ kind: 'region', lat: 39.04, lon: -77.49, radiusKm: 500 })
    expect(problems).toHaveLength(5)
    expect(problems).toContain('network="mesh" ignored: expected centralized, decentralized, p2p (or distributed).')
    expect(problems).toContain('radius="-5" ignored: expected a radius in km from 1 to 20000.')
    expect(problems).toContain('ui="big" ignored: expected full, minimal or none.')
    expect(problems.some((p) => p.startsWith('Unknown parameter "zoom" ignored. Known: network, nodes'))).toBe(true)
  })

  it('reports repeated keys, parameters of another scenario, and half a place', () => {
    const { config, problems } = parseUrlParams('seed=1&seed=2&scenario=random&alpha=3&lat=10')
    expect(config.seed).toBe(1)
    expect(problems).toContain('seed is given more than once; the first is used.')
    expect(problems).toContain('alpha applies to the scenarios cascade; ignored.')
    expect(problems).toContain('lat applies to the scenarios site, region, spread; ignored.')
  })

  it('accepts only a bare origin for parentOrigin', () => {
    expect(parseUrlParams('parentOrigin=https://a.example:8443').config.parentOrigin).toBe('https://a.example:8443')
    for (const bad of ['javascript:alert(1)', 'https://a.example/path', '*', 'file:///etc/passwd', 'example.org']) {
      const r = parseUrlParams(`parentOrigin=${encodeURIComponent(bad)}`)
      expect(r.config.parentOrigin, bad).toBeUndefined()
      expect(r.problems).toHaveLength(1)
    }
  })

  it('quotes hostile values back shortened and inert, never as markup', () => {
    const long = 'x'.repeat(10_000)
    const { problems } = parseUrlParams(`ui=${long}&theme=${encodeURIComponent('<img src=x onerror=alert(1)>')}`)
    expect(problems[0]!.length).toBeLessThan(200)
    expect(problems[1]).toContain('"<img src=x onerror=alert(1)>"')
  })

  it('never throws and always answers with plain sentences, whatever the query', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 8 }),
        (raw, pairs) => {
          for (const q of [raw, new URLSearchParams(pairs).toString()]) {
            const r = parseUrlParams(q)
            expect(Array.isArray(r.problems)).toBe(true)
            for (const p of r.problems) expect(typeof p).toBe('string')
          }
        },
      ),
    )
  })
})

describe('incident', () => {
  it('replays a recorded outage by its id, and names the known ids for a bad one', () => {
    expect(parseUrlParams('?incident=fastly-2021-06-08').config.scenario).toEqual({
      kind: 'incident',
      id: 'fastly-2021-06-08',
    })
    const bad = parseUrlParams('?incident=fastly-2021&network=p2p')
    expect(bad.config).toEqual({ network: 'p2p' })
    expect(bad.problems[0]).toMatch(/^incident="fastly-2021" ignored: expected a recorded outage: aws-2017-02-28, /)
    const both = parseUrlParams('?scenario=site&incident=aws-2025-10-20')
    expect(both.config.scenario).toEqual({ kind: 'incident', id: 'aws-2025-10-20' })
    expect(both.problems).toEqual(['incident and scenario both given: the incident is replayed, scenario ignored.'])
  })
})
