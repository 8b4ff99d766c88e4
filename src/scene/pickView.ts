/**
 * The camera as picking sees it: one reusable object per globe, refreshed from the camera and the Earth group
 * before each pick (allocation-free), and the picks themselves on one network: the node or the link nearest a
 * point on screen, the place on the sphere under it, and a node's or a link's position on screen.
 */

import { Matrix4, Vector3, type Camera, type Object3D, type PerspectiveCamera } from 'three'
import type { Network } from '../sim/network'
import { GLOBE_RADIUS, REGION_RADIUS } from './constants'
import { ARC_LIFT_PER_RADIAN, ARC_MAX_LIFT, ARC_SEGMENT_RADIANS, LINK_ALTITUDE } from './geometry'
import { linkPickData, nodePickData } from './pickData'
import {
  createHit,
  hiddenBySphere,
  nearestPoint,
  nearestSegment,
  projectPoint,
  rayToLatLon,
  type Projection,
  type ScreenPoint,
  type SpherePoint,
} from './picking'

export interface PickView {
  projection: Projection
  /** Earth frame → clip space, and the Earth group's inverse (world → Earth frame). */
  matrix: Matrix4
  inverse: Matrix4
  /** Pixels a globe radius spans at the surface facing the camera (for the width of a column on screen). */
  pixelsPerUnit: number
  /** The longest any link segment can be on screen, pixels (see nearestSegment). */
  segmentPx: number
}

/**
 * The longest drawn link segment, globe radii: a chord of ARC_SEGMENT_RADIANS at the highest an arc rises, and
 * the rise or fall of the arc's bump over one segment (at most a tenth of a radian × π per segment's share).
 */
const MAX_SEGMENT_LENGTH =
  2 * Math.sin(ARC_SEGMENT_RADIANS / 2) * (GLOBE_RADIUS + LINK_ALTITUDE + ARC_MAX_LIFT) +
  ARC_LIFT_PER_RADIAN * Math.PI * ARC_SEGMENT_RADIANS

export function createPickView(): PickView {
  const matrix = new Matrix4()
  return {
    matrix,
    inverse: new Matrix4(),
    projection: { m: matrix.elements, camX: 0, camY: 0, camZ: 0, width: 1, height: 1, radius: GLOBE_RADIUS },
    pixelsPerUnit: 1,
    segmentPx: Infinity,
  }
}

const v = new Vector3()
const origin = new Vector3()

/** Refreshes the view from the camera and the Earth group; width and height are the canvas's CSS pixels. */
export function updatePickView(view: PickView, camera: Camera, earth: Object3D, width: number, height: number): void {
  earth.updateWorldMatrix(true, false)
  camera.updateMatrixWorld()
  view.matrix.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse).multiply(earth.matrixWorld)
  view.inverse.copy(earth.matrixWorld).invert()
  v.setFromMatrixPosition(camera.matrixWorld).applyMatrix4(view.inverse)
  const p = view.projection
  p.camX = v.x
  p.camY = v.y
  p.camZ = v.z
  p.width = width
  p.height = height
  const fov = (camera as PerspectiveCamera).fov ?? 40
  const toSurface = Math.max(1e-3, v.length() - GLOBE_RADIUS)
  view.pixelsPerUnit = height / (2 * Math.tan((fov * Math.PI) / 360) * toSurface)
  // An arc's crest can be nearer the camera than the surface is, and looks that much bigger.
  const toCrest = v.length() - GLOBE_RADIUS - LINK_ALTITUDE - ARC_MAX_LIFT
  view.segmentPx =
    toCrest > 1e-3 ? MAX_SEGMENT_LENGTH * view.pixelsPerUnit * (toSurface / toCrest) + 1 : Number.POSITIVE_INFINITY
}

/** The place on the sphere under the canvas point (x, y), into out (see rayToLatLon). */
export function placeAt(view: PickView, camera: Camera, x: number, y: number, out: SpherePoint): SpherePoint {
  const p = view.projection
  origin.setFromMatrixPosition(camera.matrixWorld)
  v.set((x / p.width) * 2 - 1, 1 - (y / p.height) * 2, 0.5)
    .unproject(camera)
    .sub(origin)
  // Into the Earth frame: a direction turns with the group; the origin is the camera's position there.
  v.transformDirection(view.inverse)
  return rayToLatLon(p.camX, p.camY, p.camZ, v.x, v.y, v.z, GLOBE_RADIUS, out)
}

const dotHit = createHit()
const columnHit = createHit()

