/**
 * Schemas for everything a user can set: the network and its parameters, the scenario and its parameters, and
 * the run options. The command line validates with them now; URL parameters and messages use the same ones, so
 * a value is accepted or refused with the same words everywhere.
 */

import { z } from '../zod.ts'
import { INCIDENT_IDS } from './incidents/replay.ts'
import { METROS } from './regions.ts'
import type { ScenarioSpec } from './scenarios.ts'

const int = (min: number, max: number) => {
  const msg = `expected a whole number from ${min} to ${max}`
  return z.number(msg).check(z.int(msg), z.gte(min, msg), z.lte(max, msg))
}
const num = (min: number, max: number) => {
  const msg = `expected a number from ${min} to ${max}`
  // Numbers are finite already: z.number() refuses Infinity and NaN, with `msg`.
  return z.number(msg).check(z.gte(min, msg), z.lte(max, msg))
}
const share = num(0, 1)

export const CentralizedSpec = z.strictObject({
  kind: z.literal('centralized'),
  regions: z.optional(int(10, METROS.length)),
  pops: z.optional(int(10, 1000)),
  uplinks: z.optional(int(1, 4)),
  popLinks: z.optional(int(0, 8)),
  regionSkew: z.optional(num(0, 3)),
  services: z.optional(int(1, 10_000)),
})
export const DecentralizedSpec = z.strictObject({
  kind: z.literal('decentralized'),
  regions: z.optional(int(10, METROS.length)),
  pops: z.optional(int(10, 1000)),
  uplinks: z.optional(int(1, 4)),
  popLinks: z.optional(int(0, 8)),
  services: z.optional(int(1, 10_000)),
  replicas: z.optional(int(2, 3)),
  placement: z.optional(z.enum(['diverse', 'nearest'])),
  regionSkew: z.optional(num(0, 3)),
})
export const P2PSpec = z.strictObject({
  kind: z.literal('p2p'),
  nodes: z.optional(int(10, 100_000)),
  links: z.optional(int(1, 16)),
  longLinks: z.optional(num(0, 8)),
  services: z.optional(int(1, 10_000)),
  replicas: z.optional(int(1, 16)),
  replicaSeparationKm: z.optional(num(0, 20_000)),
  selfHealing: z.optional(z.boolean()),
  scaleCopies: z.optional(z.boolean()),
  hopMs: z.optional(num(0, 100)),
})
export const NetworkSpecSchema = z.discriminatedUnion('kind', [CentralizedSpec, DecentralizedSpec, P2PSpec])

export const ScenarioSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('site'), node: int(0, 10_000_000) }),
  z.strictObject({ kind: z.literal('region'), lat: num(-90, 90), lon: num(-180, 180), radiusKm: num(1, 20_000) }),
  z.strictObject({ kind: z.literal('random'), fraction: share }),
  z.strictObject({ kind: z.literal('links'), fraction: share }),
  z.strictObject({ kind: z.literal('attack'), fraction: share, by: z.enum(['degree', 'load']) }),
  z.strictObject({ kind: z.literal('cascade'), alpha: num(0, 100), trigger: z.enum(['random', 'degree', 'load']) }),
  z.strictObject({ kind: z.literal('spread'), transmissibility: share, source: z.nullable(int(0, 10_000_000)) }),
  z.strictObject({
    kind: z.literal('push'),
    transmissibility: share,
    operator: z.union([int(0, 10_000_000), z.enum(['largest', 'all'])]),
  }),
  z.strictObject({ kind: z.literal('churn') }),
])

export const SimOptionsSchema = z.strictObject({
  dtMin: z.optional(num(0.01, 1440)),
  startMin: z.optional(num(0, 1e6)),
  repairAfterMin: z.optional(z.union([z.literal('response'), z.nullable(num(0, 1e6))])),
  response: z.optional(
    z.strictObject({
      cloudDetectMin: num(0, 1e6),
      cloudRestoreMin: num(0, 1e6),
      nodeRepairMin: num(0, 1e6),
      areaRestoreMin: num(0, 1e6),
    }),
  ),
  healAfterMin: z.optional(num(0, 1e6)),
  copyGb: z.optional(num(0, 1e6)),
  copyMbps: z.optional(num(0.001, 1e6)),
  churn: z.optional(z.boolean()),
  latencyEvery: z.optional(int(1, 1000)),
})

/** Scenario defaults: what each one does when only its kind is given. */
export const SCENARIO_DEFAULTS = {
  site: { node: -1 },
  region: { lat: METROS[0]!.lat, lon: METROS[0]!.lon, radiusKm: 500 },
  random: { fraction: 0.2 },
  links: { fraction: 0.2 },
  attack: { fraction: 0.05, by: 'degree' },
  cascade: { alpha: 0.2, trigger: 'load' },
  spread: { transmissibility: 0.3, source: null },
  push: { transmissibility: 1, operator: 'largest' },
} as const

/** The first problem of a failed parse, as "path: message". */
export function firstIssue(error: z.core.$ZodError): { path: (string | number)[]; message: string } {
  const issue = error.issues[0]!
  return { path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message }
}

const Place = z.strictObject({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lon: z.number().check(z.gte(-180), z.lte(180)),
})
const Share = z.number().check(z.gte(0), z.lte(1))

/**
 * A scenario as people write it (by place, as ScenarioSpec in scenarios.ts), for URLs, messages and stories:
 * `at` may also name a metro.
 */
export const ScenarioSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('churn') }),
  z.strictObject({
    kind: z.literal('site'),
    at: z.union([Place, z.literal('largest'), z.enum(METROS.map((m) => m.id) as [string, ...string[]])]),
  }),
  z.strictObject({
    kind: z.literal('region'),
    lat: z.number().check(z.gte(-90), z.lte(90)),
    lon: z.number().check(z.gte(-180), z.lte(180)),
    radiusKm: z.number().check(z.gte(1), z.lte(20_000)),
  }),
  z.strictObject({ kind: z.literal('random'), fraction: Share }),
  z.strictObject({ kind: z.literal('links'), fraction: Share }),
  z.strictObject({ kind: z.literal('attack'), fraction: Share, by: z.enum(['degree', 'load']) }),
  z.strictObject({
    kind: z.literal('cascade'),
    alpha: z.number().check(z.gte(0), z.lte(100)),
    trigger: z.enum(['random', 'degree', 'load']),
  }),
  z.strictObject({ kind: z.literal('spread'), transmissibility: Share, at: z.nullable(Place) }),
  z.strictObject({
    kind: z.literal('push'),
    transmissibility: Share,
    operator: z.union([z.enum(['largest', 'all']), z.number().check(z.int(), z.gte(0))]),
  }),
  z.strictObject({ kind: z.literal('incident'), id: z.enum(INCIDENT_IDS as [string, ...string[]]) }),
])

/** A scenario as messages, the page API and URLs give it: a site may be named by its metro's id ("ashburn"). */
export type ScenarioSpecInput = z.infer<typeof ScenarioSpecSchema>

/** The scenario, with a metro named in `at` turned into its place. */
export function toScenarioSpec(s: ScenarioSpecInput): ScenarioSpec {
  if (s.kind === 'site' && typeof s.at === 'string' && s.at !== 'largest') {
    const m = METROS.find((x) => x.id === s.at)!
    return { kind: 'site', at: { lat: m.lat, lon: m.lon } }
  }
  return s as ScenarioSpec
}
