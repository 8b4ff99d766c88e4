/**
 * Turning a place towards the viewer. The Earth group (Spin) turns about the Earth's axis, which fixes the
 * longitude; the camera's elevation above the equator fixes the latitude. The camera's azimuth is left as the
 * visitor set it, so a flight is the smallest move that brings the place to the middle of the screen, and north
 * stays up. Plain maths on numbers, unit-tested; flight.ts applies it.
 *
 * Conventions: a place's direction in the group is latLonToUnit (src/sim/geo.ts), (cos φ cos λ, sin φ,
 * −cos φ sin λ). The camera sits at azimuth α (OrbitControls' theta, atan2(x, z)) and elevation e (π/2 minus
 * OrbitControls' phi).
 */

import { MAX_ELEVATION_DEG } from './view'

const DEG = Math.PI / 180

/** How long a flight takes, seconds. */
export const FLIGHT_SECONDS = 1.5

/**
 * The group's y rotation that turns longitude lonDeg to the camera's azimuth. A longitude λ lies at azimuth
 * π/2 + λ in the group, and a y rotation by s adds s to every azimuth.
 */
export function spinFacing(lonDeg: number, azimuth = 0): number {
  return azimuth - Math.PI / 2 - lonDeg * DEG
}

/** The camera elevation (radians) that looks straight down at latitude latDeg, within the orbit's limits. */
export function elevationFacing(latDeg: number): number {
  return Math.max(-MAX_ELEVATION_DEG, Math.min(MAX_ELEVATION_DEG, latDeg)) * DEG
}

/** The angle in (−π, π] equal to a modulo 2π. */
export function wrapAngle(a: number): number {
  const w = a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI))
  return w === -Math.PI ? Math.PI : w
}

/** Smooth start and smooth stop: 0 → 0, 1 → 1, flat at both ends. */
export function easeInOutCubic(t: number): number {
  const x = Math.min(1, Math.max(0, t))
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2
}

/** What the scene knows of a scenario: where it happens, and when it started (null before it does). */
export interface FocusState {
  focus: { lat: number; lon: number } | null
  scenarioStartedAt: number | null
}

/**
 * Whether a change of the store should turn the globe to the scenario's place: a scenario started (or started
 * again), or its place appeared (a cascade's first failure, a step after the start) or moved (another network
 * on screen). Never before a scenario starts, nor for a place the globe was already sent to.
 */
export function shouldFly(next: FocusState, prev: FocusState): boolean {
  const { focus, scenarioStartedAt } = next
  if (!focus || scenarioStartedAt === null) return false
  if (scenarioStartedAt !== prev.scenarioStartedAt || !prev.focus) return true
  return prev.focus.lat !== focus.lat || prev.focus.lon !== focus.lon
}

/** The two angles a flight moves, radians. */
export interface Pose {
  /** The Earth group's y rotation. */
  spin: number
  /** The camera's elevation above the equator. */
  elevation: number
}

export interface Flight {
  from: Pose
  to: Pose
  /** Scene seconds (sceneNow()) when it started. */
  start: number
  /** Seconds; 0 jumps straight to the end (reduced motion). */
  duration: number
}

export interface FlightStart extends Pose {
  /** The camera's azimuth, kept through the flight. */
  azimuth: number
}

/**
 * A flight from where the globe and camera are to the pose that shows the place in the middle of the screen.
 * The spin takes the shorter way round.
 */
export function planFlight(
  place: { lat: number; lon: number },
  at: FlightStart,
  start: number,
  duration: number,
  out?: Flight,
): Flight {
  const f = out ?? { from: { spin: 0, elevation: 0 }, to: { spin: 0, elevation: 0 }, start: 0, duration: 0 }
  f.from.spin = at.spin
  f.from.elevation = at.elevation
  f.to.spin = at.spin + wrapAngle(spinFacing(place.lon, at.azimuth) - at.spin)
  f.to.elevation = elevationFacing(place.lat)
  f.start = start
  f.duration = duration
  return f
}

/** The pose at scene time now, into out; returns whether the flight has arrived. */
export function flightPose(f: Flight, now: number, out: Pose): boolean {
  const t = f.duration > 0 ? (now - f.start) / f.duration : 1
  if (t >= 1) {
    // Exactly at the end, not a rounding error away from it.
    out.spin = f.to.spin
    out.elevation = f.to.elevation
    return true
  }
  const k = easeInOutCubic(t)
  out.spin = f.from.spin + (f.to.spin - f.from.spin) * k
  out.elevation = f.from.elevation + (f.to.elevation - f.from.elevation) * k
  return false
}
