/**
 * URL parameters: how a link or an embedding page sets the demo up. Every value is checked on its own with a
 * schema; a bad one is reported (what was wrong, what is accepted) and skipped while the rest applies, and
 * nothing from the URL is ever turned into markup.
 */

import { z } from '../zod'
import { INCIDENT_IDS } from '../sim/incidents/replay'
import { METROS } from '../sim/regions'
import { normalizeSeed } from '../sim/rng'
import type { ScenarioSpec } from '../sim/scenarios'
import { SCENARIO_DEFAULTS } from '../sim/params'

export type UiMode = 'full' | 'minimal' | 'none'

/** What the URL asks for; fields it does not set are absent. */
export interface UrlConfig {
  network?: 'centralized' | 'decentralized' | 'p2p'
  nodes?: number
  scenario?: ScenarioSpec
  seed?: number
  autoplay?: boolean
  speed?: number
  /** A story: a built-in one's id, or the address of a story file on this site. */
  story?: string
  /** 1-based step of the story. */
  step?: number
  /** Loop the story unattended (kiosk). */
  kiosk?: boolean
  ui?: UiMode
  theme?: 'dark' | 'projector' | 'light'
  /** Whether dragging and zooming the globe is on. */
  interactive?: boolean
  /** The origin allowed to drive the demo by postMessage. */
  parentOrigin?: string
  embed?: boolean
  /** A place to face at the start. */
  view?: { lat: number; lon: number }
  /** Two networks side by side (the compare view), left and right. */
  compare?: { left: BuiltIn; right: BuiltIn }
}

type BuiltIn = 'centralized' | 'decentralized' | 'p2p'

export interface UrlParse {
  config: UrlConfig
  /** One plain sentence per value that was ignored. */
  problems: string[]
}

/** Longest value quoted back in a message. */
const QUOTE_MAX = 40

function quote(value: string): string {
  // Control characters would garble a message: they are shown as "?".
  let clean = ''
  for (const ch of value) clean += ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? '?' : ch
  return JSON.stringify(clean.length > QUOTE_MAX ? `${clean.slice(0, QUOTE_MAX)}…` : clean)
}

const bool = z.pipe(
  z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']),
  z.transform((v) => ['1', 'true', 'yes', 'on'].includes(v)),
)
/** A number written as `pattern`, read and then checked against its range; `msg` for either problem. */
const numeral = (pattern: RegExp, min: number, max: number, msg: string) =>
  z.pipe(
    z.pipe(z.string().check(z.trim(), z.regex(pattern, msg)), z.transform(Number)),
    z.number().check(z.gte(min, msg), z.lte(max, msg)),
  )
const num = (min: number, max: number) => numeral(/^-?\d+(\.\d+)?$/, min, max, `a number from ${min} to ${max}`)
const int = (min: number, max: number) => numeral(/^\d+$/, min, max, `a whole number from ${min} to ${max}`)

const METRO_IDS = METROS.map((m) => m.id)

