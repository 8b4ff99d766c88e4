import { useThree } from '@react-three/fiber'
import { useEffect, useMemo } from 'react'
import { AdditiveBlending, BackSide, Color, ShaderMaterial, SphereGeometry, Vector3 } from 'three'
import { useAppStore } from '../store/appStore'
import { ATMOSPHERE_RADIUS, GLOBE_RADIUS, LIGHT_DIRECTION_VIEW, SCENE_THEMES } from './constants'

const vertexShader = /* glsl */ `
varying vec3 vPositionView;
varying vec3 vCentreView;

void main() {
  vec4 mvPosition = modelViewMatrix * vec4(position, 1.0);
  vPositionView = mvPosition.xyz;
  vCentreView = (modelViewMatrix * vec4(0.0, 0.0, 0.0, 1.0)).xyz;
  gl_Position = projectionMatrix * mvPosition;
}
`

// Drawn on the back faces of a shell around the globe, so only the ring outside the globe's disc shows (the
// ocean hides the rest by depth). The glow fades with how far the line of sight passes from the globe's centre:
// full at the globe's limb, nothing at the shell's outer edge, so the halo has no hard rim. That distance is
// computed per pixel from the view ray (not from interpolated normals), so the shell's facets never show.
const fragmentShader = /* glsl */ `
uniform vec3 uColor;
uniform vec3 uLightDir;
uniform float uInner;
uniform float uOuter;

varying vec3 vPositionView;
varying vec3 vCentreView;

void main() {
  vec3 ray = normalize(vPositionView);
  vec3 toCentre = vCentreView - ray * dot(vCentreView, ray);
  float passBy = length(toCentre);
  // The direction from the centre to the ray's closest point: where on the limb this pixel is, for the light.
  vec3 n = -toCentre / max(passBy, 1e-6);
  float t = clamp((uOuter - passBy) / (uOuter - uInner), 0.0, 1.0);
  // A thin bright band hugging the limb over a faint, wide haze.
  float glow = 0.75 * pow(t, 5.0) + 0.16 * pow(t, 1.8);
  float light = clamp(dot(n, uLightDir) * 0.5 + 0.5, 0.0, 1.0);
  gl_FragColor = vec4(uColor * glow * (0.3 + 0.9 * light), 1.0);
  #include <colorspace_fragment>
}
`

/** A soft rim glow: a slightly larger back-side sphere whose small shader fades out from the limb, added on top. */
export function Atmosphere() {
  const geometry = useMemo(() => new SphereGeometry(ATMOSPHERE_RADIUS, 96, 64), [])
  const material = useMemo(
    () =>
      new ShaderMaterial({
        vertexShader,
        fragmentShader,
        uniforms: {
          uColor: { value: new Color(SCENE_THEMES.dark.atmosphere) },
          uLightDir: { value: new Vector3(...LIGHT_DIRECTION_VIEW).normalize() },
          uInner: { value: GLOBE_RADIUS },
          uOuter: { value: ATMOSPHERE_RADIUS },
        },
        side: BackSide,
        blending: AdditiveBlending,
        transparent: true,
        depthWrite: false,
      }),
    [],
  )
  useEffect(
    () => () => {
      geometry.dispose()
      material.dispose()
    },
    [geometry, material],
  )
  const theme = useAppStore((s) => s.theme)
  const invalidate = useThree((s) => s.invalidate)
  useEffect(() => {
    ;(material.uniforms.uColor!.value as Color).set(SCENE_THEMES[theme].atmosphere)
    invalidate()
  }, [theme, material, invalidate])
  return <mesh geometry={geometry} material={material} renderOrder={2} />
}
