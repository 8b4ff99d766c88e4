import { useEffect, useMemo } from 'react'
import { AdditiveBlending, BufferAttribute, BufferGeometry, Points, ShaderMaterial } from 'three'
import { createRng } from '../sim/rng'

const COUNT = 1800
const RADIUS = 30

const vertexShader = /* glsl */ `
attribute float aSize;
attribute float aBright;
uniform float uPixelRatio;
varying float vBright;
void main() {
  vBright = aBright;
  gl_PointSize = aSize * uPixelRatio;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`

const fragmentShader = /* glsl */ `
varying float vBright;
void main() {
  float d = length(gl_PointCoord - 0.5) * 2.0;
  float alpha = vBright * (1.0 - smoothstep(0.3, 1.0, d));
  if (alpha <= 0.003) discard;
  gl_FragColor = vec4(vec3(0.8, 0.87, 1.0) * alpha, alpha);
}
`

/** A faint, fixed starfield far behind the globe (one draw call); the same stars every time. */
export function Stars({ pixelRatio }: { pixelRatio: number }) {
  const points = useMemo(() => {
    const rng = createRng(7, 'stars')
    const pos = new Float32Array(COUNT * 3)
    const size = new Float32Array(COUNT)
    const bright = new Float32Array(COUNT)
    for (let i = 0; i < COUNT; i++) {
      const z = rng.float() * 2 - 1
      const t = rng.float() * Math.PI * 2
      const r = Math.sqrt(1 - z * z)
      pos[i * 3] = RADIUS * r * Math.cos(t)
      pos[i * 3 + 1] = RADIUS * z
      pos[i * 3 + 2] = RADIUS * r * Math.sin(t)
      const m = rng.float()
      size[i] = 1 + 2.2 * m * m * m
      bright[i] = 0.12 + 0.5 * m * m
    }
    const geometry = new BufferGeometry()
    geometry.setAttribute('position', new BufferAttribute(pos, 3))
    geometry.setAttribute('aSize', new BufferAttribute(size, 1))
    geometry.setAttribute('aBright', new BufferAttribute(bright, 1))
    const material = new ShaderMaterial({
      vertexShader,
      fragmentShader,
      uniforms: { uPixelRatio: { value: 1 } },
      transparent: true,
      depthWrite: false,
      blending: AdditiveBlending,
    })
    const p = new Points(geometry, material)
    p.name = 'stars'
    p.renderOrder = -1
    p.frustumCulled = false
    return p
  }, [])

  useEffect(() => {
    ;(points.material as ShaderMaterial).uniforms.uPixelRatio!.value = pixelRatio
  }, [points, pixelRatio])

  useEffect(
    () => () => {
      points.geometry.dispose()
      ;(points.material as ShaderMaterial).dispose()
    },
    [points],
  )

  return <primitive object={points} />
}
