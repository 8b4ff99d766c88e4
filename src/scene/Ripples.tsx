import { useFrame } from '@react-three/fiber'
import { useEffect, useMemo, useRef, useState } from 'react'
import {
  AdditiveBlending,
  Color,
  DynamicDrawUsage,
  InstancedBufferAttribute,
  InstancedMesh,
  Matrix4,
  PlaneGeometry,
  Quaternion,
  ShaderMaterial,
  Vector3,
} from 'three'
import type { SimSnapshot } from '../worker/protocol'
import { appStore } from '../store/appStore'
import { animateFor } from './animation'
import { PALETTE } from './constants'
import { focusOf, shownKind, useGlobeView } from './globeView'
import { surfacePoint } from './geometry'
import { createRingPlan, planRings, RingKind } from './ringPlan'
import { NEVER_CHANGED, sceneNow } from './stateShader'

/** Rings in the pool; the oldest is reused. */
const POOL = 24
const DURATION = 1.8
/** Largest ring radius, globe radii: where a failure starts; the smaller rings mark each hop of a spreading one. */
const BIG = 0.32
const SMALL = 0.09

/** A healing ring's radius, globe radii: smaller than a failure's, so the two read apart. */
const HEAL = 0.06

const vertexShader = /* glsl */ `
attribute float aStart;
attribute float aHeal;
uniform float uNow;
varying vec2 vUv;
varying float vAge;
varying float vHeal;

void main() {
  vUv = uv;
  vHeal = aHeal;
  vAge = (uNow - aStart) / ${DURATION.toFixed(2)};
  gl_Position = projectionMatrix * modelViewMatrix * instanceMatrix * vec4(position, 1.0);
}
`

const fragmentShader = /* glsl */ `
uniform vec3 uColor;
uniform vec3 uHealColor;
varying vec2 vUv;
varying float vAge;
varying float vHeal;

void main() {
  if (vAge < 0.0 || vAge > 1.0) discard;
  float d = length(vUv - 0.5) * 2.0;
  // Two rings, the second a little behind the first, easing out as they grow.
  float r1 = 1.0 - pow(1.0 - vAge, 2.5);
  float r2 = 1.0 - pow(1.0 - max(vAge - 0.18, 0.0), 2.5);
  float w = max(fwidth(d), 1e-3) * 2.5;
  float ring = exp(-pow((d - r1) / (0.04 + w), 2.0)) + 0.5 * exp(-pow((d - r2) / (0.03 + w), 2.0));
  float alpha = ring * (1.0 - vAge) * step(d, 1.0);
  if (alpha <= 0.003) discard;
  gl_FragColor = vec4(mix(uColor, uHealColor, vHeal), alpha);
  #include <colorspace_fragment>
}
`

const m = new Matrix4()
const q = new Quaternion()
const pos = new Vector3()
const normal = new Vector3()
const scale = new Vector3()
const Z = new Vector3(0, 0, 1)
const p: [number, number, number] = [0, 0, 0]

/**
 * Shock rings where failures start (vermillion), and white ones where self-healing re-creates a lost copy: a large one at the scenario's place; small ones at the nodes a failure hits
 * at once (a disaster's, an attack's, random failures': a sample spread over them, so tens of small nodes going
 * down read as a hit, not as specks), and at nodes that fail as a cascade, a spreading failure or a push moves on.
 * A fixed pool of rings in one instanced mesh.
 */
export function Ripples({ reducedMotion }: { reducedMotion: boolean }) {
  const { network } = useGlobeView()
  const built = useMemo(() => {
    const geometry = new PlaneGeometry(2, 2)
    const start = new InstancedBufferAttribute(new Float32Array(POOL).fill(NEVER_CHANGED), 1)
    start.setUsage(DynamicDrawUsage)
    geometry.setAttribute('aStart', start)
    const heal = new InstancedBufferAttribute(new Float32Array(POOL), 1)
    heal.setUsage(DynamicDrawUsage)
    geometry.setAttribute('aHeal', heal)
    const material = new ShaderMaterial({
      vertexShader,
      fragmentShader,
      uniforms: {
        uNow: { value: 0 },
        uColor: { value: new Color(PALETTE.failed) },
        uHealColor: { value: new Color(PALETTE.recovered) },
      },
      transparent: true,
      depthWrite: false,
      blending: AdditiveBlending,
    })
    const mesh = new InstancedMesh(geometry, material, POOL)
    // A ring not spawned yet is a point: an identity matrix would be a plane through the Earth's centre, and the
    // rasteriser would still visit its pixels (a software renderer pays for them, as a third of each frame).
    const none = new Matrix4().makeScale(0, 0, 0)
    for (let i = 0; i < POOL; i++) mesh.setMatrixAt(i, none)
    mesh.visible = false
    mesh.name = 'ripples'
    mesh.frustumCulled = false
    mesh.renderOrder = 7
    return { mesh, geometry, material, start, heal }
  }, [])
  const next = useRef(0)
  /** Scene time when the last ring spawned fades out: until then the mesh is drawn, after it not at all. */
  const aliveUntil = useRef(-Infinity)
  const [plan] = useState(createRingPlan)
  const seen = useRef<{ startedAt: number | null; view: SimSnapshot | null }>({ startedAt: null, view: null })

  useEffect(
    () => () => {
      built.geometry.dispose()
      built.material.dispose()
      built.mesh.dispose()
    },
    [built],
  )

  const spawn = (lat: number, lon: number, radius: number, now: number, healing = false) => {
    const i = next.current
    next.current = (i + 1) % POOL
    surfacePoint(lat, lon, 0.006, p)
    pos.set(p[0], p[1], p[2])
    normal.copy(pos).normalize()
    q.setFromUnitVectors(Z, normal)
    m.compose(pos, q, scale.set(radius, radius, radius))
    built.mesh.setMatrixAt(i, m)
    built.mesh.instanceMatrix.needsUpdate = true
    ;(built.start.array as Float32Array)[i] = now
    built.start.needsUpdate = true
    ;(built.heal.array as Float32Array)[i] = healing ? 1 : 0
    built.heal.needsUpdate = true
    aliveUntil.current = now + DURATION
    animateFor(DURATION + 0.1)
  }

  useFrame(() => {
    const now = sceneNow()
    built.material.uniforms.uNow!.value = now
    if (!reducedMotion) spawnNew(now)
    // Drawn only while a ring is on screen: 24 rings' quads cost fill even when every fragment is discarded.
    built.mesh.visible = !reducedMotion && now < aliveUntil.current
  })

  /** Spawns the rings for what happened since the last frame. */
  const spawnNew = (now: number) => {
    const state = appStore.getState()
    const slot = state.slots[shownKind(state, network)]
    if (!slot) return
    const s = seen.current
    if (state.scenarioStartedAt !== s.startedAt) {
      s.startedAt = state.scenarioStartedAt
      const focus = focusOf(state, network)
      if (focus) spawn(focus.lat, focus.lon, BIG, now)
    }
    const view = slot.view
    if (view === s.view) return
    // A new run (another scenario, a reset) or another network: nothing failed at a step yet.
    const fresh = !s.view || s.view.run !== view.run
    s.view = view
    if (fresh || !slot.net.hasGeo) return
    const p = planRings(view, plan)
    for (let i = 0; i < p.count; i++) {
      const v = p.node[i]!
      const kind = p.kind[i]!
      spawn(
        slot.net.lat[v]!,
        slot.net.lon[v]!,
        kind === RingKind.big ? BIG : kind === RingKind.healing ? HEAL : SMALL,
        now,
        kind === RingKind.healing,
      )
    }
  }

  return <primitive object={built.mesh} />
}
