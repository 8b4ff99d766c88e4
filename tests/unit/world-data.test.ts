import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { base64ToBytes, bytesToBase64, decodeLand, decodePopulation, fibonacciPoint } from '../../src/sim/world.ts'
import type { LandJson, PopulationJson } from '../../src/sim/world.ts'

const readJson = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../src/data/${name}`, import.meta.url), 'utf8')) as T

const landJson = readJson<LandJson>('land.json')
const popJson = readJson<PopulationJson>('population.json')

const RAD = Math.PI / 180
const EARTH_KM = 6371

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD
  const dLon = (lon2 - lon1) * RAD
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

const PLACES = {
  paris: [48.857, 2.352],
  nairobi: [-1.292, 36.822],
  saoPaulo: [-23.551, -46.633],
  sydney: [-33.869, 151.209],
  moscow: [55.756, 37.617],
  denver: [39.739, -104.99],
  southPole: [-89.9, 0],
  tokyo: [35.69, 139.692],
  delhi: [28.652, 77.231],
  shanghai: [31.222, 121.458],
  dhaka: [23.71, 90.407],
  cairo: [30.044, 31.236],
  mexicoCity: [19.428, -99.128],
  mumbai: [19.073, 72.883],
  beijing: [39.907, 116.397],
  newYork: [40.714, -74.006],
  istanbul: [41.014, 28.95],
  manila: [14.604, 120.982],
  seoul: [37.566, 126.978],
  karachi: [24.861, 67.01],
  lagos: [6.454, 3.395],
  jakarta: [-6.215, 106.845],
  guangzhou: [23.117, 113.25],
  osaka: [34.694, 135.502],
} as const satisfies Record<string, readonly [number, number]>

const MEGACITIES = Object.entries(PLACES).filter(
  ([name]) => !['paris', 'nairobi', 'sydney', 'denver', 'southPole'].includes(name),
)

describe('land.json', () => {
  const dots = decodeLand(landJson)
  // Unit vectors of every lattice point, for nearest-lattice-point queries by brute force.
  const n = landJson.count
  const xyz = new Float64Array(n * 3)
  for (let i = 0; i < n; i++) {
    const p = fibonacciPoint(i, n)
    xyz[3 * i] = Math.cos(p.lat * RAD) * Math.cos(p.lon * RAD)
    xyz[3 * i + 1] = Math.cos(p.lat * RAD) * Math.sin(p.lon * RAD)
    xyz[3 * i + 2] = Math.sin(p.lat * RAD)
  }
  const bits = base64ToBytes(landJson.bits)
  const nearestIsLand = (lat: number, lon: number): boolean => {
    const x = Math.cos(lat * RAD) * Math.cos(lon * RAD)
    const y = Math.cos(lat * RAD) * Math.sin(lon * RAD)
    const z = Math.sin(lat * RAD)
    let best = -1
    let bestDot = -2
    for (let i = 0; i < n; i++) {
      const d = x * xyz[3 * i]! + y * xyz[3 * i + 1]! + z * xyz[3 * i + 2]!
      if (d > bestDot) {
        bestDot = d
        best = i
      }
    }
    return ((bits[best >> 3] ?? 0) & (1 << (best & 7))) !== 0
  }
  const nearestLandDotKm = (lat: number, lon: number): number => {
    let best = Infinity
    for (let i = 0; i < dots.count; i++) best = Math.min(best, km(lat, lon, dots.lat[i]!, dots.lon[i]!))
    return best
  }

  it('is a 2^17-point Fibonacci lattice with one bit per point', () => {
    expect(landJson.version).toBe(1)
    expect(landJson.lattice).toBe('fibonacci')
    expect(landJson.count).toBe(131072)
    expect(bits.length).toBe(131072 / 8)
    expect(landJson.source).toMatch(/Natural Earth/)
  })

  it('has about 29% of the sphere as land (Antarctica included)', () => {
    const fraction = dots.count / landJson.count
    expect(fraction).toBeGreaterThan(0.26)
    expect(fraction).toBeLessThan(0.33)
  })

  it('puts inland places on land', () => {
    for (const name of ['paris', 'nairobi', 'saoPaulo', 'moscow', 'denver', 'southPole'] as const) {
      const [lat, lon] = PLACES[name]
      expect(nearestIsLand(lat, lon), name).toBe(true)
    }
  })

  it('has a land dot within 100 km of coastal and inland cities', () => {
    for (const name of ['paris', 'nairobi', 'saoPaulo', 'sydney', 'tokyo', 'mumbai', 'lagos', 'newYork'] as const) {
      const [lat, lon] = PLACES[name]
      expect(nearestLandDotKm(lat, lon), name).toBeLessThan(100)
    }
  })

  it('keeps the open ocean and the North Pole sea', () => {
    const oceans: [string, number, number][] = [
      ['mid-Pacific', 0, -150],
      ['mid-Atlantic', 30, -40],
      ['Indian Ocean', -30, 80],
      ['Southern Ocean', -60, -120],
      ['North Pole', 89.9, 0],
    ]
    for (const [name, lat, lon] of oceans) expect(nearestIsLand(lat, lon), name).toBe(false)
    expect(nearestLandDotKm(0, -150)).toBeGreaterThan(300)
    expect(nearestLandDotKm(30, -40)).toBeGreaterThan(300)
  })
})

describe('population.json', () => {
  const { clusters, countries } = decodePopulation(popJson)
  const n = clusters.count

  it('has parallel columns of the right length', () => {
    expect(popJson.version).toBe(1)
    expect(popJson.minCityPopulation).toBe(1000)
    expect(popJson.lat.length).toBe(n)
    expect(popJson.lon.length).toBe(n)
    expect(popJson.country.length).toBe(n)
    expect(popJson.countryNames.length).toBe(popJson.countries.length)
    expect(popJson.source).toMatch(/GeoNames/)
  })

  it('has a few thousand clusters', () => {
    expect(n).toBeGreaterThanOrEqual(2000)
    expect(n).toBeLessThanOrEqual(8000)
  })

  it('sums to the GeoNames total (about 3.04 billion in places of 1000+, city sections not counted twice)', () => {
    // Generated total: 3,037,597,381. A lost country or a changed filter would move it by more than 3%.
    expect(clusters.totalPop).toBeGreaterThan(3.038e9 * 0.97)
    expect(clusters.totalPop).toBeLessThan(3.038e9 * 1.03)
  })

  it('has valid, integer, hundredths-of-a-degree coordinates and populations of at least 1000', () => {
    for (let i = 0; i < n; i++) {
      expect(Number.isInteger(popJson.lat[i])).toBe(true)
      expect(Number.isInteger(popJson.lon[i])).toBe(true)
      expect(Number.isInteger(popJson.pop[i])).toBe(true)
      expect(Math.abs(clusters.lat[i]!)).toBeLessThanOrEqual(90)
      expect(Math.abs(clusters.lon[i]!)).toBeLessThanOrEqual(180)
      expect(clusters.pop[i]!).toBeGreaterThanOrEqual(1000)
      expect(clusters.country[i]!).toBeLessThan(countries.length)
    }
  })

  it('is sorted by population, largest first', () => {
    for (let i = 1; i < n; i++) expect(clusters.pop[i]!).toBeLessThanOrEqual(clusters.pop[i - 1]!)
  })

  it('has its biggest clusters at the world’s megacities', () => {
    const nearMegacity = (i: number): boolean =>
      MEGACITIES.some(([, [lat, lon]]) => km(clusters.lat[i]!, clusters.lon[i]!, lat, lon) < 150)
    expect(clusters.pop[0]!).toBeGreaterThan(15e6)
    expect(nearMegacity(0)).toBe(true)
    let near = 0
    for (let i = 0; i < 10; i++) if (nearMegacity(i)) near++
    expect(near).toBeGreaterThanOrEqual(8)
  })

  it('names more than 200 countries, the big ones among them', () => {
    expect(countries.length).toBeGreaterThan(200)
    const codes = countries.map((c) => c.code)
    expect([...codes].sort()).toEqual(codes)
    for (const code of ['JP', 'US', 'IN', 'BR', 'NG', 'CN', 'FR']) expect(codes).toContain(code)
    for (const c of countries) {
      expect(c.code).toMatch(/^[A-Z]{2}$/)
      expect(c.name.length).toBeGreaterThan(1)
      expect(c.pop).toBeGreaterThanOrEqual(1000)
    }
    expect(countries.find((c) => c.code === 'JP')?.name).toBe('Japan')
  })

  it('puts the population centre of France in France', () => {
    const fr = countries.find((c) => c.code === 'FR')!
    expect(fr.lat).toBeGreaterThan(41.3)
    expect(fr.lat).toBeLessThan(51.1)
    expect(fr.lon).toBeGreaterThan(-5.2)
    expect(fr.lon).toBeLessThan(9.6)
  })
})

describe('base64', () => {
  it('round-trips byte arrays of every length from 0 to 20', () => {
    let seed = 12345
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed >>> 24
    }
    for (let len = 0; len <= 20; len++) {
      for (let trial = 0; trial < 20; trial++) {
        const bytes = new Uint8Array(len)
        for (let i = 0; i < len; i++) bytes[i] = trial === 0 ? 255 : trial === 1 ? 0 : next()
        const s = bytesToBase64(bytes)
        expect(s.length).toBe(Math.ceil(len / 3) * 4)
        expect(base64ToBytes(s)).toEqual(bytes)
      }
    }
  })
})
