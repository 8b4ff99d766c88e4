/**
 * Where things sit on the globe: surface points, great-circle arcs lifted off the surface, and the segments
 * links are drawn with. Plain math on numbers and Float32Arrays (no three.js objects), unit-tested in Node.
 * Positions are in globe radii, in the Earth's own frame (see latLonToUnit: y is the north pole).
 */

import { latLonToUnit, type Vec3 } from '../sim/geo'
import { GLOBE_RADIUS } from './constants'
import { runToEnd } from './slices'

/** Links float this far above the ground at their ends, so the ocean and the land dots never hide them. */
export const LINK_ALTITUDE = 0.006
/** An arc's peak above its ends, per radian of arc: long links bow out into space, short ones hug the ground. */
export const ARC_LIFT_PER_RADIAN = 0.1
/** The highest any arc rises. */
export const ARC_MAX_LIFT = 0.16
/** Arcs are drawn as straight segments of at most this angle (radians, about 4°): low arcs need few. */
export const ARC_SEGMENT_RADIANS = 0.07
export const ARC_MAX_SEGMENTS = 24

/** A point on the surface at an altitude (globe radii), written into out. */
export function surfacePoint(latDeg: number, lonDeg: number, altitude: number, out: Vec3 = [0, 0, 0]): Vec3 {
  latLonToUnit(latDeg, lonDeg, out)
  const r = GLOBE_RADIUS + altitude
  out[0] *= r
  out[1] *= r
  out[2] *= r
  return out
}

/** Angle between two unit vectors, radians. */
export function angleBetween(a: Vec3, b: Vec3): number {
  const dot = Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]))
  return Math.acos(dot)
}

/** Peak lift of an arc spanning the given angle. */
export function arcLift(angle: number): number {
  return Math.min(ARC_MAX_LIFT, angle * ARC_LIFT_PER_RADIAN)
}

/** How many straight segments draw an arc of the given angle. */
export function arcSegmentCount(angle: number): number {
  return Math.max(1, Math.min(ARC_MAX_SEGMENTS, Math.ceil(angle / ARC_SEGMENT_RADIANS)))
}

/**
 * The point at t ∈ [0, 1] along the arc from unit vector a to unit vector b: the great circle between them,
 * lifted by LINK_ALTITUDE plus a smooth bump (sin πt) of arcLift(angle). Written into out.
 */
export function arcPoint(a: Vec3, b: Vec3, angle: number, t: number, out: Vec3): Vec3 {
  let wa: number
  let wb: number
  if (angle < 1e-6) {
    wa = 1 - t
    wb = t
  } else {
    const s = Math.sin(angle)
    wa = Math.sin((1 - t) * angle) / s
    wb = Math.sin(t * angle) / s
  }
  const x = wa * a[0] + wb * b[0]
  const y = wa * a[1] + wb * b[1]
  const z = wa * a[2] + wb * b[2]
  const len = Math.hypot(x, y, z) || 1
  const r = GLOBE_RADIUS + LINK_ALTITUDE + arcLift(angle) * Math.sin(Math.PI * t)
  out[0] = (x / len) * r
  out[1] = (y / len) * r
  out[2] = (z / len) * r
  return out
}

/** Unit vectors of many places at once: xyz triples in a Float32Array. */
export function unitVectors(lat: ArrayLike<number>, lon: ArrayLike<number>, count = lat.length): Float32Array {
  const out = new Float32Array(count * 3)
  const v: Vec3 = [0, 0, 0]
  for (let i = 0; i < count; i++) {
    latLonToUnit(lat[i]!, lon[i]!, v)
    out[i * 3] = v[0]
    out[i * 3 + 1] = v[1]
    out[i * 3 + 2] = v[2]
  }
  return out
}

/**
 * The straight segments that draw a set of links as arcs: for segment s, its two ends (xyz, xyz), the link it
 * belongs to with the arc parameter at each end, and the link's weight (link, t0, t1, weight).
 */
export interface LinkSegments {
  count: number
  /** count × 6: start xyz, end xyz. */
  ends: Float32Array
  /** count × 4: link index, t at the start, t at the end, weight (how strongly the link is drawn). */
  info: Float32Array
}

export function linkSegments(
  linkA: ArrayLike<number>,
  linkB: ArrayLike<number>,
  linkCount: number,
  units: Float32Array,
  weight: (link: number, angle: number) => number = () => 1,
  maxSegments = Infinity,
): LinkSegments {
  return runToEnd(linkSegmentSteps(linkA, linkB, linkCount, units, weight, maxSegments))
}

/** Links between pauses of linkSegmentSteps. */
const LINKS_PER_STEP = 2048

/** linkSegments, pausing (yield) every few thousand links so that it can run in slices (slices.ts). */
export function* linkSegmentSteps(
  linkA: ArrayLike<number>,
  linkB: ArrayLike<number>,
  linkCount: number,
  units: Float32Array,
  weight: (link: number, angle: number) => number = () => 1,
  maxSegments = Infinity,
): Generator<void, LinkSegments> {
  const a: Vec3 = [0, 0, 0]
  const b: Vec3 = [0, 0, 0]
  let total = 0
  const segs = new Uint8Array(linkCount)
  for (let e = 0; e < linkCount; e++) {
    if (e % LINKS_PER_STEP === LINKS_PER_STEP - 1) yield
    read(units, linkA[e]!, a)
    read(units, linkB[e]!, b)
    segs[e] = arcSegmentCount(angleBetween(a, b))
    total += segs[e]!
  }
  // Over the budget (a network of 100,000 nodes), draw an even, deterministic sample of the links.
  const keep = total > maxSegments ? maxSegments / total : 1
  let count = 0
  for (let e = 0; e < linkCount; e++) {
    if (keep < 1 && sampleHash(e) >= keep) segs[e] = 0
    count += segs[e]!
  }
  const ends = new Float32Array(count * 6)
  const info = new Float32Array(count * 4)
  const p: Vec3 = [0, 0, 0]
  let s = 0
  for (let e = 0; e < linkCount; e++) {
    if (e % LINKS_PER_STEP === LINKS_PER_STEP - 1) yield
    const n = segs[e]!
    if (n === 0) continue
    read(units, linkA[e]!, a)
    read(units, linkB[e]!, b)
    const angle = angleBetween(a, b)
    const w = weight(e, angle)
    arcPoint(a, b, angle, 0, p)
    for (let k = 0; k < n; k++, s++) {
      const t0 = k / n
      const t1 = (k + 1) / n
      ends[s * 6] = p[0]
      ends[s * 6 + 1] = p[1]
      ends[s * 6 + 2] = p[2]
      arcPoint(a, b, angle, t1, p)
      ends[s * 6 + 3] = p[0]
      ends[s * 6 + 4] = p[1]
      ends[s * 6 + 5] = p[2]
      info[s * 4] = e
      info[s * 4 + 1] = t0
      info[s * 4 + 2] = t1
      info[s * 4 + 3] = w
    }
  }
  return { count, ends, info }
}

/** A well-spread number in [0, 1) for a link index. */
function sampleHash(e: number): number {
  let h = Math.imul(e ^ 0x9e3779b9, 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296
}

function read(units: Float32Array, i: number, out: Vec3): Vec3 {
  out[0] = units[i * 3]!
  out[1] = units[i * 3 + 1]!
  out[2] = units[i * 3 + 2]!
  return out
}
