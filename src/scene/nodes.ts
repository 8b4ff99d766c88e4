/**
 * The nodes of one network: one draw per node class, so the draw calls do not grow with the network. Cloud
 * regions are tall columns (one InstancedMesh) whose height is their share of the services; points of presence
 * and small nodes are round dots (GL points, one vertex each). Each instance carries its state (up, changedAt), refreshed
 * from the simulation's typed arrays when it steps, and the shader turns that into colour over time.
 */

import {
  BufferAttribute,
  BufferGeometry,
  Color,
  CylinderGeometry,
  DynamicDrawUsage,
  InstancedBufferAttribute,
  InstancedMesh,
  Matrix4,
  NormalBlending,
  Points,
  Quaternion,
  ShaderMaterial,
  Vector3,
} from 'three'
import type { Network } from '../sim/network'
import { NodeClass } from '../sim/network'
import {
  DOT_ALTITUDE,
  LIGHT_DIRECTION_VIEW,
  PEER_DOT_SIZE,
  POP_DOT_SIZE,
  REGION_BASE_HEIGHT,
  REGION_HEIGHT_PER_SHARE,
  REGION_RADIUS,
} from './constants'
import { surfacePoint } from './geometry'
import { POINT_GLSL, pointScaleUniform } from './points'
import { NEVER_CHANGED, STATE_GLSL, stateUniforms } from './stateShader'

export interface NodeColors {
  node: string
  minor: string
}

const dotVertex = /* glsl */ `
attribute vec2 aState;
uniform float uSize;
uniform float uOpacity;
uniform vec3 uColor;
${STATE_GLSL}
${POINT_GLSL}
varying vec3 vColor;
varying float vAlpha;

void main() {
  vec4 mv = modelViewMatrix * vec4(position, 1.0);
  vec3 normalView = normalize(mat3(modelViewMatrix) * position);
  float facing = dot(normalView, normalize(-mv.xyz));
  float emphasis;
  float down;
  vColor = stateColor(aState, uColor, emphasis, down);
  // A node that just changed swells for a moment, so the eye finds it.
  float size = uSize * (1.0 + 0.8 * emphasis + 0.25 * down);
  vAlpha = uOpacity * smoothstep(-0.05, 0.2, facing);
  gl_PointSize = pointPixels(size, mv);
  gl_Position = facing <= -0.05 ? HIDDEN_POINT : projectionMatrix * mv;
}
`

const dotFragment = /* glsl */ `
varying vec3 vColor;
varying float vAlpha;

void main() {
  float d = length(gl_PointCoord - 0.5) * 2.0;
  float aa = max(fwidth(d), 1e-4);
  float core = 1.0 - smoothstep(0.55 - aa, 0.55 + aa, d);
  float halo = (1.0 - smoothstep(0.55, 1.0, d)) * 0.35;
  float alpha = max(core, halo) * vAlpha;
  if (alpha <= 0.003) discard;
  gl_FragColor = vec4(vColor * (0.75 + 0.25 * core), alpha);
  #include <colorspace_fragment>
}
`

const columnVertex = /* glsl */ `
attribute vec2 aState;
uniform float uOpacity;
uniform vec3 uColor;
uniform vec3 uLightDir;
${STATE_GLSL}
varying vec3 vColor;
varying float vAlpha;
varying float vHeight;
varying float vLight;

void main() {
  vec4 mvPosition = modelViewMatrix * instanceMatrix * vec4(position, 1.0);
  vec3 n = normalize(mat3(modelViewMatrix) * mat3(instanceMatrix) * normal);
  vLight = clamp(dot(n, uLightDir) * 0.5 + 0.5, 0.0, 1.0);
  float emphasis;
  float down;
  vColor = stateColor(aState, uColor, emphasis, down);
  vHeight = position.y;
  vAlpha = uOpacity;
  gl_Position = projectionMatrix * mvPosition;
}
`

const columnFragment = /* glsl */ `
varying vec3 vColor;
varying float vAlpha;
varying float vHeight;
varying float vLight;

void main() {
  // Brighter towards the top, like a lit tower; the top glows.
  float glow = 0.55 + 0.45 * vHeight + 0.35 * smoothstep(0.85, 1.0, vHeight);
  vec3 color = vColor * glow * (0.65 + 0.55 * vLight);
  gl_FragColor = vec4(color, vAlpha);
  #include <colorspace_fragment>
}
`

/** One class of nodes in one draw: instanced columns for cloud regions, GL points for every other class. */
interface ClassMesh {
  object: InstancedMesh | Points
  material: ShaderMaterial
  /** Node index of each instance or point. */
  nodes: Int32Array
  state: BufferAttribute
}

export interface NodeLayer {
  /** One object per node class, in class order. */
  objects: (InstancedMesh | Points)[]
  /** Copies the simulation's node state into the instances; returns whether anything changed. */
  /** impaired: per node, 1 where it is up but some of what it hosts does not answer (null: none). */
  sync(state: { nodeUp: Uint8Array; impaired?: Uint8Array | null }, now: number): boolean
  setOpacity(opacity: number): void
  setNow(now: number): void
  /** Pixels per globe radius at distance one (see points.ts). */
  setPointScale(scale: number): void
  dispose(): void
}

const scratchMatrix = new Matrix4()
const scratchUp = new Vector3()
const scratchPos = new Vector3()
const scratchScale = new Vector3()
const scratchQuat = new Quaternion()
const Y = new Vector3(0, 1, 0)

