/** Geography on a spherical Earth: positions, distances, caps, and what distance costs in latency. */

export const EARTH_RADIUS_KM = 6371.0088
/** Light in fiber: about two thirds of c. */
export const FIBER_KM_PER_MS = 200 // 200,000 km/s
/** Real routes are longer than the great circle. */
export const DEFAULT_ROUTE_STRETCH = 1.5
/** Round-trip cost of one router or overlay hop (queueing, forwarding, encryption). */
export const DEFAULT_HOP_MS = 1

const DEG = Math.PI / 180

export type Vec3 = [number, number, number]

/**
 * Unit vector for a latitude and longitude in degrees. Axes follow three.js (y up), so the scene uses the same
 * helper: x points at (0°, 0°), y at the north pole, z at (0°, 90°W).
 */
export function latLonToUnit(latDeg: number, lonDeg: number, out: Vec3 = [0, 0, 0]): Vec3 {
  const lat = latDeg * DEG
  const lon = lonDeg * DEG
  const c = Math.cos(lat)
  out[0] = c * Math.cos(lon)
  out[1] = Math.sin(lat)
  out[2] = -c * Math.sin(lon)
  return out
}

/** Latitude and longitude in degrees of a (not necessarily unit) vector; the inverse of latLonToUnit. */
export function unitToLatLon(x: number, y: number, z: number): { lat: number; lon: number } {
  const r = Math.hypot(x, y, z)
  if (r === 0) return { lat: 0, lon: 0 }
  return { lat: Math.asin(Math.max(-1, Math.min(1, y / r))) / DEG, lon: Math.atan2(-z, x) / DEG }
}

/** Central angle between two points, in radians (haversine: accurate at short distances too). */
export function centralAngle(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * DEG
  const dLon = (lon2 - lon1) * DEG
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(dLon / 2) ** 2
  return 2 * Math.asin(Math.min(1, Math.sqrt(a)))
}

/** Great-circle distance in km. */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  return centralAngle(lat1, lon1, lat2, lon2) * EARTH_RADIUS_KM
}

/** A spherical cap: every point within radiusKm of a centre (a regional disaster's area). */
export interface Cap {
  lat: number
  lon: number
  radiusKm: number
}

export function inCap(cap: Cap, lat: number, lon: number): boolean {
  return greatCircleKm(cap.lat, cap.lon, lat, lon) <= cap.radiusKm
}

/** Share of the sphere's surface inside a cap (for sanity checks and captions). */
export function capAreaFraction(radiusKm: number): number {
  const theta = Math.min(Math.PI, radiusKm / EARTH_RADIUS_KM)
  return (1 - Math.cos(theta)) / 2
}

export interface LatencyModel {
  /** Route length over great-circle length. */
  stretch: number
  /** Round-trip cost per hop, ms. */
  hopMs: number
}

export const DEFAULT_LATENCY: LatencyModel = { stretch: DEFAULT_ROUTE_STRETCH, hopMs: DEFAULT_HOP_MS }

/** Round-trip time in ms over one hop of the given great-circle length: fiber both ways plus the hop cost. */
export function linkRttMs(km: number, model: LatencyModel = DEFAULT_LATENCY): number {
  return (2 * km * model.stretch) / FIBER_KM_PER_MS + model.hopMs
}

/** Wraps a longitude to [-180, 180). */
export function wrapLon(lon: number): number {
  const w = ((((lon + 180) % 360) + 360) % 360) - 180
  return w
}

/** The point at a distance and initial bearing from a start point (degrees, km). */
export function destination(lat: number, lon: number, bearingDeg: number, km: number): { lat: number; lon: number } {
  const d = km / EARTH_RADIUS_KM
  const b = bearingDeg * DEG
  const la = lat * DEG
  const lat2 = Math.asin(Math.sin(la) * Math.cos(d) + Math.cos(la) * Math.sin(d) * Math.cos(b))
  const lon2 =
    lon * DEG + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(la), Math.cos(d) - Math.sin(la) * Math.sin(lat2))
  return { lat: lat2 / DEG, lon: wrapLon(lon2 / DEG) }
}

/** Points along the great circle from a to b, t in [0, 1] (slerp); for arcs on the globe. */
export function greatCirclePoint(a: Vec3, b: Vec3, t: number, out: Vec3 = [0, 0, 0]): Vec3 {
  const dot = Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]))
  const omega = Math.acos(dot)
  if (omega < 1e-9) {
    out[0] = a[0]
    out[1] = a[1]
    out[2] = a[2]
    return out
  }
  const s = Math.sin(omega)
  const wa = Math.sin((1 - t) * omega) / s
  const wb = Math.sin(t * omega) / s
  out[0] = wa * a[0] + wb * b[0]
  out[1] = wa * a[1] + wb * b[1]
  out[2] = wa * a[2] + wb * b[2]
  return out
}
