import { useFrame } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import { Color, type Mesh, ShaderMaterial, SphereGeometry, Vector3 } from 'three'
import { EARTH_RADIUS_KM, latLonToUnit, type Vec3 } from '../sim/geo'
import { appStore } from '../store/appStore'
import { GLOBE_RADIUS, PALETTE } from './constants'

const vertexShader = /* glsl */ `
varying vec3 vDir;
void main() {
  vDir = normalize(position);
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`

// The cap is found per pixel from the angle to its centre, so its edge is a true circle on the sphere at any size.
const fragmentShader = /* glsl */ `
uniform vec3 uCentre;
uniform float uAngle;
uniform vec3 uColor;
varying vec3 vDir;

void main() {
  float a = acos(clamp(dot(normalize(vDir), uCentre), -1.0, 1.0));
  if (a > uAngle) discard;
  float edge = 1.0 - smoothstep(0.0, max(fwidth(a) * 2.5, uAngle * 0.04), uAngle - a);
  float alpha = 0.2 + 0.6 * edge;
  gl_FragColor = vec4(uColor, alpha);
  #include <colorspace_fragment>
}
`

const centre: Vec3 = [0, 0, 0]

/** A regional disaster's area: a translucent red cap on the globe with a bright edge, while the scenario lasts. */
export function DisasterArea() {
  const built = useMemo(() => {
    const geometry = new SphereGeometry(GLOBE_RADIUS * 1.0015, 128, 64)
    const material = new ShaderMaterial({
      vertexShader,
      fragmentShader,
      uniforms: {
        uCentre: { value: new Vector3(0, 0, 1) },
        uAngle: { value: 0 },
        uColor: { value: new Color(PALETTE.disaster) },
      },
      transparent: true,
      depthWrite: false,
    })
    return { geometry, material }
  }, [])

  const ref = useRef<Mesh>(null)

  useEffect(
    () => () => {
      built.geometry.dispose()
      built.material.dispose()
    },
    [built],
  )

  useFrame(() => {
    const { scenario, scenarioStartedAt } = appStore.getState()
    const mesh = ref.current
    if (!mesh) return
    const show = scenario.kind === 'region' && scenarioStartedAt !== null
    mesh.visible = show
    if (!show || scenario.kind !== 'region') return
    latLonToUnit(scenario.lat, scenario.lon, centre)
    ;(built.material.uniforms.uCentre!.value as Vector3).set(centre[0], centre[1], centre[2])
    built.material.uniforms.uAngle!.value = Math.min(Math.PI, scenario.radiusKm / EARTH_RADIUS_KM)
  })

  return (
    <mesh
      ref={ref}
      name="disaster-area"
      geometry={built.geometry}
      material={built.material}
      renderOrder={1}
      visible={false}
    />
  )
}
