import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import {
  AdditiveBlending,
  BufferAttribute,
  BufferGeometry,
  Color,
  DynamicDrawUsage,
  Points,
  ShaderMaterial,
} from 'three'
import type { Vec3 } from '../sim/geo'
import type { Network } from '../sim/network'
import { MAX_PATH_NODES } from '../sim/traffic'
import type { TrafficView } from '../worker/protocol'
import { appStore } from '../store/appStore'
import { TRAFFIC_FLOWS } from '../store/store'
import { animateFor } from './animation'
import { PALETTE } from './constants'
import { angleBetween, arcPoint, unitVectors } from './geometry'
import { shownKind, useGlobeView, viewOpacity } from './globeView'
import { POINT_GLSL, pointScaleUniform, usePointScale } from './points'
import { sceneNow } from './stateShader'
import { shouldDraw } from './visibility'

/** Particles per flow, spread along its path. */
const PER_FLOW = 2
const POOL = TRAFFIC_FLOWS * PER_FLOW
/** Travel speed, radians of arc per second: a trip across an ocean takes a few seconds. */
const SPEED = 0.45
const SIZE = 0.016
/** How long a flow that takes a new route shows it (yellow, and larger), seconds. */
export const REROUTE_SECONDS = 6

/** Whether flow f's path differs between two path tables (MAX_PATH_NODES per flow). */
function pathChanged(f: number, len: Int32Array, path: Int32Array, oldLen: Int32Array, oldPath: Int32Array): boolean {
  const n = len[f]!
  if (n !== oldLen[f]) return true
  const base = f * MAX_PATH_NODES
  for (let i = 0; i < n; i++) if (path[base + i] !== oldPath[base + i]) return true
  return false
}

const vertexShader = /* glsl */ `
attribute float aAlpha;
attribute float aRerouted;
uniform float uSize;
uniform float uOpacity;
${POINT_GLSL}
varying float vAlpha;
varying float vRerouted;

void main() {
  vec4 mv = modelViewMatrix * vec4(position, 1.0);
  vAlpha = aAlpha * uOpacity;
  vRerouted = aRerouted;
  gl_PointSize = pointPixels(uSize * (1.0 + 1.2 * aRerouted), mv);
  gl_Position = projectionMatrix * mv;
}
`

const fragmentShader = /* glsl */ `
uniform vec3 uColor;
uniform vec3 uRerouted;
varying float vAlpha;
varying float vRerouted;

void main() {
  float d = length(gl_PointCoord - 0.5) * 2.0;
  float alpha = vAlpha * (1.0 - smoothstep(0.0, 1.0, d));
  if (alpha <= 0.003) discard;
  gl_FragColor = vec4(mix(uColor, uRerouted, vRerouted), alpha);
  #include <colorspace_fragment>
}
`

/** Cumulative arc angle along each flow's path, recomputed when the paths change. */
interface PathCache {
  version: number
  flows: TrafficView | null
  units: Float32Array | null
  net: Network | null
  /** flows × MAX_PATH_NODES cumulative angles; total angle of flow f at index f × MAX + length − 1. */
  cum: Float32Array
  /** The run the paths below belong to (a new run starts from the healthy paths: nothing was rerouted). */
  run: number
  /** The paths as they were before the last update, to find the flows that took a new route. */
  oldPath: Int32Array
  oldLength: Int32Array
  /** Scene time each flow last took a new route (it still reaches its service, another way). */
  reroutedAt: Float64Array
  /** Scene time of the last update of the paths. */
  updatedAt: number
}

const a: Vec3 = [0, 0, 0]
const b: Vec3 = [0, 0, 0]
const p: Vec3 = [0, 0, 0]

function readUnit(units: Float32Array, v: number, out: Vec3): Vec3 {
  out[0] = units[v * 3]!
  out[1] = units[v * 3 + 1]!
  out[2] = units[v * 3 + 2]!
  return out
}

/**
 * Traffic: bright particles travelling from people to the services they use, along the paths the network
 * routes them. When a path breaks they take the new route (a network that can reroute) or vanish (a service
 * with nowhere left to go). They move only while the simulation plays, so a paused view is still.
 */
