/**
 * How the camera frames the globe: the distance that fits it, how far the visitor may zoom, and the limits of
 * the camera's orbit. Plain maths, unit-tested; CameraRig applies it to three's OrbitControls.
 */

import { ATMOSPHERE_RADIUS, FIT_MARGIN, GLOBE_RADIUS } from './constants'

const DEG = Math.PI / 180

/** The camera's orbit stops this far from each pole (degrees of polar angle), so the view never flips over. */
export const MIN_POLAR_DEG = 15
/** The highest elevation above (or below) the equator the camera reaches, degrees. */
export const MAX_ELEVATION_DEG = 90 - MIN_POLAR_DEG

/**
 * Closest zoom: the camera stays this far outside the atmosphere's outer edge (globe radii). From there the
 * globe overflows the view and a region the size of a continent fills it; closer, the land lattice falls apart
 * into big separate dots.
 */
export const MIN_ZOOM_CLEARANCE = 0.6
/** Farthest zoom, as a multiple of the distance that fits the globe and its halo: it still fills two thirds. */
export const MAX_ZOOM_OUT = 1.5

/** Camera distance at which a sphere of the given radius fills FIT_MARGIN of the narrower half field of view. */
export function fitDistance(radius: number, fovDeg: number, aspect: number): number {
  const halfV = (fovDeg * DEG) / 2
  const halfH = Math.atan(Math.tan(halfV) * aspect)
  return radius / Math.sin(Math.min(halfV, halfH) * FIT_MARGIN)
}

/**
 * Camera distance at which a sphere of the given radius fills FIT_MARGIN of the narrower side of a room that is
 * `roomSidePx` across, in a canvas `canvasHeightPx` tall (the camera's field of view is vertical). With the room
 * the whole canvas, this is fitDistance.
 */
export function fitDistanceInRoom(radius: number, fovDeg: number, canvasHeightPx: number, roomSidePx: number): number {
  const halfV = (fovDeg * DEG) / 2
  const half = Math.atan((Math.tan(halfV) * roomSidePx) / Math.max(1, canvasHeightPx))
  return radius / Math.sin(half * FIT_MARGIN)
}

export interface ZoomRange {
  min: number
  max: number
}

/** How close and how far the camera may go, given the distance that fits the globe and its halo. */
export function zoomRange(fit: number, out: ZoomRange = { min: 0, max: 0 }): ZoomRange {
  out.min = Math.min(ATMOSPHERE_RADIUS + MIN_ZOOM_CLEARANCE, fit)
  out.max = fit * MAX_ZOOM_OUT
  return out
}

/**
 * Drag speed for OrbitControls at a camera distance: dragging by a given number of pixels turns the globe by a
 * fixed angle, so close up the surface would race ahead of the pointer. Scaled by the camera's height above the
 * surface, the ground under the pointer roughly follows it at every zoom.
 */
export function rotateSpeedAt(distance: number, fit: number, base: number): number {
  const k = (distance - GLOBE_RADIUS) / Math.max(1e-6, fit - GLOBE_RADIUS)
  return base * Math.min(1.5, Math.max(0.2, k))
}

/**
 * OrbitControls' damping factor for a frame of deltaSeconds. Damping is applied once per frame, so a fixed
 * factor makes a flick coast for a fixed number of frames: ten times longer in real time at 6 frames a second
 * than at 60. Scaled by the frame's length, the coast lasts as long at any frame rate (and goes as far: the
 * total turn of a coast does not depend on the factor).
 */
export function dampingFor(factorAt60: number, deltaSeconds: number): number {
  const frames = Math.min(Math.max(deltaSeconds, 0), 0.25) * 60
  return 1 - (1 - factorAt60) ** frames
}

/**
 * The globe's outline on screen: its radius in CSS pixels, seen from `distance` (camera to centre) with a
 * perspective camera of `fovDeg` and `zoom` on a canvas `heightPx` tall: the angular radius asin(R/d) at the
 * camera's focal length. Infinity from inside the globe.
 */
export function discRadiusPx(distance: number, fovDeg: number, zoom: number, heightPx: number): number {
  if (distance <= GLOBE_RADIUS) return Infinity
  const focal = (heightPx / 2 / Math.tan(fovDeg * DEG * 0.5)) * zoom
  return focal * Math.tan(Math.asin(GLOBE_RADIUS / distance))
}
