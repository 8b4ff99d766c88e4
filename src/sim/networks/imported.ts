/**
 * Imported networks, in two formats:
 * - node-link JSON, as NetworkX and d3 write it: {"nodes":[{"id":…,"lat"?:…,"lon"?:…}],"links":[{"source":…,
 *   "target":…}]} ("edges" is accepted for "links"); graphs without coordinates are fine (no people or
 *   services are attached to them then);
 * - a node list from the ThreeFold grid proxy's /nodes: [{"nodeId","farmId","country","city","status",
 *   "location":{"latitude","longitude"}}]; the grid publishes no links, so nodes are joined as an overlay joins
 *   them (nearest peers and a few long links); a node without coordinates is placed in its country.
 * A problem is reported with the JSON path of the first offending value.
 */

import { z } from '../../zod.ts'
import { destination } from '../geo.ts'
import { LinkBuilder } from '../graph.ts'
import type { Network } from '../network.ts'
import { NodeClass } from '../network.ts'
import { createRng } from '../rng.ts'
import { createGeoIndex } from '../spatial.ts'
import type { World } from '../world.ts'
import { OVERLAY_HOP_MS, attachUsers, buildOverlay, linkLatencies, placeReplicas } from './common.ts'
import { MAX_SCALED_COPIES, P2P_DEFAULTS } from './p2p.ts'
import { MAX_COPIES_PER_NODE, copiesFor, serviceDemand } from '../demand.ts'

export const MAX_IMPORT_NODES = 200_000
export const MAX_IMPORT_LINKS = 2_000_000

/** A file that cannot be imported; `path` is the JSON path of the first problem ("$.links[3].target"). */
export class ImportError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`)
    this.name = 'ImportError'
  }
}

export interface ImportOptions {
  /** A name for the network (the file's name). */
  name?: string
  seed?: number
  /** Services and replicas placed on a graph with coordinates. */
  services?: number
  replicas?: number
}

const Id = z.union([z.string().check(z.minLength(1), z.maxLength(200)), z.number()])
const LAT = 'a latitude is a number from -90 to 90'
const Lat = z.number(LAT).check(z.gte(-90, LAT), z.lte(90, LAT))
const LON = 'a longitude is a number from -180 to 180'
const Lon = z.number(LON).check(z.gte(-180, LON), z.lte(180, LON))
const Name = (max: number) => z.nullish(z.string().check(z.maxLength(max)))
const TooMany = (max: number, what: string) => z.maxLength(max, `more than ${max.toLocaleString('en')} ${what}`)

const NodeLinkNode = z.looseObject({
  id: Id,
  lat: z.nullish(Lat),
  lon: z.nullish(Lon),
  latitude: z.nullish(Lat),
  longitude: z.nullish(Lon),
  operator: z.nullish(Id),
  label: Name(200),
  name: Name(200),
})
const NodeLinkLink = z.looseObject({ source: Id, target: Id })
const NodeLinkFile = z.looseObject({
  nodes: z.array(z.unknown()).check(TooMany(MAX_IMPORT_NODES, 'nodes')),
  links: z.optional(z.array(z.unknown()).check(TooMany(MAX_IMPORT_LINKS, 'links'))),
  edges: z.optional(z.array(z.unknown()).check(TooMany(MAX_IMPORT_LINKS, 'links'))),
})

const GridNode = z.looseObject({
  nodeId: z.number().check(z.int(), z.nonnegative()),
  farmId: z.number().check(z.int(), z.nonnegative()),
  country: Name(100),
  city: Name(100),
  status: Name(40),
  location: z.nullish(
    z.looseObject({
      country: Name(100),
      city: Name(100),
      latitude: z.nullish(Lat),
      longitude: z.nullish(Lon),
    }),
  ),
})
const GridFile = z.array(z.unknown()).check(TooMany(MAX_IMPORT_NODES, 'nodes'))

function jsonPath(base: string, path: readonly PropertyKey[]): string {
  let out = base
  for (const p of path)
    out +=
      typeof p === 'number'
        ? `[${p}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(p))
          ? `.${String(p)}`
          : `[${JSON.stringify(String(p))}]`
  return out
}

