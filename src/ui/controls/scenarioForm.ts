/**
 * A failure scenario as a form: its short name, which parameters it takes, their defaults (SCENARIO_DEFAULTS),
 * and the values typed turned into a ScenarioSpec, or a message naming the field at fault. Places are picked
 * by metro (the cloud regions' cities) or typed as latitude and longitude.
 */

import { SCENARIO_DEFAULTS } from '../../sim/params'
import { METROS } from '../../sim/regions'
import type { ScenarioKind, ScenarioSpec } from '../../sim/scenarios'

/** Short names for the list; the one-line descriptions are SCENARIO_DESCRIPTIONS. */
export const SCENARIO_NAMES: Record<ScenarioKind, string> = {
  none: 'Nothing fails',
  site: 'One site down',
  region: 'Regional disaster',
  random: 'Random failures',
  links: 'Cut links',
  attack: 'Targeted attack',
  cascade: 'Overload cascade',
  spread: 'Spreading failure',
  push: 'Bad configuration push',
  churn: 'Everyday churn',
}

/** A place: a metro's id, a typed latitude and longitude, or what the scenario does without one. */
export type PlaceChoice = string | 'custom' | 'largest' | 'random'

export interface ScenarioFields {
  kind: ScenarioKind
  place: PlaceChoice
  lat: string
  lon: string
  radiusKm: string
  /** Share of nodes or links, in percent (people read 20%, not 0.2). */
  percent: string
  alpha: string
  transmissibility: string
  trigger: 'random' | 'degree' | 'load'
  by: 'degree' | 'load'
  operator: 'largest' | 'all'
}

export type ScenarioParam =
  'place' | 'radiusKm' | 'percent' | 'alpha' | 'transmissibility' | 'trigger' | 'by' | 'operator'

/** The parameters each scenario takes, in the order shown. */
export const SCENARIO_PARAMS: Record<ScenarioKind, readonly ScenarioParam[]> = {
  none: [],
  site: ['place'],
  region: ['place', 'radiusKm'],
  random: ['percent'],
  links: ['percent'],
  attack: ['percent', 'by'],
  cascade: ['alpha', 'trigger'],
  spread: ['place', 'transmissibility'],
  push: ['transmissibility', 'operator'],
  churn: [],
}

/** What a scenario does when no place is picked, where it can do without one. */
export const NO_PLACE: Partial<Record<ScenarioKind, { value: PlaceChoice; label: string }>> = {
  site: { value: 'largest', label: 'The largest site' },
  spread: { value: 'random', label: 'A random node' },
}

export function defaultFields(kind: ScenarioKind = 'site'): ScenarioFields {
  const d = SCENARIO_DEFAULTS
  return {
    kind,
    place: 'largest',
    lat: String(d.region.lat),
    lon: String(d.region.lon),
    radiusKm: String(d.region.radiusKm),
    percent: String(d.random.fraction * 100),
    alpha: String(d.cascade.alpha),
    transmissibility: String(d.spread.transmissibility),
    trigger: d.cascade.trigger,
    by: d.attack.by,
    operator: d.push.operator,
  }
}

/**
 * The place choice that makes sense for a kind: a scenario that needs a place (a regional disaster) cannot use
 * "the largest site", so it falls back to the first metro (SCENARIO_DEFAULTS' place).
 */
export function placeFor(kind: ScenarioKind, place: PlaceChoice): PlaceChoice {
  const none = NO_PLACE[kind]
  if (place === 'largest' || place === 'random') return none ? none.value : METROS[0]!.id
  return place
}

/** Percent shares for the attack default differ from random failures (5% vs 20%): switching kind takes its own. */
export function withKind(fields: ScenarioFields, kind: ScenarioKind): ScenarioFields {
  const percent =
    kind === 'attack'
      ? String(SCENARIO_DEFAULTS.attack.fraction * 100)
      : kind === 'random' || kind === 'links'
        ? String(SCENARIO_DEFAULTS[kind].fraction * 100)
        : fields.percent
  const transmissibility =
    kind === 'push'
      ? String(SCENARIO_DEFAULTS.push.transmissibility)
      : kind === 'spread'
        ? String(SCENARIO_DEFAULTS.spread.transmissibility)
        : fields.transmissibility
  return { ...fields, kind, place: placeFor(kind, fields.place), percent, transmissibility }
}

export type ScenarioResult =
  | { ok: true; spec: ScenarioSpec }
  | { ok: false; field: 'lat' | 'lon' | Exclude<ScenarioParam, 'place'> | 'place'; message: string }

class FieldError extends Error {
  constructor(
    readonly field: Exclude<ScenarioResult, { ok: true }>['field'],
    message: string,
  ) {
    super(message)
  }
}

/** A typed number within [min, max], or a FieldError with the field's label and the range expected. */
function numberIn(
  field: FieldError['field'],
  label: string,
  text: string,
  min: number,
  max: number,
  whole = false,
): number {
  const x = text.trim() === '' ? Number.NaN : Number(text)
  if (!Number.isFinite(x) || x < min || x > max || (whole && !Number.isInteger(x)))
    throw new FieldError(field, `${label}: expected ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}`)
  return x
}

