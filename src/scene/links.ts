/**
 * All links of one network in one draw call: every link is a great-circle arc cut into straight segments, and
 * every segment is a screen-space quad (a line of a set width in pixels, which plain GL lines cannot do). Each segment knows its link; the link's state (up, changedAt) comes from a float texture written
 * from the simulation when it steps, so a failure costs one texel, not a rebuild.
 */

import {
  BufferAttribute,
  Color,
  DataTexture,
  BufferGeometry,
  FloatType,
  Mesh,
  NearestFilter,
  NormalBlending,
  RGFormat,
  ShaderMaterial,
  Sphere,
  Vector2,
  Vector3,
} from 'three'
import type { Network } from '../sim/network'
import { GLOBE_RADIUS, LINK_WIDTH_PX } from './constants'
import { linkSegmentSteps, unitVectors } from './geometry'
import { HIDDEN_GLSL } from './points'
import { runToEnd } from './slices'
import { NEVER_CHANGED, STATE_GLSL, stateUniforms } from './stateShader'

const TEXTURE_WIDTH = 1024
/** Segments drawn per network at most; above, an even sample of the links is drawn (see linkSegments). */
export const MAX_SEGMENTS = 150_000

const vertexShader = /* glsl */ `
precision highp float;
precision highp sampler2D;
attribute vec3 aStart;
attribute vec3 aEnd;
attribute vec4 aInfo;
uniform sampler2D uState;
uniform vec2 uResolution;
uniform float uWidth;
uniform float uOpacity;
uniform float uAlpha;
uniform vec3 uColor;
${STATE_GLSL}
varying vec3 vColor;
varying float vAlpha;
varying float vSide;

${HIDDEN_GLSL}

// Whether the globe hides view-space point p from the camera (at the origin): the line of sight meets the sphere
// (centre c, a hair smaller than the globe, so points on the near side's surface stay seen) before reaching p.
bool behindGlobe(vec3 p, vec3 c) {
  float dist = length(p);
  vec3 ray = p / dist;
  float along = dot(c, ray);
  float miss2 = dot(c, c) - along * along;
  float r = ${(0.995 * GLOBE_RADIUS).toFixed(4)};
  if (miss2 >= r * r) return false;
  float hit = along - sqrt(r * r - miss2);
  return hit > 0.0 && hit < dist;
}

void main() {
  int link = int(aInfo.x + 0.5);
  vec2 st = texelFetch(uState, ivec2(link % ${TEXTURE_WIDTH}, link / ${TEXTURE_WIDTH}), 0).rg;
  float emphasis;
  float down;
  vColor = stateColor(st, uColor, emphasis, down);
  // Healthy links are quiet; a failed one stands out, then fades to a faint dark red.
  // A link keeps its weight when it fails: a faint long link turns into a faint red one, a main artery into a
  // bright red one. Right after a change it flares, in proportion.
  float base = uAlpha * aInfo.w;
  vAlpha = uOpacity * min(1.0, base * (1.0 + 1.4 * emphasis + 0.4 * down));

  vec4 va = modelViewMatrix * vec4(aStart, 1.0);
  vec4 vb = modelViewMatrix * vec4(aEnd, 1.0);
  vec3 centre = (modelViewMatrix * vec4(0.0, 0.0, 0.0, 1.0)).xyz;
  // A segment that draws nothing (on the far side of the globe, or too faint to show) is moved out of the clip
  // volume, all four corners alike: the globe would hide it by depth only after its pixels were shaded, and on
  // a 10,000-node grid half the segments are on the far side.
  if (vAlpha <= 0.003 || (behindGlobe(va.xyz, centre) && behindGlobe(vb.xyz, centre))) {
    vSide = 0.0;
    gl_Position = HIDDEN_POINT;
    return;
  }
  vec4 a = projectionMatrix * va;
  vec4 b = projectionMatrix * vb;
  vec2 sa = a.xy / a.w * uResolution;
  vec2 sb = b.xy / b.w * uResolution;
  vec2 dir = sb - sa;
  float len = length(dir);
  dir = len > 1e-5 ? dir / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);
  // Corners 0..3: (start, -1), (end, -1), (end, +1), (start, +1).
  float corner = position.x;
  float atEnd = (corner > 0.5 && corner < 2.5) ? 1.0 : 0.0;
  float side = corner > 1.5 ? 1.0 : -1.0;
  vec4 p = mix(a, b, atEnd);
  float width = uWidth * (1.0 + 1.2 * emphasis * aInfo.w);
  // Half a pixel more on each side for antialiasing.
  p.xy += normal * side * (width * 0.5 + 1.0) / uResolution * p.w;
  vSide = side * (width * 0.5 + 1.0) / max(width * 0.5, 0.5);
  gl_Position = p;
}
`

const fragmentShader = /* glsl */ `
varying vec3 vColor;
varying float vAlpha;
varying float vSide;

void main() {
  float d = abs(vSide);
  float alpha = vAlpha * (1.0 - smoothstep(1.0, 1.0 + max(fwidth(d), 1e-4) * 2.0, d));
  if (alpha <= 0.003) discard;
  gl_FragColor = vec4(vColor, alpha);
  #include <colorspace_fragment>
}
`

export interface LinkLayer {
  mesh: Mesh
  /** Number of drawn segments. */
  segments: number
  /** Copies the links' state (a link works when it and both its ends do); returns whether anything changed. */
  sync(state: { nodeUp: Uint8Array; linkUp: Uint8Array }, now: number): boolean
  setOpacity(opacity: number): void
  setNow(now: number): void
  /** Drawing-buffer size in pixels and the device pixel ratio (the width is in CSS pixels). */
  setViewport(width: number, height: number, dpr: number): void
  dispose(): void
}

