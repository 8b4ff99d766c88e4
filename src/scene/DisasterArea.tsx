import { useFrame } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import { Color, type Mesh, ShaderMaterial, SphereGeometry, Vector3 } from 'three'
import { EARTH_RADIUS_KM, latLonToUnit, type Vec3 } from '../sim/geo'
import { appStore } from '../store/appStore'
import { GLOBE_RADIUS, PALETTE } from './constants'
import { useGlobeView } from './globeView'

const vertexShader = /* glsl */ `
varying vec3 vDir;
void main() {
  vDir = normalize(position);
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`

// The cap is found per pixel from the angle to its centre, so its edge is a true circle on the sphere at any size.
// While the visitor drags one out (uPreview = 1) it is drawn lighter, with a dashed white rim and a dot at its
// centre: a proposal, not yet a disaster.
const fragmentShader = /* glsl */ `
uniform vec3 uCentre;
uniform float uAngle;
uniform vec3 uColor;
uniform float uPreview;
varying vec3 vDir;

void main() {
  vec3 dir = normalize(vDir);
  float a = acos(clamp(dot(dir, uCentre), -1.0, 1.0));
  float aa = max(fwidth(a), 1e-5);
  if (uPreview < 0.5) {
    if (a > uAngle) discard;
    float edge = 1.0 - smoothstep(0.0, max(aa * 2.5, uAngle * 0.04), uAngle - a);
    gl_FragColor = vec4(uColor, 0.2 + 0.6 * edge);
  } else {
    float centreDot = 1.0 - smoothstep(0.006, 0.006 + aa * 1.5, a);
    float near = 1.0 - smoothstep(aa * 1.2, aa * 2.6, abs(a - uAngle));
    if (a > uAngle && near <= 0.0 && centreDot <= 0.0) discard;
    // Azimuth about the centre, for the dashes along the rim.
    vec3 side = abs(uCentre.y) < 0.99 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0);
    vec3 e1 = normalize(cross(uCentre, side));
    vec3 e2 = cross(uCentre, e1);
    float azimuth = atan(dot(dir, e2), dot(dir, e1));
    float rim = near * step(0.5, fract(azimuth * 7.6394)); // 48 dashes around
    float inside = 1.0 - step(uAngle, a);
    vec3 color = mix(uColor, vec3(1.0), max(rim, centreDot));
    gl_FragColor = vec4(color, max(max(0.16 * inside, rim * 0.95), centreDot * 0.9));
  }
  #include <colorspace_fragment>
}
`

const centre: Vec3 = [0, 0, 0]

/**
 * A regional disaster's area: a translucent red cap on the globe with a bright edge, while the scenario lasts;
 * and, while the visitor drags one out with the disaster tool, that area instead (Picking.tsx fills the draft).
 */
export function DisasterArea() {
  const { draft } = useGlobeView()
  const built = useMemo(() => {
    const geometry = new SphereGeometry(GLOBE_RADIUS * 1.0015, 128, 64)
    const material = new ShaderMaterial({
      vertexShader,
      fragmentShader,
      uniforms: {
        uCentre: { value: new Vector3(0, 0, 1) },
        uAngle: { value: 0 },
        uColor: { value: new Color(PALETTE.disaster) },
        uPreview: { value: 0 },
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
    const area = draft.active ? draft : scenario.kind === 'region' && scenarioStartedAt !== null ? scenario : null
    mesh.visible = area !== null
    if (!area) return
    latLonToUnit(area.lat, area.lon, centre)
    const u = built.material.uniforms
    ;(u.uCentre!.value as Vector3).set(centre[0], centre[1], centre[2])
    u.uAngle!.value = Math.min(Math.PI, area.radiusKm / EARTH_RADIUS_KM)
    u.uPreview!.value = draft.active ? 1 : 0
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
