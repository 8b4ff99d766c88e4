/**
 * The shape of a recorded outage (data.ts holds them; schema.ts checks them). Facts and figures from public
 * post-incident reports, each figure with its source.
 */

/** How it started. */
export type Mechanism =
  /** a configuration change or an operator's command */
  | 'config'
  /** a software release pushed to many machines */
  | 'release'
  /** name resolution */
  | 'dns'
  /** an identity, policy or API control plane */
  | 'control'
  /** the network: routing (BGP), internal network devices */
  | 'network'
  | 'power'
  | 'fire'
  /** a physical attack or strike */
  | 'physical'

/**
 * What stopped working, which sets how the outage replays (replay.ts):
 * - dns, control, edge: one of the provider's shared planes (name resolution; identity, policy and API control; the
 *   edge proxy or CDN), worldwide when the scope is global, one region's when it names places;
 * - regional: a region's own services that everything in it depends on (its storage, its internal network);
 * - backbone: the provider's own network, everywhere;
 * - machines: a share of all machines, through a bad release;
 * - site: buildings at the places (fire, power, strikes).
 */
export type Layer = 'dns' | 'control' | 'edge' | 'regional' | 'backbone' | 'machines' | 'site'

/** A place an outage hit: a named place at coordinates, and the physical reach of the event there. */
export interface IncidentPlace {
  name: string
  lat: number
  lon: number
  /** How far the event reached on the ground (a building: about 1 km), kilometres. */
  radiusKm: number
}

export interface Source {
  /** Who published it: the operator first, then named secondary sources. */
  publisher: string
  title: string
  /** Where it was published (the operator's report page), when known. */
  url?: string
  /** Publication date, YYYY-MM-DD, when known. */
  date?: string
}

/** A figure as reported, with the source it is from (an index into the incident's sources). */
export interface Figure {
  text: string
  source: number
}

/**
 * A reported reach as a share, for the model-against-record table: `share` of `of` (the provider's requests, its
 * customers' websites, all Windows machines). The table sets it beside the model's peak share of services
 * unavailable on the centralized cloud, and flags a gap of more than 10 times.
 */
export interface ReportedShare {
  share: number
  of: string
  source: number
}

/** The facts of an outage: what the replay needs. */
export interface IncidentFacts {
  /** Stable id for URLs and the command line: provider-YYYY-MM-DD. */
  id: string
  title: string
  provider: string
  /** YYYY-MM-DD (UTC). */
  date: string
  /** When it started, ISO 8601 UTC (to the minute, or to the day where the reports give no time). */
  startUtc: string
  startPrecision: 'minute' | 'day'
  /** How long the main impact lasted, minutes: the repair time of the replay. */
  durationMin: number
  /** What the duration counts (to mitigation, to recovery…). */
  durationNote: string
  /**
   * Minutes from the start to the operator knowing of it (an alert, an engineer triaging), where the report
   * gives it; a figure of the report says so. The repair model's time to detect is their median (repair.ts).
   */
  detectMin: number | null
  mechanism: Mechanism
  layer: Layer
  /** 'global', or the places it hit. */
  scope: 'global' | IncidentPlace[]
  /** The share of all machines a bad release reached (layer 'machines'), else null. */
  fleetShare: number | null
}

/** What the reports say about an outage. */
export interface IncidentReport {
  /** What happened, in one or two sentences. */
  summary: string
  /** What was affected: regions, services, reported reach. */
  affected: string
  figures: Figure[]
  reportedShare: ReportedShare | null
  /** The operator's own post-incident report first, then secondary sources. */
  sources: Source[]
}

/** An outage, whole. */
export interface Incident extends IncidentFacts, IncidentReport {}