function check<T>(schema: z.ZodMiniType<T>, value: unknown, path: string): T {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  const issue = r.error.issues[0]!
  throw new ImportError(jsonPath(path, issue.path), issue.message)
}

/** Parses file text (JSON) into a network; throws ImportError with the path of the first problem. */
export function importNetworkText(text: string, world: World | null, opts: ImportOptions = {}): Network {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new ImportError('$', `not valid JSON (${(e as Error).message})`)
  }
  return importNetwork(json, world, opts)
}

export function importNetwork(json: unknown, world: World | null, opts: ImportOptions = {}): Network {
  if (Array.isArray(json)) return importGridNodes(json, world, opts)
  if (json && typeof json === 'object' && 'nodes' in json) return importNodeLink(json, world, opts)
  throw new ImportError(
    '$',
    'expected a node-link graph ({"nodes":[…],"links":[…]}) or a grid node list ([{"nodeId":…,"farmId":…,"location":{…}}])',
  )
}

function importNodeLink(json: object, world: World | null, opts: ImportOptions): Network {
  const file = check(NodeLinkFile, json, '$')
  const rawLinks = file.links ?? file.edges ?? []
  const linksKey = file.links ? 'links' : file.edges ? 'edges' : 'links'
  const n = file.nodes.length
  if (n === 0) throw new ImportError('$.nodes', 'the graph has no nodes')
  const index = new Map<string, number>()
  const lat = new Float64Array(n).fill(NaN)
  const lon = new Float64Array(n).fill(NaN)
  const ids: string[] = new Array(n)
  const operatorOf: string[] = new Array(n)
  const labels = new Map<number, string>()
  let located = 0
  for (let i = 0; i < n; i++) {
    const node = check(NodeLinkNode, file.nodes[i], `$.nodes[${i}]`)
    const id = String(node.id)
    const first = index.get(id)
    if (first !== undefined)
      throw new ImportError(`$.nodes[${i}].id`, `duplicate id ${JSON.stringify(id)} (first at $.nodes[${first}])`)
    index.set(id, i)
    ids[i] = id
    operatorOf[i] = node.operator != null ? String(node.operator) : `node:${id}`
    const la = node.lat ?? node.latitude
    const lo = node.lon ?? node.longitude
    if (la != null && lo != null) {
      lat[i] = la
      lon[i] = lo
      located++
    } else if ((la == null) !== (lo == null)) {
      throw new ImportError(`$.nodes[${i}]`, 'has a latitude without a longitude, or the other way round')
    }
    const label = node.label ?? node.name
    if (label) labels.set(i, label)
  }
  const warnings: string[] = []
  const hasGeo = located === n
  if (located > 0 && !hasGeo) {
    warnings.push(
      `${n - located} of ${n} nodes have no coordinates: the graph is treated as abstract (no people or services).`,
    )
  }

  const links = new LinkBuilder(n, rawLinks.length)
  let selfLoops = 0
  let repeats = 0
  for (let e = 0; e < rawLinks.length; e++) {
    const link = check(NodeLinkLink, rawLinks[e], `$.${linksKey}[${e}]`)
    const a = index.get(String(link.source))
    if (a === undefined)
      throw new ImportError(`$.${linksKey}[${e}].source`, `no node has the id ${JSON.stringify(link.source)}`)
    const b = index.get(String(link.target))
    if (b === undefined)
      throw new ImportError(`$.${linksKey}[${e}].target`, `no node has the id ${JSON.stringify(link.target)}`)
    if (a === b) selfLoops++
    else if (!links.add(a, b)) repeats++
  }
  if (selfLoops) warnings.push(`${selfLoops} link(s) from a node to itself ignored.`)
  if (repeats) warnings.push(`${repeats} repeated link(s) ignored (links are undirected).`)
  const graph = links.build()
  const { operator, operatorCount } = denseOperators(operatorOf)
  return finish({
    kind: 'imported',
    name: opts.name ?? 'imported graph',
    nodeClass: NodeClass.imported,
    graph,
    lat,
    lon,
    hasGeo,
    operator,
    operatorCount,
    labels,
    ids,
    initiallyDown: null,
    warnings,
    world,
    opts,
  })
}

