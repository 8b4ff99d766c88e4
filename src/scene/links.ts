/**
 * All links of one network in one draw call: every link is a great-circle arc cut into straight segments, and
 * every segment is one instance of a screen-space quad (a line of a set width in pixels, which plain GL lines
 * cannot do). Each segment knows its link; the link's state (up, changedAt) comes from a float texture written
 * from the simulation when it steps, so a failure costs one texel, not a rebuild.
 */

import {
  BufferAttribute,
  Color,
  DataTexture,
  FloatType,
  InstancedBufferAttribute,
  InstancedBufferGeometry,
  Mesh,
  NearestFilter,
  NormalBlending,
  RGFormat,
  ShaderMaterial,
  Vector2,
} from 'three'
import type { Simulation } from '../sim/engine'
import type { Network } from '../sim/network'
import { LINK_WIDTH_PX } from './constants'
import { linkSegments, unitVectors } from './geometry'
import { NEVER_CHANGED, STATE_GLSL, stateUniforms } from './stateShader'

const TEXTURE_WIDTH = 1024

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

  vec4 a = projectionMatrix * modelViewMatrix * vec4(aStart, 1.0);
  vec4 b = projectionMatrix * modelViewMatrix * vec4(aEnd, 1.0);
  vec2 sa = a.xy / a.w * uResolution;
  vec2 sb = b.xy / b.w * uResolution;
  vec2 dir = sb - sa;
  float len = length(dir);
  dir = len > 1e-5 ? dir / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);
  vec4 p = mix(a, b, position.x);
  float width = uWidth * (1.0 + 1.2 * emphasis * aInfo.w);
  // Half a pixel more on each side for antialiasing.
  p.xy += normal * position.y * (width * 0.5 + 1.0) / uResolution * p.w;
  vSide = position.y * (width * 0.5 + 1.0) / max(width * 0.5, 0.5);
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
  sync(sim: Simulation, now: number): boolean
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
  const g = net.graph
  const units = unitVectors(net.lat, net.lon, g.n)
  const segs = linkSegments(g.linkA, g.linkB, g.m, units, weight)

  const geometry = new InstancedBufferGeometry()
  // A unit quad: x is the end (0 = start, 1 = end), y the side.
  geometry.setAttribute('position', new BufferAttribute(new Float32Array([0, -1, 0, 1, -1, 0, 1, 1, 0, 0, 1, 0]), 3))
  geometry.setIndex([0, 1, 2, 0, 2, 3])
  const ends = segs.ends
  const start = new Float32Array(segs.count * 3)
  const end = new Float32Array(segs.count * 3)
  for (let s = 0; s < segs.count; s++) {
    start.set(ends.subarray(s * 6, s * 6 + 3), s * 3)
    end.set(ends.subarray(s * 6 + 3, s * 6 + 6), s * 3)
  }
  geometry.setAttribute('aStart', new InstancedBufferAttribute(start, 3))
  geometry.setAttribute('aEnd', new InstancedBufferAttribute(end, 3))
  geometry.setAttribute('aInfo', new InstancedBufferAttribute(segs.info, 4))
  geometry.instanceCount = segs.count

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
    sync(sim, now) {
      let changed = false
      const { linkUp, nodeUp } = sim
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
