import { useThree } from '@react-three/fiber'
import { useEffect, useMemo } from 'react'
import { Color, ShaderMaterial, SphereGeometry, Vector3 } from 'three'
import { useAppStore } from '../store/appStore'
import { GLOBE_RADIUS, LIGHT_DIRECTION_VIEW, SCENE_THEMES } from './constants'

const vertexShader = /* glsl */ `
varying vec3 vNormalView;
varying vec3 vToCamera;

void main() {
  vec4 mvPosition = modelViewMatrix * vec4(position, 1.0);
  vNormalView = normalize(normalMatrix * normal);
  vToCamera = -mvPosition.xyz;
  gl_Position = projectionMatrix * mvPosition;
}
`

const fragmentShader = /* glsl */ `
uniform vec3 uDeep;
uniform vec3 uLit;
uniform vec3 uRim;
uniform vec3 uLightDir;

varying vec3 vNormalView;
varying vec3 vToCamera;

void main() {
  vec3 n = normalize(vNormalView);
  float facing = clamp(dot(n, normalize(vToCamera)), 0.0, 1.0);
  // Soft wrap-around light: the dark side stays readable, the lit side glows a little.
  float light = clamp(dot(n, uLightDir) * 0.5 + 0.5, 0.0, 1.0);
  vec3 color = mix(uDeep, uLit, light * light);
  // Fresnel rim: the atmosphere seen through its thickest part, at the limb.
  float rim = pow(1.0 - facing, 4.0);
  color += uRim * rim * (0.25 + 0.6 * light);
  gl_FragColor = vec4(color, 1.0);
  #include <colorspace_fragment>
}
`

/** The ocean: a dark sphere of GLOBE_RADIUS with soft light and a fresnel rim. */
export function Earth() {
  const geometry = useMemo(() => new SphereGeometry(GLOBE_RADIUS, 96, 64), [])
  const material = useMemo(
    () =>
      new ShaderMaterial({
        vertexShader,
        fragmentShader,
        uniforms: {
          uDeep: { value: new Color(SCENE_THEMES.dark.oceanDeep) },
          uLit: { value: new Color(SCENE_THEMES.dark.oceanLit) },
          uRim: { value: new Color(SCENE_THEMES.dark.oceanRim) },
          uLightDir: { value: new Vector3(...LIGHT_DIRECTION_VIEW).normalize() },
        },
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
  // The sea's colours follow the theme.
  const theme = useAppStore((s) => s.theme)
  const invalidate = useThree((s) => s.invalidate)
  useEffect(() => {
    const c = SCENE_THEMES[theme]
    ;(material.uniforms.uDeep!.value as Color).set(c.oceanDeep)
    ;(material.uniforms.uLit!.value as Color).set(c.oceanLit)
    ;(material.uniforms.uRim!.value as Color).set(c.oceanRim)
    invalidate()
  }, [theme, material, invalidate])
  return <mesh geometry={geometry} material={material} renderOrder={0} />
}
