/**
 * The world the networks are built over: where the land is and where people live. The data comes from
 * `npm run data` (scripts/data.ts) as two compact JSON files in src/data; this module decodes them and knows
 * nothing of how they are loaded (bundle import in the page, fs in Node).
 */

/** src/data/land.json: a Fibonacci lattice over the sphere and one bit per lattice point, set where it is land. */
export interface LandJson {
  version: 1
  source: string
  lattice: 'fibonacci'
  /** Number of lattice points over the whole sphere. */
  count: number
  /** Base64 of a little-endian bitset: bit i of byte i>>3 is lattice point i. */
  bits: string
}

/**
 * src/data/population.json: population-weighted user clusters, columnar, sorted by population (largest first).
 * Coordinates are in hundredths of a degree.
 */
export interface PopulationJson {
  version: 1
  source: string
  minCityPopulation: number
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[]
  /** English short names, parallel to countries. */
  countryNames: string[]
  lat: number[]
  lon: number[]
  pop: number[]
  /** Index into countries for each cluster. */
  country: number[]
}

export interface LandDots {
  count: number
  /** Degrees. */
  lat: Float32Array
  lon: Float32Array
}

/** Population clusters: the users of every network. */
export interface Clusters {
  count: number
  lat: Float64Array
  lon: Float64Array
  pop: Float64Array
  country: Uint16Array
  totalPop: number
}

export interface Country {
  code: string
  name: string
  /** Population-weighted centre of its clusters. */
  lat: number
  lon: number
  pop: number
}

export interface World {
  clusters: Clusters
  countries: Country[]
  land?: LandDots
}

const GOLDEN_ANGLE_DEG = 180 * (3 - Math.sqrt(5))

/** Latitude and longitude (degrees) of point i of an n-point Fibonacci lattice; the encoder uses the same formula. */
export function fibonacciPoint(i: number, n: number): { lat: number; lon: number } {
  const z = 1 - (2 * i + 1) / n
  const lat = (Math.asin(z) * 180) / Math.PI
  const lon = ((((i * GOLDEN_ANGLE_DEG) % 360) + 360) % 360) - 180
  return { lat, lon }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_INDEX = (() => {
  const t = new Int16Array(128).fill(-1)
  for (let i = 0; i < B64.length; i++) t[B64.charCodeAt(i)] = i
  return t
})()

/** Base64 to bytes without atob or Buffer, so the same code runs in Node, a worker and the page. */
export function base64ToBytes(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '')
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let o = 0
  for (let i = 0; i < clean.length; i += 4) {
    const a = B64_INDEX[clean.charCodeAt(i)] ?? 0
    const b = B64_INDEX[clean.charCodeAt(i + 1)] ?? 0
    const c = i + 2 < clean.length ? (B64_INDEX[clean.charCodeAt(i + 2)] ?? 0) : 0
    const d = i + 3 < clean.length ? (B64_INDEX[clean.charCodeAt(i + 3)] ?? 0) : 0
    const v = (a << 18) | (b << 12) | (c << 6) | d
    if (o < out.length) out[o++] = (v >> 16) & 255
    if (o < out.length) out[o++] = (v >> 8) & 255
    if (o < out.length) out[o++] = v & 255
  }
  return out
}

/** Bytes to base64 (used by the data script; kept here beside its inverse). */
export function bytesToBase64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0
    const b = bytes[i + 1] ?? 0
    const c = bytes[i + 2] ?? 0
    const v = (a << 16) | (b << 8) | c
    s += B64[(v >> 18) & 63]! + B64[(v >> 12) & 63]!
    s += i + 1 < bytes.length ? B64[(v >> 6) & 63]! : '='
    s += i + 2 < bytes.length ? B64[v & 63]! : '='
  }
  return s
}

export function decodeLand(json: LandJson): LandDots {
  if (json.lattice !== 'fibonacci' || !(json.count > 0)) throw new Error('land data: unknown lattice')
  const bits = base64ToBytes(json.bits)
  let count = 0
  for (let i = 0; i < json.count; i++) if ((bits[i >> 3] ?? 0) & (1 << (i & 7))) count++
  const lat = new Float32Array(count)
  const lon = new Float32Array(count)
  let k = 0
  for (let i = 0; i < json.count; i++) {
    if (!((bits[i >> 3] ?? 0) & (1 << (i & 7)))) continue
    const p = fibonacciPoint(i, json.count)
    lat[k] = p.lat
    lon[k] = p.lon
    k++
  }
  return { count, lat, lon }
}

export function decodePopulation(json: PopulationJson): { clusters: Clusters; countries: Country[] } {
  const n = json.pop.length
  const lat = new Float64Array(n)
  const lon = new Float64Array(n)
  const pop = new Float64Array(n)
  const country = new Uint16Array(n)
  let totalPop = 0
  const cPop = new Float64Array(json.countries.length)
  const cX = new Float64Array(json.countries.length)
  const cY = new Float64Array(json.countries.length)
  const cZ = new Float64Array(json.countries.length)
  for (let i = 0; i < n; i++) {
    lat[i] = (json.lat[i] ?? 0) / 100
    lon[i] = (json.lon[i] ?? 0) / 100
    pop[i] = json.pop[i] ?? 0
    const c = json.country[i] ?? 0
    country[i] = c
    totalPop += pop[i]!
    // Population-weighted centre on the sphere (mean of unit vectors), so countries across ±180° come out right.
    const la = (lat[i]! * Math.PI) / 180
    const lo = (lon[i]! * Math.PI) / 180
    cPop[c]! += pop[i]!
    cX[c]! += pop[i]! * Math.cos(la) * Math.cos(lo)
    cY[c]! += pop[i]! * Math.cos(la) * Math.sin(lo)
    cZ[c]! += pop[i]! * Math.sin(la)
  }
  const countries: Country[] = json.countries.map((code, c) => {
    const x = cX[c]!
    const y = cY[c]!
    const z = cZ[c]!
    return {
      code,
      name: json.countryNames[c] ?? code,
      lat: (Math.atan2(z, Math.hypot(x, y)) * 180) / Math.PI,
      lon: (Math.atan2(y, x) * 180) / Math.PI,
      pop: cPop[c]!,
    }
  })
  return { clusters: { count: n, lat, lon, pop, country, totalPop }, countries }
}

export function decodeWorld(population: PopulationJson, land?: LandJson): World {
  const { clusters, countries } = decodePopulation(population)
  return land ? { clusters, countries, land: decodeLand(land) } : { clusters, countries }
}
