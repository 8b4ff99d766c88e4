/**
 * Thousands of random and hostile addresses through the URL parser: it never throws, whatever it keeps is valid,
 * every problem is a bounded plain sentence, and nothing leaks into Object.prototype. (The browser tests load the
 * nastiest of these in the real page.)
 */
import { describe, expect, it } from 'vitest'
import { ScenarioSpecSchema } from '../sim/params'
import { createRng } from '../sim/rng'
import { parseUrlParams } from './urlParams'

const KEYS = [
  'network',
  'nodes',
  'scenario',
  'at',
  'lat',
  'lon',
  'radius',
  'fraction',
  'by',
  'alpha',
  'trigger',
  't',
  'operator',
  'seed',
  'autoplay',
  'speed',
  'story',
  'step',
  'kiosk',
  'ui',
  'theme',
  'interactive',
  'parentOrigin',
  'embed',
  'view',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'NETWORK',
  'network[]',
  '',
  ' ',
  '%00',
]
const VALUES = [
  'p2p',
  'centralized',
  'decentralized',
  'distributed',
  'mars',
  'site',
  'region',
  'cascade',
  'ashburn',
  '1',
  '0',
  '-1',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  '1_000',
  '99999999999999999999',
  '3.14159',
  '',
  ' ',
  'true',
  'yes',
  'null',
  'undefined',
  '[]',
  '{}',
  '{"kind":"site"}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '%3Cb%3Ebold%3C%2Fb%3E',
  '%E0%A4%A',
  '%',
  '%%',
  '%00',
  '\u202e\u0627\u0644\u0639\u0631\u0628\u064a\u0629',
  '😀😀😀',
  'ｐ２ｐ',
  'a'.repeat(5000),
  '9'.repeat(400),
  'http://evil.example',
  'https://host.example/',
  '../../etc/passwd',
  'builtin',
  '35.7,139.7',
  '91,0',
  'a,b',
]

function randomQuery(rng: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!
  const parts: string[] = []
  const n = Math.floor(rng() * 12)
  for (let i = 0; i < n; i++) {
    const key = rng() < 0.9 ? pick(KEYS) : String.fromCharCode(...Array.from({ length: 6 }, () => 32 + rng() * 5000))
    const value =
      rng() < 0.8 ? pick(VALUES) : String.fromCharCode(...Array.from({ length: 1 + rng() * 40 }, () => rng() * 0xd7ff))
    // Sometimes raw (so malformed escapes reach the parser), mostly encoded as a browser would.
    parts.push(rng() < 0.3 ? `${key}=${value}` : `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
  }
  return (rng() < 0.5 ? '?' : '') + parts.join(rng() < 0.9 ? '&' : ';')
}

describe('URL parameters under fuzzing', () => {
  it('takes 3,000 random and hostile addresses without throwing, keeps only valid values, says what it ignored', () => {
    const random = createRng(2026, 'url-fuzz')
    const rng = () => random.float()
    for (let i = 0; i < 3000; i++) {
      const query = randomQuery(rng)
      const { config, problems } = parseUrlParams(query)
      if (config.network) expect(['centralized', 'decentralized', 'p2p']).toContain(config.network)
      if (config.nodes !== undefined) expect(Number.isInteger(config.nodes) && config.nodes >= 10).toBe(true)
      if (config.speed !== undefined) expect(Number.isFinite(config.speed)).toBe(true)
      if (config.seed !== undefined) expect(Number.isFinite(config.seed)).toBe(true)
      if (config.scenario) expect(ScenarioSpecSchema.safeParse(config.scenario).success, query).toBe(true)
      if (config.view) expect(Math.abs(config.view.lat) <= 90 && Math.abs(config.view.lon) <= 180).toBe(true)
      for (const p of problems) {
        expect(typeof p).toBe('string')
        expect(p.length, p).toBeLessThan(600)
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
  })

  it('names every unknown or bad parameter, and uses the good ones given beside them', () => {
    const { config, problems } = parseUrlParams(
      '?network=mars&seed=7&theme=%3Cscript%3E&__proto__=1&scenario=region&lat=95&lon=10&radius=500&ui=none',
    )
    expect(config).toMatchObject({ seed: 7, ui: 'none' })
    expect(config.network).toBeUndefined()
    expect(problems.join('\n')).toMatch(/network="mars" ignored: expected centralized/)
    expect(problems.join('\n')).toMatch(/theme="<script>" ignored: expected dark, projector or light/)
    expect(problems.join('\n')).toMatch(/Unknown parameter "__proto__"/)
    expect(problems.join('\n')).toMatch(/lat="95" ignored/)
  })
})