function importGridNodes(json: unknown[], world: World | null, opts: ImportOptions): Network {
  const list = check(GridFile, json, '$')
  if (list.length === 0) throw new ImportError('$', 'the node list is empty')
  const seed = opts.seed ?? 1
  const scatter = createRng(seed, 'import:scatter')
  const byCountry = new Map<string, { lat: number; lon: number }>()
  for (const c of world?.countries ?? []) {
    byCountry.set(c.code.toLowerCase(), c)
    byCountry.set(normalizeCountry(c.name), c)
  }
  for (const [alias, code] of COUNTRY_ALIASES) {
    const c = byCountry.get(code)
    if (c) byCountry.set(alias, c)
  }
  const seen = new Map<number, number>()
  const lat: number[] = []
  const lon: number[] = []
  const ids: string[] = []
  const farms: string[] = []
  const down: number[] = []
  const labels = new Map<number, string>()
  let placedInCountry = 0
  const unplaced: string[] = []
  for (let i = 0; i < list.length; i++) {
    const node = check(GridNode, list[i], `$[${i}]`)
    const first = seen.get(node.nodeId)
    if (first !== undefined)
      throw new ImportError(`$[${i}].nodeId`, `duplicate nodeId ${node.nodeId} (first at $[${first}])`)
    seen.set(node.nodeId, i)
    let la = node.location?.latitude
    let lo = node.location?.longitude
    if (la == null || lo == null) {
      const country = node.location?.country ?? node.country ?? ''
      const c = byCountry.get(normalizeCountry(country)) ?? byCountry.get(country.toLowerCase())
      if (!c) {
        unplaced.push(String(node.nodeId))
        continue
      }
      const p = destination(c.lat, c.lon, scatter.float() * 360, 50 * Math.sqrt(scatter.float()))
      la = p.lat
      lo = p.lon
      placedInCountry++
    }
    const v = lat.length
    lat.push(la)
    lon.push(lo)
    ids.push(String(node.nodeId))
    farms.push(String(node.farmId))
    if ((node.status ?? 'up').toLowerCase() !== 'up') down.push(v)
    const city = node.location?.city ?? node.city
    if (city) labels.set(v, city)
  }
  const n = lat.length
  if (n === 0)
    throw new ImportError('$', 'no node has coordinates or a known country, so none can be placed on the globe')
  const warnings: string[] = []
  if (placedInCountry) warnings.push(`${placedInCountry} node(s) without coordinates placed in their country.`)
  if (unplaced.length) {
    warnings.push(
      `${unplaced.length} node(s) with neither coordinates nor a known country left out (nodeId ${unplaced.slice(0, 5).join(', ')}${unplaced.length > 5 ? '…' : ''}).`,
    )
  }
  if (down.length) warnings.push(`${down.length} node(s) listed as down or on standby start down.`)
  const latA = Float64Array.from(lat)
  const lonA = Float64Array.from(lon)
  const graph = buildOverlay(latA, lonA, createGeoIndex(latA, lonA), P2P_DEFAULTS.links, P2P_DEFAULTS.longLinks, seed)
  const initiallyDown = new Uint8Array(n)
  for (const v of down) initiallyDown[v] = 1
  const { operator, operatorCount } = denseOperators(farms)
  return finish({
    kind: 'imported',
    name: opts.name ?? 'ThreeFold grid nodes',
    nodeClass: NodeClass.peer,
    graph,
    lat: latA,
    lon: lonA,
    hasGeo: true,
    operator,
    operatorCount,
    labels,
    ids,
    initiallyDown,
    warnings,
    world,
    opts,
    selfHealing: true,
  })
}

interface Parts extends Pick<
  Network,
  | 'kind'
  | 'name'
  | 'graph'
  | 'lat'
  | 'lon'
  | 'hasGeo'
  | 'operator'
  | 'operatorCount'
  | 'labels'
  | 'ids'
  | 'initiallyDown'
  | 'warnings'