export function Traffic({ reducedMotion }: { reducedMotion: boolean }) {
  const invalidate = useThree((s) => s.invalidate)
  const { network } = useGlobeView()
  const built = useMemo(() => {
    const geometry = new BufferGeometry()
    const position = new BufferAttribute(new Float32Array(POOL * 3), 3)
    const alpha = new BufferAttribute(new Float32Array(POOL), 1)
    const rerouted = new BufferAttribute(new Float32Array(POOL), 1)
    position.setUsage(DynamicDrawUsage)
    alpha.setUsage(DynamicDrawUsage)
    rerouted.setUsage(DynamicDrawUsage)
    geometry.setAttribute('position', position)
    geometry.setAttribute('aAlpha', alpha)
    geometry.setAttribute('aRerouted', rerouted)
    const material = new ShaderMaterial({
      vertexShader,
      fragmentShader,
      uniforms: {
        ...pointScaleUniform(),
        uSize: { value: SIZE },
        uOpacity: { value: 1 },
        uColor: { value: new Color(PALETTE.traffic) },
        uRerouted: { value: new Color(PALETTE.rerouted) },
      },
      transparent: true,
      depthWrite: false,
      blending: AdditiveBlending,
    })
    const points = new Points(geometry, material)
    points.name = 'traffic'
    points.frustumCulled = false
    points.renderOrder = 6
    // Each particle's position along its path, as a share of the path, staggered so they do not move in step.
    const progress = new Float32Array(POOL)
    for (let i = 0; i < POOL; i++) progress[i] = ((i % PER_FLOW) + ((i * 0.618) % 1)) / PER_FLOW
    return { points, geometry, material, position, alpha, rerouted, progress }
  }, [])
  usePointScale(built.material)
  const cache = useRef<PathCache>({
    version: -1,
    flows: null,
    units: null,
    net: null,
    cum: new Float32Array(0),
    run: -1,
    oldPath: new Int32Array(0),
    oldLength: new Int32Array(0),
    reroutedAt: new Float64Array(0),
    updatedAt: -Infinity,
  })

  useEffect(
    () => () => {
      built.geometry.dispose()
      built.material.dispose()
    },
    [built],
  )

  useFrame((_, delta) => {
    const state = appStore.getState()
    const kind = shownKind(state, network)
    const slot = state.slots[kind]
    const flows = slot?.view.traffic ?? null
    const pos = built.position.array as Float32Array
    const alpha = built.alpha.array as Float32Array
    const rerouted = built.rerouted.array as Float32Array
    const now = sceneNow()
    if (!slot || !flows) {
      built.points.visible = false
      return
    }
    built.points.visible = true
    const c = cache.current
    let sameRun = c.run === slot.view.run
    if (c.net !== slot.net) {
      c.net = slot.net
      c.units = unitVectors(slot.net.lat, slot.net.lon, slot.net.graph.n)
      sameRun = false
    }
    const units = c.units!
    if (c.flows !== flows || c.version !== flows.version) {
      c.flows = flows
      c.version = flows.version
      if (c.cum.length !== flows.count * MAX_PATH_NODES) {
        c.cum = new Float32Array(flows.count * MAX_PATH_NODES)
        c.oldPath = new Int32Array(flows.count * MAX_PATH_NODES)
        c.oldLength = new Int32Array(flows.count)
        c.reroutedAt = new Float64Array(flows.count)
        sameRun = false
      }
      // Within a run, a flow that reached its service before and still does, by another path, was rerouted
      // (around a failure, or to a copy the grid re-created); a new run, a reset or another network starts clean.
      let anyRerouted = false
      for (let f = 0; f < flows.count; f++) {
        if (!sameRun) c.reroutedAt[f] = -Infinity
        else if (
          c.oldLength[f]! > 1 &&
          flows.length[f]! > 1 &&
          pathChanged(f, flows.length, flows.path, c.oldLength, c.oldPath)
        ) {
          c.reroutedAt[f] = now
          anyRerouted = true
        }
      }
      c.oldPath.set(flows.path.subarray(0, c.oldPath.length))
      c.oldLength.set(flows.length.subarray(0, c.oldLength.length))
      c.run = slot.view.run
      c.updatedAt = now
      if (anyRerouted && !reducedMotion) animateFor(REROUTE_SECONDS + 0.1)
      for (let f = 0; f < flows.count; f++) {
        const base = f * MAX_PATH_NODES
        let acc = 0
        c.cum[base] = 0
        for (let i = 1; i < flows.length[f]!; i++) {
          acc += angleBetween(readUnit(units, flows.path[base + i - 1]!, a), readUnit(units, flows.path[base + i]!, b))
          c.cum[base + i] = acc
        }
      }
    }
    const dt = state.playing && !reducedMotion ? Math.min(delta, 0.1) : 0
    for (let i = 0; i < POOL; i++) {
      const f = Math.floor(i / PER_FLOW) % Math.max(1, flows.count)
      const len = flows.length[f] ?? 0
      const base = f * MAX_PATH_NODES
      const total = len > 1 ? c.cum[base + len - 1]! : 0
      if (total <= 0) {
        alpha[i] = 0
        continue
      }
      // Yellow and larger for a while after the flow took a new route, fading back to white. Under reduced
      // motion nothing fades (no frames come for it): the new route shows until the next step's paths.
      const age = (now - c.reroutedAt[f]!) / REROUTE_SECONDS
      if (reducedMotion) rerouted[i] = c.reroutedAt[f] === c.updatedAt ? 1 : 0
      else rerouted[i] = age >= 0 && age < 1 ? 1 - age * age : 0
      let u = built.progress[i]! + (dt * SPEED) / Math.max(total, 0.05)
      u -= Math.floor(u)
      built.progress[i] = u
      const target = u * total
      let k = 1
      while (k < len - 1 && c.cum[base + k]! < target) k++
      const a0 = c.cum[base + k - 1]!
      const a1 = c.cum[base + k]!
      readUnit(units, flows.path[base + k - 1]!, a)
      readUnit(units, flows.path[base + k]!, b)
      const seg = a1 - a0
      arcPoint(a, b, seg, seg > 0 ? (target - a0) / seg : 0, p)
      pos[i * 3] = p[0]
      pos[i * 3 + 1] = p[1]
      pos[i * 3 + 2] = p[2]
      // Fade in as they leave and out as they arrive.
      alpha[i] = Math.min(1, u * 8, (1 - u) * 8)
    }
    built.position.needsUpdate = true
    built.alpha.needsUpdate = true
    built.rerouted.needsUpdate = true
    const since = reducedMotion ? Infinity : now - state.switchedAt / 1000
    built.material.uniforms.uOpacity!.value = viewOpacity(kind, state, network, since)
    if (dt > 0 && shouldDraw()) invalidate()
  })

  return <primitive object={built.points} />
}
