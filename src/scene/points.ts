/**
 * Dots drawn as GL points: one vertex per dot. Far cheaper than one instanced quad per dot wherever vertices are
 * costly (software rendering, weak GPUs): a land lattice of 38,000 dots draws about four times faster. A dot's
 * size is given in globe radii and turned into pixels with the camera's projection, so dots keep their size on
 * the globe whatever the canvas, pixel ratio or zoom.
 */

import { useFrame } from '@react-three/fiber'
import type { PerspectiveCamera, ShaderMaterial } from 'three'
import { MathUtils } from 'three'

/**
 * GLSL: a position outside the clip volume (z beyond w), where a vertex that draws nothing goes: the rasteriser
 * never visits its pixels. For the dots' layers and the links' segments.
 */
export const HIDDEN_GLSL = 'const vec4 HIDDEN_POINT = vec4(0.0, 0.0, 2.0, 1.0);'

/** GLSL: pixels on screen of a dot `size` globe radii across at view-space position mv. */
export const POINT_GLSL = /* glsl */ `
uniform float uPointScale;
float pointPixels(float size, vec4 mv) {
  return size * uPointScale / max(-mv.z, 1e-3);
}
// A dot that would draw nothing (on the far side of the globe): outside the clip volume, with no size, so the
// rasteriser never visits its pixels (the Earth would hide them by depth, but only after they were shaded).
${HIDDEN_GLSL}
`

/** Pixels per globe radius at a distance of one, for a canvas `heightPx` device pixels tall. */
export function pointScale(heightPx: number, fovDeg: number): number {
  return heightPx / (2 * Math.tan(MathUtils.degToRad(fovDeg) / 2))
}

export function pointScaleUniform() {
  return { uPointScale: { value: 1 } }
}

/** Keeps uPointScale of the given materials in step with the canvas and camera, every frame (no allocation). */
export function usePointScale(...materials: (ShaderMaterial | null | undefined)[]) {
  useFrame((state) => {
    const camera = state.camera as PerspectiveCamera
    const scale = pointScale(state.size.height * state.viewport.dpr, camera.fov ?? 40)
    for (const m of materials) if (m) m.uniforms.uPointScale!.value = scale
  })
}
