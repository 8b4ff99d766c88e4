import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef, type RefObject } from 'react'
import { Matrix4, Vector3, type Camera, type Object3D, type PerspectiveCamera } from 'three'
import { appStore, useAppStore } from '../store/appStore'
import { NETWORK_KINDS, type NetworkKind } from '../store/store'
import { placeLabels, Placement } from './labelLayout'
import {
  LabelState,
  createLabelPool,
  fadeLabel,
  measureLabel,
  placeLabel,
  setCompact,
  setLabelUp,
  type LabelPool,
} from './labelPool'
import { roomIn, useGlobeView, viewOpacity } from './globeView'
import type { Room } from './room'
import { sceneNow } from './stateShader'
import { useReducedMotion } from './useReducedMotion'
import { discRadiusPx } from './view'

/** How long a label takes to fade when another pushes it out or it finds room again, seconds. */
const COLLISION_FADE_SECONDS = 0.25
/** Pixels of the globe's radius on screen per site name shown. */
const LABEL_SPACING_PX = 45
/** Below this radius on screen, pixels, the labels take their short names and smaller type (an embed's globe). */
const COMPACT_RADIUS_PX = 110
/** Labels fade out as their site nears the limb: facing (cosine of the view angle) from 0.3 down to 0.08. */
const LIMB_FADE_START = 0.3
const LIMB_FADE_END = 0.08

const world = new Vector3()
const toCamera = new Vector3()

function smoothstep(a: number, b: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)))
  return t * t * (3 - 2 * t)
}

/**
 * Where each label goes on screen and whether it faces the viewer, into the pool's boxes; then which labels
 * show (labelLayout.ts). Runs only in frames where the globe, the camera, the viewport or a label changed.
 */
function layout(pool: LabelPool, earth: Matrix4, camera: Camera, w: number, h: number, room: Room) {
  const { boxes, anchor } = pool
  const e = earth.elements
  for (let i = 0; i < pool.count; i++) {
    world.fromArray(anchor, i * 3).applyMatrix4(earth)
    // The outward normal at the site, against the direction to the camera (the Earth's centre is the group's origin).
    const nx = world.x - e[12]!
    const ny = world.y - e[13]!
    const nz = world.z - e[14]!
    toCamera.copy(camera.position).sub(world).normalize()
    const facing = (nx * toCamera.x + ny * toCamera.y + nz * toCamera.z) / (Math.hypot(nx, ny, nz) || 1)
    const limb = smoothstep(LIMB_FADE_END, LIMB_FADE_START, facing)
    pool.limb[i] = limb
    world.project(camera)
    boxes.x[i] = (world.x + 1) * 0.5 * w
    boxes.y[i] = (1 - world.y) * 0.5 * h
    boxes.eligible[i] = limb > 0.02 ? 1 : 0
  }
  pool.options.left = room.left
  pool.options.top = room.top
  pool.options.width = room.width
  pool.options.height = room.height
  // A name per LABEL_SPACING_PX of the globe's radius on screen, one at least: a small globe (an embed's) is
  // not buried under names.
  pool.options.max = Math.max(1, Math.floor(globeRadiusPx(earth, camera, h) / LABEL_SPACING_PX))
  placeLabels(boxes, pool.order, pool.options)
}

/** The globe's radius on screen, CSS pixels. */
function globeRadiusPx(earth: Matrix4, camera: Camera, h: number): number {
  const e = earth.elements
  const cam = camera as PerspectiveCamera
  const d = Math.hypot(cam.position.x - e[12]!, cam.position.y - e[13]!, cam.position.z - e[14]!)
  return discRadiusPx(d, cam.fov, cam.zoom, h)
}

interface LabelsProps {
  /** The group the globe turns with; without it, found in the scene as the parent of the networks' groups. */
  earth?: RefObject<Object3D | null>
}

interface NetworkLabelsProps extends LabelsProps {
  kind: NetworkKind
  reducedMotion: boolean
}

