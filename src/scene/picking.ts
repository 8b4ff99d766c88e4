/**
 * Finding what the pointer points at on the globe, in screen space: the node drawn nearest the pointer, the link
 * whose drawn arc passes nearest it, and the place on the sphere under it. Plain maths on numbers and typed
 * arrays (no three.js objects, no allocation per call), unit-tested in Node; Picking.tsx feeds it the camera.
 *
 * Positions are in the Earth group's own frame (where the layers build their geometry). A projection carries
 * the matrix from that frame to clip space (projection × view × the group's matrixWorld) and the camera's
 * position in that frame, so whatever the globe's spin, the same arrays are tested without being moved.
 */

import { greatCircleKm } from '../sim/geo'

const DEG = 180 / Math.PI

/** What a pick needs to know of the view. All in the Earth group's frame; sizes in CSS pixels. */
export interface Projection {
  /** Column-major 4 × 4 (three's Matrix4.elements): Earth frame → clip space. */
  m: ArrayLike<number>
  /** The camera's position in the Earth frame. */
  camX: number
  camY: number
  camZ: number
  width: number
  height: number
  /** Radius of the sphere that hides what is behind it (the ocean). */
  radius: number
}

/** A screen position, CSS pixels from the canvas's top left. */
export interface ScreenPoint {
  x: number
  y: number
}

/** The result of a pick: the index found (-1: none) and its distance from the pointer, pixels. */
export interface Hit {
  index: number
  distance: number
}

export function createHit(): Hit {
  return { index: -1, distance: Infinity }
}

/**
 * Projects the point (x, y, z) of the Earth frame to CSS pixels, into out. Returns false when it lies behind the
 * camera (then out is left as it was).
 */
export function projectPoint(p: Projection, x: number, y: number, z: number, out: ScreenPoint): boolean {
  const e = p.m
  const w = e[3]! * x + e[7]! * y + e[11]! * z + e[15]!
  if (w <= 1e-9) return false
  const cx = e[0]! * x + e[4]! * y + e[8]! * z + e[12]!
  const cy = e[1]! * x + e[5]! * y + e[9]! * z + e[13]!
  out.x = (cx / w + 1) * 0.5 * p.width
  out.y = (1 - cy / w) * 0.5 * p.height
  return true
}

/**
 * Whether the sphere of radius r about the origin stands between the camera (c) and the point (p): the segment
 * from one to the other passes inside it. Points on the far side of the globe are hidden; points lifted above
 * the surface (a column's top, an arc's crest) can show past the horizon, as they do on screen.
 */
export function hiddenBySphere(
  px: number,
  py: number,
  pz: number,
  cx: number,
  cy: number,
  cz: number,
  r: number,
): boolean {
  const dx = px - cx
  const dy = py - cy
  const dz = pz - cz
  const dd = dx * dx + dy * dy + dz * dz
  if (dd === 0) return false
  // The segment's point nearest the centre, as a share of the way from the camera to the point.
  const t = -(cx * dx + cy * dy + cz * dz) / dd
  if (t <= 0 || t >= 1) return false
  const qx = cx + t * dx
  const qy = cy + t * dy
  const qz = cz + t * dz
  return qx * qx + qy * qy + qz * qz < r * r
}

/** Squared distance from (px, py) to the segment from (ax, ay) to (bx, by). */
export function segmentDistance2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax
  const dy = by - ay
  const len2 = dx * dx + dy * dy
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0
  t = t < 0 ? 0 : t > 1 ? 1 : t
  const ex = ax + t * dx - px
  const ey = ay + t * dy - py
  return ex * ex + ey * ey
}

const sa: ScreenPoint = { x: 0, y: 0 }
const sb: ScreenPoint = { x: 0, y: 0 }

/**
 * The point nearest the pointer (px, py) on screen among `count` points (xyz triples), within maxPx and not
 * hidden by the globe; into out (index -1 when none). Cost: a projection for every point; the globe's shadow
 * is tested only for the few that land near the pointer.
 */
export function nearestPoint(
  p: Projection,
  points: Float32Array,
  count: number,
  px: number,
  py: number,
  maxPx: number,
  out: Hit,
): Hit {
  out.index = -1
  out.distance = Infinity
  let best = maxPx * maxPx
  const r = p.radius * 0.999
  for (let i = 0; i < count; i++) {
    const x = points[i * 3]!
    const y = points[i * 3 + 1]!
    const z = points[i * 3 + 2]!
    if (!projectPoint(p, x, y, z, sa)) continue
    const dx = sa.x - px
    const dy = sa.y - py
    const d2 = dx * dx + dy * dy
    if (d2 > best || hiddenBySphere(x, y, z, p.camX, p.camY, p.camZ, r)) continue
    best = d2
    out.index = i
    out.distance = Math.sqrt(d2)
  }
  return out
}