/** The node drawn nearest the canvas point within maxPx (a dot, or anywhere along a column), or -1. */
export function pickNode(view: PickView, net: Network, x: number, y: number, maxPx: number): number {
  const data = nodePickData(net)
  nearestPoint(view.projection, data.dots, data.dotNodes.length, x, y, maxPx, dotHit)
  let node = dotHit.index >= 0 ? data.dotNodes[dotHit.index]! : -1
  if (data.columnNodes.length > 0) {
    // A column is drawn wide: the pointer is on it well before its centre line.
    const slack = REGION_RADIUS * view.pixelsPerUnit
    nearestSegment(view.projection, data.columns, data.columnNodes.length, x, y, maxPx, columnHit, slack)
    if (columnHit.index >= 0 && columnHit.distance <= dotHit.distance) node = data.columnNodes[columnHit.index]!
  }
  return node
}

const linkHit = createHit()

/** The drawn segment passing nearest the canvas point within maxPx, or -1 (its link: linkOfSegment). */
export function pickSegment(view: PickView, net: Network, x: number, y: number, maxPx: number): number {
  const segs = linkPickData(net)
  return nearestSegment(view.projection, segs.ends, segs.count, x, y, maxPx, linkHit, 0, view.segmentPx).index
}

export function linkOfSegment(net: Network, segment: number): number {
  return linkPickData(net).info[segment * 4]!
}

const scratch: ScreenPoint = { x: 0, y: 0 }

/**
 * A node's position on the canvas, into out (a column: its top, where the eye goes). Returns false while the
 * node is behind the globe or the camera.
 */
export function nodeOnScreen(view: PickView, net: Network, node: number, out: ScreenPoint): boolean {
  const data = nodePickData(net)
  const p = view.projection
  let i = data.columnNodes.indexOf(node)
  let x: number, y: number, z: number
  if (i >= 0) {
    x = data.columns[i * 6 + 3]!
    y = data.columns[i * 6 + 4]!
    z = data.columns[i * 6 + 5]!
  } else {
    i = dotIndex(data.dotNodes, node)
    if (i < 0) return false
    x = data.dots[i * 3]!
    y = data.dots[i * 3 + 1]!
    z = data.dots[i * 3 + 2]!
  }
  // Facing away: the same test the dots' shader fades them out with.
  if (x * (p.camX - x) + y * (p.camY - y) + z * (p.camZ - z) < 0) return false
  if (!projectPoint(p, x, y, z, scratch)) return false
  out.x = scratch.x
  out.y = scratch.y
  return true
}

/** Index of a node among the dots: dotNodes is ascending, so a binary search. */
function dotIndex(dotNodes: Int32Array, node: number): number {
  let lo = 0
  let hi = dotNodes.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const m = dotNodes[mid]!
    if (m === node) return mid
    if (m < node) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/**
 * The drawn arc of the link that `segment` belongs to, on the canvas: its points into xs and ys (one more than
 * its segments). Points behind the globe are moved onto the nearest point in sight, so only what can be seen of
 * the arc is drawn. Returns how many points; 0 when none of it is in sight.
 */
export function arcOnScreen(view: PickView, net: Network, segment: number, xs: Float32Array, ys: Float32Array): number {
  const segs = linkPickData(net)
  const p = view.projection
  const link = segs.info[segment * 4]!
  let first = segment
  while (first > 0 && segs.info[(first - 1) * 4] === link) first--
  let count = 0
  let lastSeen = -1
  let firstSeen = -1
  const r = p.radius * 0.999
  for (let s = first; s < segs.count && segs.info[s * 4] === link && count + 1 < xs.length; s++) {
    // The arc's first point, then each segment's end.
    for (let k = count === 0 ? 0 : 1; k < 2; k++) {
      const o = s * 6 + k * 3
      const x = segs.ends[o]!
      const y = segs.ends[o + 1]!
      const z = segs.ends[o + 2]!
      if (!hiddenBySphere(x, y, z, p.camX, p.camY, p.camZ, r) && projectPoint(p, x, y, z, scratch)) {
        xs[count] = scratch.x
        ys[count] = scratch.y
        lastSeen = count
        if (firstSeen < 0) firstSeen = count
      } else if (lastSeen >= 0) {
        xs[count] = xs[lastSeen]!
        ys[count] = ys[lastSeen]!
      } else {
        xs[count] = NaN
      }
      count++
    }
  }
  if (firstSeen < 0) return 0
  for (let i = 0; i < firstSeen; i++) {
    xs[i] = xs[firstSeen]!
    ys[i] = ys[firstSeen]!
  }
  return count
}