/** Each parameter: its schema and, for the message, what it accepts. */
const PARAMS = {
  network: {
    schema: z.enum(['centralized', 'decentralized', 'p2p', 'distributed']),
    accepts: 'centralized, decentralized, p2p (or distributed)',
  },
  nodes: { schema: int(10, 100_000), accepts: 'a whole number from 10 to 100000' },
  scenario: {
    schema: z.enum(['none', 'site', 'region', 'random', 'links', 'attack', 'cascade', 'spread', 'push', 'churn']),
    accepts: 'none, site, region, random, links, attack, cascade, spread, push, churn',
  },
  incident: {
    schema: z.enum(INCIDENT_IDS as [string, ...string[]]),
    accepts: `a recorded outage: ${INCIDENT_IDS.join(', ')}`,
  },
  at: { schema: z.enum(METRO_IDS as [string, ...string[]]), accepts: `a metro: ${METRO_IDS.join(', ')}` },
  lat: { schema: num(-90, 90), accepts: 'a latitude from -90 to 90' },
  lon: { schema: num(-180, 180), accepts: 'a longitude from -180 to 180' },
  radius: { schema: num(1, 20_000), accepts: 'a radius in km from 1 to 20000' },
  fraction: { schema: num(0, 1), accepts: 'a share from 0 to 1' },
  by: { schema: z.enum(['degree', 'load']), accepts: 'degree or load' },
  alpha: { schema: num(0, 100), accepts: 'a number from 0 to 100' },
  trigger: { schema: z.enum(['random', 'degree', 'load']), accepts: 'random, degree or load' },
  t: { schema: num(0, 1), accepts: 'a transmissibility from 0 to 1' },
  operator: { schema: z.enum(['largest', 'all']), accepts: 'largest or all' },
  seed: {
    schema: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
    accepts: 'a number or a word of up to 64 characters',
  },
  autoplay: { schema: bool, accepts: '1 or 0' },
  speed: { schema: num(0.1, 1000), accepts: 'simulated minutes per second, from 0.1 to 1000' },
  story: {
    schema: z.string().check(z.trim(), z.maxLength(200), z.regex(/^[\w./-]+$/, 'a story id or a path on this site')),
    accepts: 'a built-in story id or the path of a story file on this site',
  },
  step: { schema: int(1, 99), accepts: 'a whole number from 1 to 99' },
  kiosk: { schema: bool, accepts: '1 or 0' },
  ui: { schema: z.enum(['full', 'minimal', 'none']), accepts: 'full, minimal or none' },
  theme: { schema: z.enum(['dark', 'projector', 'light']), accepts: 'dark, projector or light' },
  interactive: { schema: bool, accepts: '1 or 0' },
  parentOrigin: {
    schema: z.string().check(
      z.trim(),
      z.maxLength(200),
      z.refine((v) => {
        try {
          const u = new URL(v)
          return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === v.replace(/\/$/, '')
        } catch {
          return false
        }
      }),
    ),
    accepts: 'an origin such as https://example.com (scheme, host and port only)',
  },
  embed: { schema: bool, accepts: '1 or 0' },
  compare: {
    schema: z
      .pipe(
        z
          .string()
          .check(
            z.trim(),
            z.regex(/^(centralized|decentralized|p2p|distributed),(centralized|decentralized|p2p|distributed)$/),
          ),
        z.transform((v) => v.split(',').map((k) => (k === 'distributed' ? 'p2p' : k)) as [BuiltIn, BuiltIn]),
      )
      .check(z.refine(([a, b]) => a !== b)),
    accepts: 'two different networks, left,right, such as centralized,p2p',
  },
  view: {
    schema: z
      .pipe(
        z.string().check(z.trim(), z.regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/)),
        z.transform((v) => v.split(',').map(Number) as [number, number]),
      )
      .check(z.refine(([lat, lon]) => Math.abs(lat) <= 90 && Math.abs(lon) <= 180)),
    accepts: 'latitude,longitude, such as 48.8,2.3',
  },
} as const

type Key = keyof typeof PARAMS
const KEYS = Object.keys(PARAMS) as Key[]
const MAX_PARAMS = 64

/** Reads a query string (with or without "?"). Never throws. */
export function parseUrlParams(search: string): UrlParse {
  const problems: string[] = []
  const values: Partial<Record<Key, unknown>> = {}
  let params: URLSearchParams
  try {
    params = new URLSearchParams(search)
  } catch {
    return { config: {}, problems: ['The address has parameters that cannot be read; none were used.'] }
  }
  let count = 0
  const seen = new Set<string>()
  for (const [rawKey, rawValue] of params) {
    if (++count > MAX_PARAMS) {
      problems.push(`More than ${MAX_PARAMS} parameters: the rest were ignored.`)
      break
    }
    const key = rawKey as Key
    if (!KEYS.includes(key)) {
      problems.push(`Unknown parameter ${quote(rawKey)} ignored. Known: ${KEYS.join(', ')}.`)
      continue
    }
    if (seen.has(key)) {
      problems.push(`${key} is given more than once; the first is used.`)
      continue
    }
    seen.add(key)
    const r = PARAMS[key].schema.safeParse(rawValue)
    if (r.success) values[key] = r.data
    else problems.push(`${key}=${quote(rawValue)} ignored: expected ${PARAMS[key].accepts}.`)
  }

  const config: UrlConfig = {}
  if (values.network)
    config.network = values.network === 'distributed' ? 'p2p' : (values.network as UrlConfig['network'])
  if (values.nodes !== undefined) {
    if (config.network && config.network !== 'p2p') problems.push('nodes applies to the p2p network only; ignored.')
    else config.nodes = values.nodes as number
  }
  if (values.seed !== undefined)
    config.seed = normalizeSeed(/^\d+$/.test(values.seed as string) ? Number(values.seed) : (values.seed as string))
  for (const k of ['autoplay', 'speed', 'story', 'step', 'kiosk', 'ui', 'theme', 'interactive', 'embed'] as const) {
    if (values[k] !== undefined) (config as Record<string, unknown>)[k] = values[k]
  }
  if (config.step !== undefined && !config.story && !config.kiosk) {
    problems.push('step applies with a story; ignored.')
    delete config.step
  }
  if (values.parentOrigin !== undefined) config.parentOrigin = (values.parentOrigin as string).replace(/\/$/, '')
  if (values.view) {
    const [lat, lon] = values.view as [number, number]
    config.view = { lat, lon }
  }
  if (values.compare) {
    const [left, right] = values.compare as [BuiltIn, BuiltIn]
    config.compare = { left, right }
  }
  const scenario = buildScenario(values, problems)
  if (scenario) config.scenario = scenario
  if (values.incident !== undefined) {
    if (config.scenario) problems.push('incident and scenario both given: the incident is replayed, scenario ignored.')
    config.scenario = { kind: 'incident', id: values.incident as string }
  }
  return { config, problems }
}