> {
  nodeClass: NodeClass
  world: World | null
  opts: ImportOptions
  selfHealing?: boolean
}

/** People and services for a graph on the globe; link latencies from geography or, without it, one hop each. */
function finish(p: Parts): Network {
  const n = p.graph.n
  const seed = p.opts.seed ?? 1
  const services = p.opts.services ?? P2P_DEFAULTS.services
  const replicas = p.opts.replicas ?? P2P_DEFAULTS.replicas
  const withPeople = p.hasGeo && p.world !== null
  const index = withPeople ? createGeoIndex(p.lat, p.lon) : null
  return {
    kind: p.kind,
    name: p.name,
    seed,
    params: { nodes: n, links: p.graph.m, services: withPeople ? services : 0, replicas: withPeople ? replicas : 0 },
    graph: p.graph,
    lat: p.lat,
    lon: p.lon,
    hasGeo: p.hasGeo,
    nodeClass: new Uint8Array(n).fill(p.nodeClass),
    operator: p.operator,
    operatorCount: p.operatorCount,
    labels: p.labels,
    ids: p.ids,
    linkRttMs: p.hasGeo
      ? linkLatencies(p.graph, p.lat, p.lon, OVERLAY_HOP_MS)
      : new Float32Array(p.graph.m).fill(OVERLAY_HOP_MS),
    users: withPeople && index ? attachUsers(p.world!.clusters, index, p.lat, p.lon) : null,
    services: withPeople ? placeScaled(seed, services, replicas, n, p.lat, p.lon) : null,
    selfHealing: withPeople && (p.selfHealing ?? false),
    initiallyDown: p.initiallyDown,
    warnings: p.warnings,
    // A file says nothing of the planes its services need: none are modelled.
    planes: null,
  }
}

function denseOperators(keys: string[]): { operator: Uint32Array; operatorCount: number } {
  const map = new Map<string, number>()
  const operator = new Uint32Array(keys.length)
  keys.forEach((k, i) => {
    let o = map.get(k)
    if (o === undefined) map.set(k, (o = map.size))
    operator[i] = o
  })
  return { operator, operatorCount: map.size }
}

function normalizeCountry(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
}

/** Country names as the grid writes them that differ from the ISO short names, mapped to ISO codes (lower case). */
const COUNTRY_ALIASES: [string, string][] = [
  ['unitedstates', 'us'],
  ['usa', 'us'],
  ['unitedkingdom', 'gb'],
  ['uk', 'gb'],
  ['russia', 'ru'],
  ['southkorea', 'kr'],
  ['korea', 'kr'],
  ['vietnam', 'vn'],
  ['taiwan', 'tw'],
  ['czechia', 'cz'],
  ['czechrepublic', 'cz'],
  ['turkey', 'tr'],
  ['turkiye', 'tr'],
  ['tanzania', 'tz'],
  ['iran', 'ir'],
  ['syria', 'sy'],
  ['bolivia', 'bo'],
  ['venezuela', 've'],
  ['moldova', 'md'],
  ['laos', 'la'],
  ['congo', 'cg'],
  ['drcongo', 'cd'],
  ['ivorycoast', 'ci'],
  ['netherlands', 'nl'],
  ['thenetherlands', 'nl'],
  ['uae', 'ae'],
  ['unitedarabemirates', 'ae'],
]

/** Copies as on the grid: more for the more used services (demand.ts), `least` at least, a few per node at most. */
function placeScaled(seed: number, services: number, least: number, n: number, lat: Float64Array, lon: Float64Array) {
  const copies = copiesFor(serviceDemand(services), n, least, Math.max(least, MAX_SCALED_COPIES))
  const all = Int32Array.from({ length: n }, (_, i) => i)
  const slots = Math.max(...copies)
  return placeReplicas(
    seed,
    services,
    slots,
    all,
    lat,
    lon,
    P2P_DEFAULTS.replicaSeparationKm,
    copies,
    MAX_COPIES_PER_NODE,
  )
}
