import { useFrame } from '@react-three/fiber'
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
import type { SimSnapshot } from '../worker/protocol'
import type { World } from '../sim/world'
import { appStore, useAppStore } from '../store/appStore'
import { animateFor } from './animation'
import { PALETTE } from './constants'
import { shownKind, useGlobeView } from './globeView'
import { surfacePoint } from './geometry'
import { POINT_GLSL, pointScaleUniform, usePointScale } from './points'
import { NEVER_CHANGED, sceneNow } from './stateShader'

/** Dot size of a cluster: grows with the square root of its population (area ∝ people), globe radii. */
const MIN_SIZE = 0.012
const SIZE_PER_SQRT_MILLION = 0.011
const MAX_SIZE = 0.07
/** How long a cluster takes to change colour, seconds. */
const FADE_SECONDS = 0.8

const vertexShader = /* glsl */ `
attribute vec3 aServed; // (share of services reachable before, now, when it changed)
attribute float aSize;
uniform float uNow;
${POINT_GLSL}
uniform vec3 uServed;
uniform vec3 uLosing;
uniform vec3 uCut;
varying vec3 vColor;
varying float vAlpha;

// People served keep a faint warm glow; as they lose services they turn vermillion and their glow swells, so a
// loss reads across a continent at a glance; cut off entirely, they go dark.
vec3 servedColor(float s, out float alpha, out float grow) {
  alpha = mix(0.95, 0.42, s);
  grow = 1.0 + 0.9 * (1.0 - smoothstep(0.6, 1.0, s));
  if (s <= 0.0) { alpha = 0.75; grow = 1.2; return uCut; }
  return mix(uLosing, uServed, smoothstep(0.7, 1.0, s));
}

void main() {
  vec4 mv = modelViewMatrix * vec4(position, 1.0);
  vec3 normalView = normalize(mat3(modelViewMatrix) * position);
  float facing = dot(normalView, normalize(-mv.xyz));
  float k = smoothstep(0.0, ${FADE_SECONDS.toFixed(2)}, uNow - aServed.z);
  float a0;
  float a1;
  float g0;
  float g1;
  vec3 c0 = servedColor(aServed.x, a0, g0);
  vec3 c1 = servedColor(aServed.y, a1, g1);
  vColor = mix(c0, c1, k);
  vAlpha = mix(a0, a1, k) * smoothstep(0.0, 0.25, facing);
  gl_PointSize = pointPixels(aSize * mix(g0, g1, k), mv);
  gl_Position = facing <= 0.0 ? HIDDEN_POINT : projectionMatrix * mv;
}
`

const fragmentShader = /* glsl */ `
varying vec3 vColor;
varying float vAlpha;

void main() {
  // A soft disc: people are a haze over the land, not hard points.
  float d = length(gl_PointCoord - 0.5) * 2.0;
  float alpha = vAlpha * (1.0 - smoothstep(0.2, 1.0, d));
  if (alpha <= 0.003) discard;
  gl_FragColor = vec4(vColor, alpha);
  #include <colorspace_fragment>
}
`

function buildPeople(world: World) {
  const { clusters } = world
  const positions = new Float32Array(clusters.count * 3)
  const sizes = new Float32Array(clusters.count)
  const p: [number, number, number] = [0, 0, 0]
  for (let c = 0; c < clusters.count; c++) {
    surfacePoint(clusters.lat[c]!, clusters.lon[c]!, 0.004, p)
    positions.set(p, c * 3)
    sizes[c] = Math.min(MAX_SIZE, MIN_SIZE + SIZE_PER_SQRT_MILLION * Math.sqrt(clusters.pop[c]! / 1e6))
  }
  const served = new BufferAttribute(new Float32Array(clusters.count * 3), 3)
  served.setUsage(DynamicDrawUsage)
  const arr = served.array as Float32Array
  for (let c = 0; c < clusters.count; c++) {
    arr[c * 3] = 1
    arr[c * 3 + 1] = 1
    arr[c * 3 + 2] = NEVER_CHANGED
  }
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(positions, 3))
  geometry.setAttribute('aSize', new BufferAttribute(sizes, 1))
  geometry.setAttribute('aServed', served)
  const material = new ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: {
      ...pointScaleUniform(),
      uNow: { value: 0 },
      uServed: { value: new Color(PALETTE.people) },
      uLosing: { value: new Color(PALETTE.peopleLosing) },
      uCut: { value: new Color(PALETTE.peopleCut) },
    },
    transparent: true,
    depthWrite: false,
    // Additive: overlapping clusters brighten instead of piling up grey.
    blending: AdditiveBlending,
  })
  const points = new Points(geometry, material)
  points.name = 'people'
  points.renderOrder = 2
  points.frustumCulled = false
  return { points, geometry, material, served, count: clusters.count }
}

/**
 * The world's people, drawn faintly where they live. Their colour follows the network on screen: served, losing
 * services (red), or cut off (dark), so an outage shows in people and not only in machines. A globe of the
 * compare view colours them by its own network.
 */
export function People({ reducedMotion }: { reducedMotion: boolean }) {
  const world = useAppStore((s) => s.world)
  const { network } = useGlobeView()
  const people = useMemo(() => (world ? buildPeople(world) : null), [world])
  usePointScale(people?.material)
  const synced = useRef<{ view: SimSnapshot | null; frame: number }>({ view: null, frame: -1 })

  useEffect(() => {
    if (!people) return
    return () => {
      people.geometry.dispose()
      people.material.dispose()
    }
  }, [people])

  useFrame(() => {
    if (!people) return
    const state = appStore.getState()
    const slot = state.slots[shownKind(state, network)]
    const now = sceneNow()
    people.material.uniforms.uNow!.value = reducedMotion ? now + 1e4 : now
    if (!slot || (slot.view === synced.current.view && state.frame === synced.current.frame)) return
    synced.current = { view: slot.view, frame: state.frame }
    const share = slot.view.clusterService
    const arr = people.served.array as Float32Array
    let changed = false
    for (let c = 0; c < people.count; c++) {
      const next = slot.view.clusterUp[c] === 0 ? 0 : (share[c] ?? 1)
      if (Math.abs(next - arr[c * 3 + 1]!) < 1e-4) continue
      // Start the fade from the colour shown right now.
      const k = Math.min(1, Math.max(0, (now - arr[c * 3 + 2]!) / FADE_SECONDS))
      arr[c * 3] = arr[c * 3]! + (arr[c * 3 + 1]! - arr[c * 3]!) * k
      arr[c * 3 + 1] = next
      arr[c * 3 + 2] = now
      changed = true
    }
    if (changed) {
      people.served.needsUpdate = true
      animateFor(FADE_SECONDS + 0.2)
    }
  })

  return people ? <primitive object={people.points} /> : null
}
