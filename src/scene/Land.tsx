import { addAfterEffect, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useState } from 'react'
import { BufferAttribute, BufferGeometry, Color, Points, ShaderMaterial, Vector3 } from 'three'
import { latLonToUnit, type Vec3 } from '../sim/geo'
import { GLOBE_RADIUS, LAND_DOT_ALTITUDE, LAND_DOT_FILL, LIGHT_DIRECTION_VIEW, SCENE_THEMES } from './constants'
import { useAppStore } from '../store/appStore'
import { loadLand, type LandLattice } from './landData'
import { POINT_GLSL, pointScaleUniform, usePointScale } from './points'

const vertexShader = /* glsl */ `
uniform vec3 uLightDir;
uniform float uSize;
${POINT_GLSL}

varying float vFacing;
varying float vLight;

void main() {
  vec4 mvPosition = modelViewMatrix * vec4(position, 1.0);
  // On a sphere about the origin, a dot's position is also its surface normal.
  vec3 normalView = normalize(mat3(modelViewMatrix) * position);
  vFacing = dot(normalView, normalize(-mvPosition.xyz));
  vLight = clamp(dot(normalView, uLightDir) * 0.5 + 0.5, 0.0, 1.0);
  // Dots seen edge-on near the limb would be ellipses; shrink them there instead.
  gl_PointSize = pointPixels(uSize, mvPosition) * mix(0.55, 1.0, smoothstep(0.0, 0.6, vFacing));
  gl_Position = vFacing <= 0.0 ? HIDDEN_POINT : projectionMatrix * mvPosition;
}
`

const fragmentShader = /* glsl */ `
uniform vec3 uColor;
uniform vec3 uShadow;

varying float vFacing;
varying float vLight;

void main() {
  // A round dot, antialiased over about one pixel whatever its size on screen.
  float d = length(gl_PointCoord - 0.5) * 2.0;
  float aa = max(fwidth(d), 1e-4);
  float alpha = 1.0 - smoothstep(1.0 - aa, 1.0 + aa, d);
  // Fade towards the limb, where the dots crowd together.
  alpha *= smoothstep(0.0, 0.45, vFacing);
  if (alpha <= 0.002) discard;
  vec3 color = mix(uShadow, uColor, smoothstep(0.15, 0.95, vLight));
  gl_FragColor = vec4(color, alpha);
  #include <colorspace_fragment>
}
`

interface LandMesh {
  points: Points
  material: ShaderMaterial
  /** Whether the renderer has drawn the dots yet. */
  drawn: () => boolean
}

/** One GL point per land dot, all in one draw call. */
function buildLandPoints({ dots, latticeCount }: LandLattice): LandMesh {
  // Mean spacing of an n-point lattice on the unit sphere: each point covers 4π/n of surface.
  const spacing = Math.sqrt((4 * Math.PI) / latticeCount) * GLOBE_RADIUS
  const positions = new Float32Array(dots.count * 3)
  const r = GLOBE_RADIUS + LAND_DOT_ALTITUDE
  const n: Vec3 = [0, 0, 0]
  for (let i = 0; i < dots.count; i++) {
    latLonToUnit(dots.lat[i]!, dots.lon[i]!, n)
    positions[i * 3] = n[0] * r
    positions[i * 3 + 1] = n[1] * r
    positions[i * 3 + 2] = n[2] * r
  }
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(positions, 3))
  const material = new ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: {
      ...pointScaleUniform(),
      uSize: { value: spacing * LAND_DOT_FILL },
      uColor: { value: new Color(SCENE_THEMES.dark.land) },
      uShadow: { value: new Color(SCENE_THEMES.dark.landShadow) },
      uLightDir: { value: new Vector3(...LIGHT_DIRECTION_VIEW).normalize() },
    },
    transparent: true,
    depthWrite: false,
  })
  const points = new Points(geometry, material)
  points.name = 'land'
  points.renderOrder = 1
  points.frustumCulled = false
  let drawn = false
  points.onAfterRender = () => {
    drawn = true
  }
  return { points, material, drawn: () => drawn }
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

  const land = useMemo(() => (lattice ? buildLandPoints(lattice) : null), [lattice])
  usePointScale(land?.material)

  // The dots' colours follow the theme.
  const theme = useAppStore((s) => s.theme)
  const invalidate = useThree((s) => s.invalidate)
  useEffect(() => {
    if (!land) return
    ;(land.material.uniforms.uColor!.value as Color).set(SCENE_THEMES[theme].land)
    ;(land.material.uniforms.uShadow!.value as Color).set(SCENE_THEMES[theme].landShadow)
    invalidate()
  }, [land, theme, invalidate])

  useEffect(() => {
    if (!land) return
    return () => {
      land.points.geometry.dispose()
      land.material.dispose()
    }
  }, [land])

  // Ready means drawn: the mesh notes its first draw, and the end of that frame passes it on.
  useEffect(() => {
    if (!land || !onFirstDraw) return
    // The first frame may already have drawn it (and under reduced motion nothing asks for another).
    if (land.drawn()) {
      onFirstDraw()
      return
    }
    const remove = addAfterEffect(() => {
      if (!land.drawn()) return
      remove()
      onFirstDraw()
    })
    return remove
  }, [land, onFirstDraw])

  // A failed load is the canvas's error (its error boundary shows the fallback), not a silently empty globe.
  if (error) throw error instanceof Error ? error : new Error('Could not load the land data', { cause: error })

  return land ? <primitive object={land.points} /> : null
}
