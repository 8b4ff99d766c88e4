import { addAfterEffect } from '@react-three/fiber'
import { useEffect, useMemo, useState } from 'react'
import { Color, InstancedMesh, PlaneGeometry, ShaderMaterial, Vector3 } from 'three'
import { latLonToUnit, type Vec3 } from '../sim/geo'
import {
  GLOBE_RADIUS,
  LAND_COLOR,
  LAND_DOT_ALTITUDE,
  LAND_DOT_FILL,
  LAND_SHADOW_COLOR,
  LIGHT_DIRECTION_VIEW,
} from './constants'
import { loadLand, type LandLattice } from './landData'

const vertexShader = /* glsl */ `
uniform vec3 uLightDir;

varying vec2 vUv;
varying float vFacing;
varying float vLight;

void main() {
  vec4 mvPosition = modelViewMatrix * instanceMatrix * vec4(position, 1.0);
  // The dot's centre is the instance's translation; as a direction it is the surface normal there.
  vec3 normalView = normalize(mat3(modelViewMatrix) * instanceMatrix[3].xyz);
  vFacing = dot(normalView, normalize(-mvPosition.xyz));
  vLight = clamp(dot(normalView, uLightDir) * 0.5 + 0.5, 0.0, 1.0);
  vUv = uv;
  gl_Position = projectionMatrix * mvPosition;
}
`

const fragmentShader = /* glsl */ `
uniform vec3 uColor;
uniform vec3 uShadow;

varying vec2 vUv;
varying float vFacing;
varying float vLight;

void main() {
  // A round dot in a square quad, antialiased over one pixel whatever its size on screen.
  float d = length(vUv - 0.5) * 2.0;
  float aa = max(fwidth(d), 1e-4);
  float alpha = 1.0 - smoothstep(1.0 - aa, 1.0 + aa, d);
  // Fade towards the limb, where the dots crowd together edge-on.
  alpha *= smoothstep(0.0, 0.45, vFacing);
  if (alpha <= 0.002) discard;
  vec3 color = mix(uShadow, uColor, smoothstep(0.15, 0.95, vLight));
  gl_FragColor = vec4(color, alpha);
  #include <colorspace_fragment>
}
`

interface LandMesh {
  mesh: InstancedMesh
  /** Whether the renderer has drawn the mesh yet. */
  drawn: () => boolean
}

/** One flat, tangent quad per land dot, all in one InstancedMesh (one draw call). */
function buildLandMesh({ dots, latticeCount }: LandLattice): LandMesh {
  // Mean spacing of an n-point lattice on the unit sphere: each point covers 4π/n of surface.
  const spacing = Math.sqrt((4 * Math.PI) / latticeCount) * GLOBE_RADIUS
  const size = spacing * LAND_DOT_FILL
  const geometry = new PlaneGeometry(1, 1)
  const material = new ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: {
      uColor: { value: new Color(LAND_COLOR) },
      uShadow: { value: new Color(LAND_SHADOW_COLOR) },
      uLightDir: { value: new Vector3(...LIGHT_DIRECTION_VIEW).normalize() },
    },
    transparent: true,
    depthWrite: false,
  })
  const mesh = new InstancedMesh(geometry, material, dots.count)
  mesh.name = 'land'
  mesh.renderOrder = 1
  const m = mesh.instanceMatrix.array as Float32Array
  const r = GLOBE_RADIUS + LAND_DOT_ALTITUDE
  const n: Vec3 = [0, 0, 0]
  for (let i = 0; i < dots.count; i++) {
    latLonToUnit(dots.lat[i]!, dots.lon[i]!, n)
    const [nx, ny, nz] = n
    // Tangent basis: east = normalize(up × n), north = n × east (any basis works for a round dot; near the
    // poles, where up × n vanishes, fall back to the x axis).
    let ex = nz
    let ey = 0
    let ez = -nx
    let el = Math.hypot(ex, ez)
    if (el < 1e-6) {
      ex = 0
      ey = -nz
      ez = ny
      el = Math.hypot(ey, ez)
    }
    ex /= el
    ey /= el
    ez /= el
    const bx = ny * ez - nz * ey
    const by = nz * ex - nx * ez
    const bz = nx * ey - ny * ex
    const o = i * 16
    // Column-major: x axis, y axis, z axis (the normal), translation.
    m[o] = ex * size
    m[o + 1] = ey * size
    m[o + 2] = ez * size
    m[o + 3] = 0
    m[o + 4] = bx * size
    m[o + 5] = by * size
    m[o + 6] = bz * size
    m[o + 7] = 0
    m[o + 8] = nx
    m[o + 9] = ny
    m[o + 10] = nz
    m[o + 11] = 0
    m[o + 12] = nx * r
    m[o + 13] = ny * r
    m[o + 14] = nz * r
    m[o + 15] = 1
  }
  mesh.instanceMatrix.needsUpdate = true
  mesh.computeBoundingSphere()
  let drawn = false
  mesh.onAfterRender = () => {
    drawn = true
  }
  return { mesh, drawn: () => drawn }
}

interface LandProps {
  /** Called once, after the first frame in which the land was drawn. */
  onFirstDraw?: () => void
}

/** The land as a lattice of small round dots. */
export function Land({ onFirstDraw }: LandProps) {
  const [lattice, setLattice] = useState<LandLattice | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    let live = true
    loadLand().then(
      (l) => live && setLattice(l),
      (e: unknown) => live && setError(e),
    )
    return () => {
      live = false
    }
  }, [])

  const land = useMemo(() => (lattice ? buildLandMesh(lattice) : null), [lattice])

  useEffect(() => {
    if (!land) return
    return () => {
      land.mesh.geometry.dispose()
      ;(land.mesh.material as ShaderMaterial).dispose()
      land.mesh.dispose()
    }
  }, [land])

  // Ready means drawn: the mesh notes its first draw, and the end of that frame passes it on.
  useEffect(() => {
    if (!land || !onFirstDraw) return
    const remove = addAfterEffect(() => {
      if (!land.drawn()) return
      remove()
      onFirstDraw()
    })
    return remove
  }, [land, onFirstDraw])

  // A failed load is the canvas's error (its error boundary shows the fallback), not a silently empty globe.
  if (error) throw error instanceof Error ? error : new Error('Could not load the land data', { cause: error })

  return land ? <primitive object={land.mesh} /> : null
}