/** The labels of one network's big sites, shown while that network is on screen. */
function NetworkLabels({ kind, reducedMotion, earth: earthRef }: NetworkLabelsProps) {
  const net = useAppStore((s) => s.slots[kind]?.net)
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  const invalidate = useThree((s) => s.invalidate)
  const { network, room } = useGlobeView()
  const pool = useRef<LabelPool | null>(null)
  /** The group the networks turn with, when not given: found once in the scene, then kept. */
  const found = useRef<Object3D | null>(null)
  /** What the last layout was computed for; any change lays the labels out again. */
  const seen = useRef({
    earth: new Matrix4(),
    camera: new Matrix4(),
    projection: new Matrix4(),
    w: -1,
    h: -1,
    room: -1,
    box: { left: 0, top: 0, width: 0, height: 0 } as Room,
  })

  useEffect(() => {
    // The canvas's own wrapper sizes and positions the labels' layer exactly over the canvas.
    const host = gl.domElement.parentElement
    if (!net || net.labels.size === 0 || !host) return
    const p = createLabelPool(net, kind, host)
    pool.current = p
    seen.current.w = -1 // measure and lay out in the next frame
    invalidate()
    return () => {
      p.dispose()
      if (pool.current === p) pool.current = null
    }
  }, [net, kind, gl, invalidate])

  useFrame(({ camera, size }, delta) => {
    const p = pool.current
    if (!p) return
    const state = appStore.getState()
    const since = reducedMotion ? Infinity : sceneNow() - state.switchedAt / 1000
    const fade = viewOpacity(kind, state, network, since)
    // While the recorded outages are pinned on the globe (IncidentPins), their pins name the places.
    const hidden = fade <= 0.001 || state.panel === 'incidents'
    if (p.container.hidden !== hidden) p.container.hidden = hidden
    if (hidden) return

    let earth = earthRef?.current ?? null
    if (!earth) {
      if (!found.current?.parent) found.current = scene.getObjectByName(`network:${kind}`)?.parent ?? null
      earth = found.current
    }
    if (!earth) return
    // Spin and CameraRig moved these earlier in this frame; their world matrices are only refreshed at render.
    earth.updateWorldMatrix(true, false)
    camera.updateMatrixWorld()

    const s = seen.current
    let dirty = false
    const compact = globeRadiusPx(earth.matrixWorld, camera, size.height) < COMPACT_RADIUS_PX
    if (compact !== p.compact) {
      setCompact(p, compact)
      dirty = true
    }
    if (size.width !== s.w || size.height !== s.h) {
      for (let i = 0; i < p.count; i++) measureLabel(p, i)
      s.w = size.width
      s.h = size.height
      dirty = true
    }
    const slot = state.slots[kind]
    if (slot && slot.net === p.net) {
      const up = slot.view.nodeUp
      const impaired = slot.view.impaired
      for (let i = 0; i < p.count; i++) {
        const v = p.nodes[i]!
        const u = up[v] === 0 ? LabelState.down : impaired && impaired[v] ? LabelState.impaired : LabelState.up
        if (u === p.up[i]) continue
        setLabelUp(p, i, u)
        measureLabel(p, i) // "down" makes the label wider
        dirty = true
      }
    }
    if (room.version !== s.room) {
      s.room = room.version
      dirty = true
    }
    const m = earth.matrixWorld
    if (
      dirty ||
      !s.earth.equals(m) ||
      !s.camera.equals(camera.matrixWorld) ||
      !s.projection.equals(camera.projectionMatrix)
    ) {
      s.earth.copy(m)
      s.camera.copy(camera.matrixWorld)
      s.projection.copy(camera.projectionMatrix)
      layout(p, m, camera, size.width, size.height, roomIn(room, size.width, size.height, s.box))
    }

    const step = reducedMotion ? 1 : Math.min(delta, 0.1) / COLLISION_FADE_SECONDS
    let easing = false
    for (let i = 0; i < p.count; i++) {
      const target = p.boxes.placement[i] === Placement.none ? 0 : 1
      let a = p.alpha[i]!
      a = a < target ? Math.min(target, a + step) : Math.max(target, a - step)
      p.alpha[i] = a
      if (a !== target) easing = true
      const opacity = a * p.limb[i]! * fade
      // A label out of sight is not moved (nothing to see, nothing to write), nor one fading out after losing its place.
      if (opacity >= 0.01 && target === 1) placeLabel(p, i)
      fadeLabel(p, i, opacity)
    }
    if (easing) invalidate()
  })

  return null
}

/**
 * Names of the big sites (the cloud regions' metros) over the globe, as DOM text: crisp at any size, readable
 * from the back of a hall. They follow the globe, hide behind it, give way to each other by importance, turn red
 * when their site fails, and cross-fade with their network. The peer-to-peer grid has no big sites to name.
 */
export function Labels({ earth }: LabelsProps) {
  const reducedMotion = useReducedMotion()
  const { network } = useGlobeView()
  // A globe that shows one network, fixed, labels that one only.
  return NETWORK_KINDS.filter((kind) => !network || kind === network).map((kind) => (
    <NetworkLabels key={kind} kind={kind} reducedMotion={reducedMotion} earth={earth} />
  ))
}
