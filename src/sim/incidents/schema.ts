/**
 * The check on the incident library: every entry's shape, and the facts that must agree with each other (a
 * figure's source exists, the id carries the date, the start falls on that day or the evening before, ids are
 * unique). A bad entry fails the test (incidents.test.ts) and the command line with the entry and field named.
 */

import { z } from '../../zod.ts'
import type { Incident } from './types.ts'

const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date, YYYY-MM-DD'))
const Text = z.string().check(z.minLength(1), z.maxLength(500))
const Share = z.number().check(z.gt(0), z.lte(1))

const Place = z.strictObject({
  name: Text,
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lon: z.number().check(z.gte(-180), z.lte(180)),
  radiusKm: z.number().check(z.gt(0), z.lte(2000)),
})

const Source = z.strictObject({
  publisher: Text,
  title: Text,
  url: z.optional(z.string().check(z.regex(/^https:\/\/[^\s]+$/, 'expected an https:// address'))),
  date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected YYYY-MM or YYYY-MM-DD'))),
})

const SourceIndex = z.number().check(z.int(), z.gte(0))

export const IncidentSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9]+-\d{4}-\d{2}-\d{2}$/, 'expected provider-YYYY-MM-DD in lower case')),
  title: z.string().check(z.minLength(1), z.maxLength(60)),
  provider: Text,
  date: Day,
  startUtc: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/, 'expected YYYY-MM-DDTHH:MMZ (UTC)')),
  startPrecision: z.enum(['minute', 'day']),
  durationMin: z.number().check(z.gt(0), z.lte(90 * 24 * 60)),
  durationNote: Text,
  detectMin: z.nullable(z.number().check(z.gte(0), z.lte(24 * 60))),
  mechanism: z.enum(['config', 'release', 'dns', 'control', 'network', 'power', 'fire', 'physical']),
  layer: z.enum(['dns', 'control', 'edge', 'regional', 'backbone', 'machines', 'site']),
  scope: z.union([z.literal('global'), z.array(Place).check(z.minLength(1), z.maxLength(8))]),
  summary: z.string().check(z.minLength(20), z.maxLength(600)),
  affected: Text,
  figures: z.array(z.strictObject({ text: Text, source: SourceIndex })).check(z.minLength(1)),
  reportedShare: z.nullable(z.strictObject({ share: Share, of: Text, source: SourceIndex })),
  fleetShare: z.nullable(Share),
  sources: z.array(Source).check(z.minLength(1)),
})

/** A problem in the library: which entry, which field, what is wrong. */
export interface IncidentProblem {
  /** "INCIDENTS[3].figures[0].source" */
  path: string
  message: string
}

function pathOf(i: number, parts: readonly PropertyKey[]): string {
  let path = `INCIDENTS[${i}]`
  for (const p of parts) path += typeof p === 'number' ? `[${p}]` : `.${String(p)}`
  return path
}

/** Every problem in the list, empty when it is sound. */
export function checkIncidents(list: readonly unknown[]): IncidentProblem[] {
  const problems: IncidentProblem[] = []
  const seen = new Map<string, number>()
  list.forEach((entry, i) => {
    const r = IncidentSchema.safeParse(entry)
    if (!r.success) {
      for (const issue of r.error.issues) problems.push({ path: pathOf(i, issue.path), message: issue.message })
      return
    }
    const inc = r.data as Incident
    const at = (field: string, message: string) => problems.push({ path: `${pathOf(i, [])}.${field}`, message })
    if (!inc.id.endsWith(inc.date)) at('id', `should end with its date ${inc.date}`)
    const other = seen.get(inc.id)
    if (other !== undefined) at('id', `repeats the id of INCIDENTS[${other}]`)
    seen.set(inc.id, i)
    // A start just before midnight UTC may fall on the day before the date the incident is known by.
    const start = Date.parse(inc.startUtc.replace('Z', ':00Z'))
    const day = Date.parse(`${inc.date}T00:00:00Z`)
    if (!Number.isFinite(start) || start < day - 12 * 3600e3 || start >= day + 24 * 3600e3)
      at('startUtc', `should fall on ${inc.date} (or late the evening before)`)
    const n = inc.sources.length
    inc.figures.forEach((f, k) => {
      if (f.source >= n) at(`figures[${k}].source`, `names source ${f.source}, but there are ${n}`)
    })
    if (inc.reportedShare && inc.reportedShare.source >= n)
      at('reportedShare.source', `names source ${inc.reportedShare.source}, but there are ${n}`)
    if (inc.detectMin !== null && inc.detectMin >= inc.durationMin)
      at('detectMin', `should be less than the duration (${inc.durationMin} minutes)`)
    if ((inc.layer === 'machines') !== (inc.fleetShare !== null))
      at('fleetShare', 'a share of machines goes with the layer "machines", and only with it')
    const placed = inc.layer === 'regional' || inc.layer === 'site'
    if (placed && inc.scope === 'global') at('scope', `a "${inc.layer}" outage happens somewhere: name its places`)
    if ((inc.layer === 'backbone' || inc.layer === 'machines') && inc.scope !== 'global')
      at('scope', `a "${inc.layer}" outage is global`)
  })
  return problems
}

/** The list, checked: throws with every problem named when it is not sound. */
export function validIncidents<T>(list: readonly T[]): readonly T[] {
  const problems = checkIncidents(list)
  if (problems.length > 0)
    throw new Error(`bad incident data:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`)
  return list
}