/**
 * The segment nearest the pointer on screen among `count` segments (start xyz, end xyz: six floats each),
 * within maxPx, into out. A segment counts as hidden when its middle is behind the globe. slackPx is taken off
 * every distance: a segment drawn thick (a column) is nearer the pointer than its centre line.
 *
 * maxSegmentPx, how long any segment can be on screen, lets most segments be passed over after projecting one
 * end; and where a segment starts where the one before ended (an arc's next piece), that end is not projected
 * again. At 150,000 segments that is about one projection each.
 */
export function nearestSegment(
  p: Projection,
  ends: Float32Array,
  count: number,
  px: number,
  py: number,
  maxPx: number,
  out: Hit,
  slackPx = 0,
  maxSegmentPx = Infinity,
): Hit {
  out.index = -1
  out.distance = Infinity
  let best = maxPx
  const r = p.radius * 0.999
  /** Whether sb holds the projection of the previous segment's end. */
  let previous = false
  for (let s = 0; s < count; s++) {
    const o = s * 6
    const ax = ends[o]!
    const ay = ends[o + 1]!
    const az = ends[o + 2]!
    const bx = ends[o + 3]!
    const by = ends[o + 4]!
    const bz = ends[o + 5]!
    if (previous && s > 0 && ends[o - 3] === ax && ends[o - 2] === ay && ends[o - 1] === az) {
      sa.x = sb.x
      sa.y = sb.y
    } else if (!projectPoint(p, ax, ay, az, sa)) {
      previous = false
      continue
    }
    previous = false
    const ex = sa.x - px
    const ey = sa.y - py
    const reach = best + slackPx + maxSegmentPx
    if (ex * ex + ey * ey > reach * reach) continue
    if (!projectPoint(p, bx, by, bz, sb)) continue
    previous = true
    const d = Math.max(0, Math.sqrt(segmentDistance2(px, py, sa.x, sa.y, sb.x, sb.y)) - slackPx)
    if (d > best) continue
    if (hiddenBySphere((ax + bx) / 2, (ay + by) / 2, (az + bz) / 2, p.camX, p.camY, p.camZ, r)) continue
    best = d
    out.index = s
    out.distance = d
  }
  return out
}

/**
 * Distance along the ray (origin o, direction d, not necessarily unit) to where it first enters the sphere of
 * radius r about the origin, in units of d; -1 when it misses (or the sphere is behind it).
 */
export function raySphere(ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, r: number): number {
  const a = dx * dx + dy * dy + dz * dz
  const b = ox * dx + oy * dy + oz * dz
  const c = ox * ox + oy * oy + oz * oz - r * r
  const disc = b * b - a * c
  if (a === 0 || disc < 0) return -1
  const s = Math.sqrt(disc)
  const t0 = (-b - s) / a
  if (t0 >= 0) return t0
  const t1 = (-b + s) / a
  return t1 >= 0 ? t1 : -1
}

/** A place on the globe under the pointer. */
export interface SpherePoint {
  /** Whether the ray met the sphere; otherwise lat/lon is the point of the visible rim nearest the ray. */
  hit: boolean
  lat: number
  lon: number
}

export function createSpherePoint(): SpherePoint {
  return { hit: false, lat: 0, lon: 0 }
}

/**
 * The place where a ray from the camera (in the Earth frame) meets the globe, into out. A ray that passes the
 * globe by gives the place on its rim nearest the ray, so a drag that runs off the globe still has a place.
 */
export function rayToLatLon(
  ox: number,
  oy: number,
  oz: number,
  dx: number,
  dy: number,
  dz: number,
  r: number,
  out: SpherePoint,
): SpherePoint {
  const t = raySphere(ox, oy, oz, dx, dy, dz, r)
  let x: number
  let y: number
  let z: number
  if (t >= 0) {
    x = ox + t * dx
    y = oy + t * dy
    z = oz + t * dz
    out.hit = true
  } else {
    // The ray's point nearest the centre lies over the rim, as seen from the camera.
    const a = dx * dx + dy * dy + dz * dz || 1
    const k = Math.max(0, -(ox * dx + oy * dy + oz * dz) / a)
    x = ox + k * dx
    y = oy + k * dy
    z = oz + k * dz
    out.hit = false
  }
  // unitToLatLon (src/sim/geo.ts), written out so a drag allocates nothing.
  const len = Math.hypot(x, y, z) || 1
  out.lat = Math.asin(Math.max(-1, Math.min(1, y / len))) * DEG
  out.lon = Math.atan2(-z, x) * DEG
  return out
}

/** The radius of a disaster area drawn from its centre to where the drag is now: the great-circle distance. */
export function dragRadiusKm(centreLat: number, centreLon: number, lat: number, lon: number): number {
  return greatCircleKm(centreLat, centreLon, lat, lon)
}
