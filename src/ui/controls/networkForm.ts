/**
 * The network parameters as a form: which fields each network has, their limits (read from the schemas in
 * src/sim/params.ts, so the form, the page API and the command line accept the same values), and the values typed
 * turned into a NetworkSpec, or a message naming the field at fault.
 */

import { z } from '../../zod'
import type { NetworkSpec } from '../../sim/index'
import { CENTRALIZED_DEFAULTS, DECENTRALIZED_DEFAULTS, P2P_DEFAULTS } from '../../sim/networks/defaults'
import { CentralizedSpec, DecentralizedSpec, NetworkSpecSchema, P2PSpec, firstIssue } from '../../sim/params'
import type { BuiltInKind } from '../../store/store'

export interface NumberField {
  key: string
  type: 'number'
  label: string
  /** What the parameter does, in a few words. */
  hint: string
  min: number
  max: number
  step: number
}

export interface SwitchField {
  key: string
  type: 'switch'
  label: string
  hint: string
}

export type Field = NumberField | SwitchField

/** What the form holds: numbers as typed (so a half-typed value is not rewritten), switches as booleans. */
export type FormValues = Record<string, string | boolean>

const SCHEMAS = { centralized: CentralizedSpec, decentralized: DecentralizedSpec, p2p: P2PSpec }

const DEFAULTS: Record<BuiltInKind, Record<string, unknown>> = {
  centralized: { ...CENTRALIZED_DEFAULTS },
  decentralized: { ...DECENTRALIZED_DEFAULTS },
  p2p: { ...P2P_DEFAULTS },
}

type NumberCheckDef = z.core.$ZodCheckGreaterThanDef | z.core.$ZodCheckLessThanDef | z.core.$ZodCheckNumberFormatDef

/** A number schema's range and whether it takes whole numbers only, read from its checks. */
function numberLimits(schema: z.ZodMiniNumber): { min?: number; max?: number; isInt: boolean } {
  let min: number | undefined
  let max: number | undefined
  let isInt = false
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def as NumberCheckDef
    if (def.check === 'greater_than') min = Math.max(min ?? -Infinity, Number(def.value))
    else if (def.check === 'less_than') max = Math.min(max ?? Infinity, Number(def.value))
    else if (def.check === 'number_format' && def.format.includes('int')) {
      // Whole numbers are also kept within the safe integer range.
      isInt = true
      min = Math.max(min ?? -Infinity, Number.MIN_SAFE_INTEGER)
      max = Math.min(max ?? Infinity, Number.MAX_SAFE_INTEGER)
    }
  }
  return { min, max, isInt }
}

/** A number field whose limits come from the network's schema. */
function number(kind: BuiltInKind, key: string, label: string, hint: string): NumberField {
  const shape: Record<string, z.core.$ZodType> = SCHEMAS[kind].shape
  const optional = shape[key]
  const schema = optional instanceof z.ZodMiniOptional ? optional.def.innerType : optional
  if (!(schema instanceof z.ZodMiniNumber)) throw new Error(`${kind}.${key} is not a number parameter`)
  const { min, max, isInt } = numberLimits(schema)
  return {
    key,
    type: 'number',
    label,
    hint,
    min: min ?? 0,
    max: max ?? Number.MAX_SAFE_INTEGER,
    step: isInt ? 1 : 0.1,
  }
}

function cloudFields(kind: 'centralized' | 'decentralized'): Field[] {
  const fields = [
    number(kind, 'regions', 'Regions', 'the largest first'),
    number(kind, 'pops', 'Points of presence', 'where people enter'),
    number(kind, 'uplinks', 'Uplinks', 'per point of presence'),
    number(kind, 'popLinks', 'Edge links', 'to the nearest points of presence'),
    number(kind, 'services', 'Services', 'that people use'),
  ]
  if (kind === 'decentralized') fields.push(number(kind, 'replicas', 'Replicas', 'regions per service'))
  return fields
}

/** The main parameters of each network, in the order shown. */
export const NETWORK_FIELDS: Record<BuiltInKind, Field[]> = {
  centralized: cloudFields('centralized'),
  decentralized: cloudFields('decentralized'),
  p2p: [
    number('p2p', 'nodes', 'Nodes', 'where people live'),
    number('p2p', 'links', 'Links per node', 'to nearest peers'),
    number('p2p', 'longLinks', 'Long links', 'per node, to anywhere'),
    number('p2p', 'services', 'Services', 'that people use'),
    number('p2p', 'replicas', 'Replicas', 'nodes per service'),
    { key: 'selfHealing', type: 'switch', label: 'Self-healing', hint: 'lost copies re-created' },
  ],
}

/** The form's values for a network's current spec: what it was built with, defaults for the rest. */
export function valuesFromSpec(spec: NetworkSpec): FormValues {
  const merged: Record<string, unknown> = { ...DEFAULTS[spec.kind], ...spec }
  const values: FormValues = {}
  for (const f of NETWORK_FIELDS[spec.kind]) {
    const v = merged[f.key]
    values[f.key] = f.type === 'switch' ? v === true : String(v ?? '')
  }
  return values
}

export type SpecResult = { ok: true; spec: NetworkSpec } | { ok: false; field: string | null; message: string }

/**
 * The spec the form describes, keeping parameters the form does not show (set through the page API, say), or
 * the first problem as "Label: what is expected".
 */
export function specFromValues(base: NetworkSpec, values: FormValues): SpecResult {
  const kind = base.kind
  const candidate: Record<string, unknown> = { ...base }
  for (const f of NETWORK_FIELDS[kind]) {
    const v = values[f.key]
    if (f.type === 'switch') candidate[f.key] = v === true
    // An empty field is NaN, which the schema refuses with its range: "expected a whole number from 10 to …".
    else candidate[f.key] = typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN
  }
  const r = NetworkSpecSchema.safeParse(candidate)
  if (r.success) return { ok: true, spec: r.data as NetworkSpec }
  const { path, message } = firstIssue(r.error)
  const key = typeof path[0] === 'string' ? path[0] : null
  const field = NETWORK_FIELDS[kind].find((f) => f.key === key)
  // The schema's words, with large numbers grouped as the rest of the page writes them (100,000).
  const readable = message.replace(/\d{5,}/g, (n) => Number(n).toLocaleString('en'))
  return { ok: false, field: field?.key ?? null, message: `${field?.label ?? key ?? 'Network'}: ${readable}` }
}
