/**
 * Hyperscale cloud regions at real metro coordinates (../shared/reference/science.md), largest first.
 * The order sets each region's share of the services homed there (see cloud.ts).
 */

export interface Metro {
  /** Short id, stable for URLs and the command line. */
  id: string
  name: string
  lat: number
  lon: number
}

export const METROS: readonly Metro[] = [
  { id: 'ashburn', name: 'Northern Virginia', lat: 39.04, lon: -77.49 },
  { id: 'oregon', name: 'Oregon', lat: 45.46, lon: -119.63 },
  { id: 'ohio', name: 'Ohio', lat: 40.06, lon: -83.18 },
  { id: 'dublin', name: 'Dublin', lat: 53.35, lon: -6.27 },
  { id: 'frankfurt', name: 'Frankfurt', lat: 50.11, lon: 8.68 },
  { id: 'iowa', name: 'Iowa', lat: 41.26, lon: -95.86 },
  { id: 'tokyo', name: 'Tokyo', lat: 35.69, lon: 139.69 },
  { id: 'california', name: 'Northern California', lat: 37.39, lon: -121.96 },
  { id: 'singapore', name: 'Singapore', lat: 1.29, lon: 103.85 },
  { id: 'london', name: 'London', lat: 51.51, lon: -0.12 },
  { id: 'amsterdam', name: 'Netherlands', lat: 52.37, lon: 4.9 },
  { id: 'sydney', name: 'Sydney', lat: -33.87, lon: 151.21 },
  { id: 'mumbai', name: 'Mumbai', lat: 19.08, lon: 72.88 },
  { id: 'saopaulo', name: 'São Paulo', lat: -23.53, lon: -46.63 },
  { id: 'uae', name: 'UAE', lat: 24.45, lon: 54.38 },
  { id: 'bahrain', name: 'Bahrain', lat: 25.94, lon: 50.6 },
]

/**
 * Share of services homed in the region of rank i (0-based) among `count` regions: Zipf with exponent `skew` (1 by
 * default, so the largest region hosts about 30% of them with all 16; 0: every region the same share). An
 * assumption, not a measurement: cloud providers do not publish per-region shares; us-east-1 is widely known to be
 * the largest. The methodology shows what the centralized cloud loses under each skew (sensitivity.ts).
 */
export function regionShares(count: number, skew = 1): number[] {
  const w = Array.from({ length: count }, (_, i) => 1 / Math.pow(i + 1, skew))
  const sum = w.reduce((a, b) => a + b, 0)
  return w.map((x) => x / sum)
}