/**
 * alpha: how strongly a working link shows; weight(link, angle) scales it per link (the few long links of a mesh
 * stay faint, the links everything depends on stay bright).
 */
export function createLinkLayer(
  net: Network,
  color: string,
  alpha: number,
  weight?: (link: number, angle: number) => number,
): LinkLayer {
  return runToEnd(linkLayerSteps(net, color, alpha, weight))
}

/** Segments between pauses while the quads are laid out. */
const SEGMENTS_PER_STEP = 4096

/**
 * createLinkLayer in steps that can run in slices (slices.ts): at 100,000 nodes the arcs take longer than a frame
 * to lay out. The GPU objects are made at the very end, so a build abandoned half way leaves nothing to dispose.
 */
export function* linkLayerSteps(
  net: Network,
  color: string,
  alpha: number,
  weight?: (link: number, angle: number) => number,
): Generator<void, LinkLayer> {
  const g = net.graph
  const units = unitVectors(net.lat, net.lon, g.n)
  yield
  const segs = yield* linkSegmentSteps(g.linkA, g.linkB, g.m, units, weight, MAX_SEGMENTS)

  // Plain (not instanced) quads: four vertices a segment, each carrying both ends. Instancing would store less,
  // but software renderers pay dearly per instance; this draws about twice as fast there and the same on a GPU.
  const nv = segs.count * 4
  const corner = new Float32Array(nv)
  const start = new Float32Array(nv * 3)
  const end = new Float32Array(nv * 3)
  const info = new Float32Array(nv * 4)
  const index = new Uint32Array(segs.count * 6)
  for (let s = 0; s < segs.count; s++) {
    if (s % SEGMENTS_PER_STEP === SEGMENTS_PER_STEP - 1) yield
    for (let k = 0; k < 4; k++) {
      const v = s * 4 + k
      corner[v] = k
      for (let d = 0; d < 3; d++) {
        start[v * 3 + d] = segs.ends[s * 6 + d]!
        end[v * 3 + d] = segs.ends[s * 6 + 3 + d]!
      }
      for (let d = 0; d < 4; d++) info[v * 4 + d] = segs.info[s * 4 + d]!
    }
    const o = s * 6
    index[o] = s * 4
    index[o + 1] = s * 4 + 1
    index[o + 2] = s * 4 + 2
    index[o + 3] = s * 4
    index[o + 4] = s * 4 + 2
    index[o + 5] = s * 4 + 3
  }
  const geometry = new BufferGeometry()
  // three needs a position attribute to draw; here it holds the corner number (0..3) of each quad vertex.
  geometry.setAttribute('position', new BufferAttribute(corner, 1))
  geometry.setAttribute('aStart', new BufferAttribute(start, 3))
  geometry.setAttribute('aEnd', new BufferAttribute(end, 3))
  geometry.setAttribute('aInfo', new BufferAttribute(info, 4))
  geometry.setIndex(new BufferAttribute(index, 1))
  // The corner numbers are no positions to measure; every arc lies within this sphere.
  geometry.boundingSphere = new Sphere(new Vector3(), 1.5)

  const rows = Math.max(1, Math.ceil(g.m / TEXTURE_WIDTH))
  const stateData = new Float32Array(TEXTURE_WIDTH * rows * 2)
  for (let e = 0; e < g.m; e++) {
    stateData[e * 2] = 1
    stateData[e * 2 + 1] = NEVER_CHANGED
  }
  const texture = new DataTexture(stateData, TEXTURE_WIDTH, rows, RGFormat, FloatType)
  texture.minFilter = NearestFilter
  texture.magFilter = NearestFilter
  texture.needsUpdate = true

  const material = new ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: {
      ...stateUniforms(),
      uState: { value: texture },
      uResolution: { value: new Vector2(1, 1) },
      uWidth: { value: LINK_WIDTH_PX },
      uOpacity: { value: 1 },
      uAlpha: { value: alpha },
      uColor: { value: new Color(color) },
    },
    transparent: true,
    depthWrite: false,
    blending: NormalBlending,
  })
  const mesh = new Mesh(geometry, material)
  mesh.name = `links:${net.kind}`
  mesh.frustumCulled = false
  mesh.renderOrder = 3

  // A link is drawn as working only when it and both its ends work.
  const prevUp = new Uint8Array(g.m).fill(1)
  let dpr = 1

  return {
    mesh,
    segments: segs.count,
    sync(state, now) {
      let changed = false
      const { linkUp, nodeUp } = state
      for (let e = 0; e < g.m; e++) {
        const up = linkUp[e] && nodeUp[g.linkA[e]!] && nodeUp[g.linkB[e]!] ? 1 : 0
        if (up !== prevUp[e]) {
          prevUp[e] = up
          stateData[e * 2] = up
          stateData[e * 2 + 1] = now
          changed = true
        }
      }
      if (changed) texture.needsUpdate = true
      return changed
    },
    setOpacity(opacity) {
      material.uniforms.uOpacity!.value = opacity
      mesh.visible = opacity > 0.001
    },
    setNow(now) {
      material.uniforms.uNow!.value = now
    },
    setViewport(width, height, ratio) {
      dpr = ratio
      ;(material.uniforms.uResolution!.value as Vector2).set(width / 2, height / 2)
      material.uniforms.uWidth!.value = LINK_WIDTH_PX * dpr
    },
    dispose() {
      geometry.dispose()
      material.dispose()
      texture.dispose()
    },
  }
}