function placeOf(f: ScenarioFields): { lat: number; lon: number } | null {
  if (f.place === 'largest' || f.place === 'random') return null
  if (f.place === 'custom')
    return {
      lat: numberIn('lat', 'Latitude', f.lat, -90, 90),
      lon: numberIn('lon', 'Longitude', f.lon, -180, 180),
    }
  const metro = METROS.find((m) => m.id === f.place)
  if (!metro) throw new FieldError('place', 'Place: pick a city or type a latitude and longitude')
  return { lat: metro.lat, lon: metro.lon }
}

/** The scenario the form describes, or the first field at fault. */
export function specFromFields(f: ScenarioFields): ScenarioResult {
  try {
    return { ok: true, spec: build(f) }
  } catch (e) {
    if (e instanceof FieldError) return { ok: false, field: e.field, message: e.message }
    throw e
  }
}

function build(f: ScenarioFields): ScenarioSpec {
  const share = () => numberIn('percent', 'Share', f.percent, 0, 100) / 100
  const t = () => numberIn('transmissibility', 'Transmissibility T', f.transmissibility, 0, 1)
  switch (f.kind) {
    case 'none':
    case 'churn':
      return { kind: f.kind }
    case 'site':
      return { kind: 'site', at: placeOf(f) ?? 'largest' }
    case 'region': {
      const at = placeOf({ ...f, place: placeFor('region', f.place) })!
      return { kind: 'region', ...at, radiusKm: numberIn('radiusKm', 'Radius', f.radiusKm, 1, 20_000) }
    }
    case 'random':
    case 'links':
      return { kind: f.kind, fraction: share() }
    case 'attack':
      return { kind: 'attack', fraction: share(), by: f.by }
    case 'cascade':
      return { kind: 'cascade', alpha: numberIn('alpha', 'Tolerance α', f.alpha, 0, 100), trigger: f.trigger }
    case 'spread':
      return { kind: 'spread', transmissibility: t(), at: placeOf(f) }
    case 'push':
      return { kind: 'push', transmissibility: t(), operator: f.operator }
  }
}

/** The metro at a place, if the place is one (as the form and the address write them). */
function metroAt(at: { lat: number; lon: number }): string | null {
  const m = METROS.find((x) => Math.abs(x.lat - at.lat) < 1e-6 && Math.abs(x.lon - at.lon) < 1e-6)
  return m ? m.id : null
}

/**
 * The form for a scenario: what runs, however it was started (the form, the dock, the address, a story step, the
 * page API), so the controls always show the scenario that runs. Fields the scenario does not set keep `base`'s.
 */
export function fieldsFromSpec(spec: ScenarioSpec, base?: ScenarioFields): ScenarioFields {
  // A recorded outage is chosen from its own list (Recorded outages), not this form: the form keeps what it had.
  if (spec.kind === 'incident') return base ?? defaultFields()
  const f: ScenarioFields = { ...(base ?? defaultFields(spec.kind)), kind: spec.kind }
  const place = (at: { lat: number; lon: number }) => {
    const metro = metroAt(at)
    if (metro) f.place = metro
    else {
      f.place = 'custom'
      f.lat = String(at.lat)
      f.lon = String(at.lon)
    }
  }
  switch (spec.kind) {
    case 'none':
    case 'churn':
      break
    case 'site':
      if (spec.at === 'largest') f.place = 'largest'
      else place(spec.at)
      break
    case 'region':
      place(spec)
      f.radiusKm = String(spec.radiusKm)
      break
    case 'random':
    case 'links':
      f.percent = String(Math.round(spec.fraction * 1e6) / 1e4)
      break
    case 'attack':
      f.percent = String(Math.round(spec.fraction * 1e6) / 1e4)
      f.by = spec.by
      break
    case 'cascade':
      f.alpha = String(spec.alpha)
      f.trigger = spec.trigger
      break
    case 'spread':
      f.transmissibility = String(spec.transmissibility)
      if (spec.at) place(spec.at)
      else f.place = 'random'
      break
    case 'push':
      f.transmissibility = String(spec.transmissibility)
      // A numbered operator (the address, the page API) has no entry in the form's list: the largest is shown.
      f.operator = spec.operator === 'all' ? 'all' : 'largest'
      break
  }
  return f
}

/** The name of a place picked in the form: a metro's, "the largest site", or the latitude and longitude. */
function placeName(f: ScenarioFields): string {
  if (f.place === 'largest') return 'the largest site'
  if (f.place === 'random') return 'a random node'
  if (f.place === 'custom') return `${f.lat}, ${f.lon}`
  return METROS.find((m) => m.id === f.place)?.name ?? f.place
}

/** A few words for the failure the form describes, for the dock's Fail button: "Northern Virginia disaster". */
export function failureLabel(f: ScenarioFields): string {
  switch (f.kind) {
    case 'none':
      return 'nothing'
    case 'site':
      return f.place === 'largest' ? 'the largest site' : `${placeName(f)} site`
    case 'region':
      return `${placeName({ ...f, place: placeFor('region', f.place) })} disaster`
    case 'random':
      return `${f.percent}% at random`
    case 'links':
      return `${f.percent}% of links cut`
    case 'attack':
      return `attack on ${f.percent}%`
    case 'cascade':
      return 'overload cascade'
    case 'spread':
      return 'spreading failure'
    case 'push':
      return f.operator === 'all' ? 'bad release, everywhere' : 'bad config push'
    case 'churn':
      return 'everyday churn'
  }
}