/** The scenario from its kind and its parameters; parameters it does not take are reported. */
function buildScenario(v: Partial<Record<Key, unknown>>, problems: string[]): ScenarioSpec | undefined {
  const kind = v.scenario as ScenarioSpec['kind'] | undefined
  const scenarioKeys: Record<string, ScenarioSpec['kind'][]> = {
    at: ['site', 'region', 'spread'],
    lat: ['site', 'region', 'spread'],
    lon: ['site', 'region', 'spread'],
    radius: ['region'],
    fraction: ['random', 'links', 'attack'],
    by: ['attack'],
    alpha: ['cascade'],
    trigger: ['cascade'],
    t: ['spread', 'push'],
    operator: ['push'],
  }
  for (const [k, kinds] of Object.entries(scenarioKeys)) {
    if (v[k as Key] !== undefined && (!kind || !kinds.includes(kind))) {
      problems.push(`${k} applies to the scenarios ${kinds.join(', ')}; ignored.`)
      delete v[k as Key]
    }
  }
  if (!kind) return undefined
  const metro = v.at ? METROS.find((m) => m.id === v.at) : undefined
  let place = metro ? { lat: metro.lat, lon: metro.lon } : undefined
  if (v.lat !== undefined && v.lon !== undefined) place = { lat: v.lat as number, lon: v.lon as number }
  else if ((v.lat === undefined) !== (v.lon === undefined))
    problems.push('lat and lon go together; the one given alone was ignored.')
  switch (kind) {
    case 'none':
    case 'churn':
      return { kind }
    case 'incident':
      return undefined
    case 'site':
      return { kind, at: place ?? 'largest' }
    case 'region': {
      const at = place ?? { lat: SCENARIO_DEFAULTS.region.lat, lon: SCENARIO_DEFAULTS.region.lon }
      return {
        kind,
        lat: at.lat,
        lon: at.lon,
        radiusKm: (v.radius as number | undefined) ?? SCENARIO_DEFAULTS.region.radiusKm,
      }
    }
    case 'random':
    case 'links':
      return { kind, fraction: (v.fraction as number | undefined) ?? SCENARIO_DEFAULTS[kind].fraction }
    case 'attack':
      return {
        kind,
        fraction: (v.fraction as number | undefined) ?? SCENARIO_DEFAULTS.attack.fraction,
        by: (v.by as 'degree' | 'load' | undefined) ?? SCENARIO_DEFAULTS.attack.by,
      }
    case 'cascade':
      return {
        kind,
        alpha: (v.alpha as number | undefined) ?? SCENARIO_DEFAULTS.cascade.alpha,
        trigger: (v.trigger as 'random' | 'degree' | 'load' | undefined) ?? SCENARIO_DEFAULTS.cascade.trigger,
      }
    case 'spread':
      return {
        kind,
        transmissibility: (v.t as number | undefined) ?? SCENARIO_DEFAULTS.spread.transmissibility,
        at: place ?? null,
      }
    case 'push':
      return {
        kind,
        transmissibility: (v.t as number | undefined) ?? SCENARIO_DEFAULTS.push.transmissibility,
        operator: (v.operator as 'largest' | 'all' | undefined) ?? 'largest',
      }
  }
}