export function createNodeLayer(net: Network, colors: NodeColors): NodeLayer {
  const n = net.graph.n
  const byClass = new Map<number, number[]>()
  for (let v = 0; v < n; v++) {
    const c = net.nodeClass[v]!
    let list = byClass.get(c)
    if (!list) byClass.set(c, (list = []))
    list.push(v)
  }
  const hosted = hostedShare(net)
  const classMeshes: ClassMesh[] = []
  const p: [number, number, number] = [0, 0, 0]
  for (const [cls, list] of [...byClass.entries()].sort((a, b) => a[0] - b[0])) {
    const nodes = Int32Array.from(list)
    const isRegion = cls === NodeClass.region
    const color = new Color(cls === NodeClass.pop ? colors.minor : colors.node)
    let material: ShaderMaterial
    let object: InstancedMesh | Points
    let state: BufferAttribute
    if (isRegion) {
      state = new InstancedBufferAttribute(new Float32Array(nodes.length * 2), 2)
      const geometry = new CylinderGeometry(REGION_RADIUS, REGION_RADIUS, 1, 14, 1, false)
      geometry.translate(0, 0.5, 0) // base on the ground, growing outwards
      geometry.setAttribute('aState', state)
      material = new ShaderMaterial({
        vertexShader: columnVertex,
        fragmentShader: columnFragment,
        uniforms: {
          ...stateUniforms(),
          uOpacity: { value: 1 },
          uColor: { value: color },
          uLightDir: { value: new Vector3(...LIGHT_DIRECTION_VIEW).normalize() },
        },
        transparent: true,
      })
      const mesh = new InstancedMesh(geometry, material, nodes.length)
      for (let i = 0; i < nodes.length; i++) {
        const v = nodes[i]!
        surfacePoint(net.lat[v]!, net.lon[v]!, 0, p)
        scratchPos.set(p[0], p[1], p[2])
        scratchQuat.setFromUnitVectors(Y, scratchUp.copy(scratchPos).normalize())
        scratchScale.set(1, REGION_BASE_HEIGHT + REGION_HEIGHT_PER_SHARE * hosted[v]!, 1)
        mesh.setMatrixAt(i, scratchMatrix.compose(scratchPos, scratchQuat, scratchScale))
      }
      mesh.instanceMatrix.needsUpdate = true
      object = mesh
    } else {
      state = new BufferAttribute(new Float32Array(nodes.length * 2), 2)
      const positions = new Float32Array(nodes.length * 3)
      for (let i = 0; i < nodes.length; i++) {
        const v = nodes[i]!
        surfacePoint(net.lat[v]!, net.lon[v]!, DOT_ALTITUDE, p)
        positions.set(p, i * 3)
      }
      const geometry = new BufferGeometry()
      geometry.setAttribute('position', new BufferAttribute(positions, 3))
      geometry.setAttribute('aState', state)
      material = new ShaderMaterial({
        vertexShader: dotVertex,
        fragmentShader: dotFragment,
        uniforms: {
          ...stateUniforms(),
          ...pointScaleUniform(),
          uOpacity: { value: 1 },
          uColor: { value: color },
          uSize: { value: cls === NodeClass.pop ? POP_DOT_SIZE : PEER_DOT_SIZE },
        },
        transparent: true,
        depthWrite: false,
        blending: NormalBlending,
      })
      object = new Points(geometry, material)
    }
    state.setUsage(DynamicDrawUsage)
    object.name = `nodes:${net.kind}:${cls}`
    // Columns and dots draw over the links (renderOrder), and are never culled as one big object.
    object.renderOrder = isRegion ? 4 : 5
    object.frustumCulled = false
    const arr = state.array as Float32Array
    for (let i = 0; i < nodes.length; i++) {
      arr[i * 2] = 1
      arr[i * 2 + 1] = NEVER_CHANGED
    }
    classMeshes.push({ object, material, nodes, state })
  }

  // Per node: 2 up, 1 up but impaired, 0 down (the shader's 1, 0.5, 0).
  const prevUp = new Uint8Array(n).fill(2)
  const changedAt = new Float64Array(n).fill(NEVER_CHANGED)

  return {
    objects: classMeshes.map((c) => c.object),
    sync(state, now) {
      let changed = false
      const up = state.nodeUp
      const impaired = state.impaired ?? null
      for (let v = 0; v < n; v++) {
        const code = up[v] ? (impaired && impaired[v] ? 1 : 2) : 0
        if (code !== prevUp[v]) {
          prevUp[v] = code
          changedAt[v] = now
          changed = true
        }
      }
      if (!changed) return false
      for (const c of classMeshes) {
        const arr = c.state.array as Float32Array
        for (let i = 0; i < c.nodes.length; i++) {
          const v = c.nodes[i]!
          arr[i * 2] = prevUp[v]! / 2
          arr[i * 2 + 1] = changedAt[v]!
        }
        c.state.needsUpdate = true
      }
      return true
    },
    setOpacity(opacity) {
      for (const c of classMeshes) {
        c.material.uniforms.uOpacity!.value = opacity
        c.object.visible = opacity > 0.001
      }
    },
    setNow(now) {
      for (const c of classMeshes) c.material.uniforms.uNow!.value = now
    },
    setPointScale(scale) {
      for (const c of classMeshes) if (c.material.uniforms.uPointScale) c.material.uniforms.uPointScale.value = scale
    },
    dispose() {
      for (const c of classMeshes) {
        c.object.geometry.dispose()
        c.material.dispose()
        if (c.object instanceof InstancedMesh) c.object.dispose()
      }
    },
  }
}

/** Share of all replicas each node hosts (the height of a cloud region's column). */
export function hostedShare(net: Network): Float64Array {
  const share = new Float64Array(net.graph.n)
  const s = net.services
  if (!s) return share
  let total = 0
  for (const h of s.host) {
    if (h < 0) continue
    share[h]! += 1
    total++
  }
  if (total > 0) for (let v = 0; v < share.length; v++) share[v]! /= total
  return share
}
