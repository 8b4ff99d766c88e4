import { useThree } from '@react-three/fiber'
import { useEffect, useMemo } from 'react'
import { AdditiveBlending, BufferAttribute, BufferGeometry, Color, DoubleSide, ShaderMaterial, Vector3 } from 'three'
import { useAppStore } from '../store/appStore'
import { ATMOSPHERE_RADIUS, GLOBE_RADIUS, LIGHT_DIRECTION_VIEW, SCENE_THEMES } from './constants'

/** Segments around the ring; its outer edge is pushed out so the polygon holds the whole halo. */
const SEGMENTS = 160

// The ring is drawn on a flat annulus facing the camera, in the plane through the globe's centre: it covers the
// halo outside the globe's outline and a hair inside it, and nothing of the disc. (A shell around the globe would
// cover the whole disc too, and a software rasteriser pays for every pixel the ocean then hides.) A vertex is
// (cos a, sin a, inner 0 or outer 1); its radius in that plane is where the line of sight that passes the centre
// at distance p meets it: p·d/√(d² − p²), for a camera at distance d.
const vertexShader = /* glsl */ `
uniform float uInner;
uniform float uOuter;
varying vec3 vPositionView;
varying vec3 vCentreView;

float planeRadius(float p, float d) {
  p = min(p, d * 0.999);
  return p * d / sqrt(d * d - p * p);
}

void main() {
  vec3 c = (modelViewMatrix * vec4(0.0, 0.0, 0.0, 1.0)).xyz;
  float d = length(c);
  vec3 axis = c / d;
  vec3 helper = abs(axis.y) < 0.99 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0);
  vec3 u = normalize(cross(axis, helper));
  vec3 v = cross(u, axis);
  float r = position.z > 0.5
    ? planeRadius(uOuter, d) / cos(${(Math.PI / SEGMENTS).toFixed(6)})
    : planeRadius(uInner * 0.97, d);
  vec3 p = c + (u * position.x + v * position.y) * r;
  vPositionView = p;
  vCentreView = c;
  gl_Position = projectionMatrix * vec4(p, 1.0);
}
`

/** The annulus: SEGMENTS quads between an inner and an outer circle (placed by the vertex shader). */
function ringGeometry(): BufferGeometry {
  const positions = new Float32Array((SEGMENTS + 1) * 2 * 3)
  for (let i = 0; i <= SEGMENTS; i++) {
    const a = (i / SEGMENTS) * Math.PI * 2
    for (let side = 0; side < 2; side++) positions.set([Math.cos(a), Math.sin(a), side], (i * 2 + side) * 3)
  }
  const index: number[] = []
  for (let i = 0; i < SEGMENTS; i++) {
    const k = i * 2
    index.push(k, k + 1, k + 3, k, k + 3, k + 2)
  }
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new BufferAttribute(positions, 3))
  geometry.setIndex(index)
  return geometry
}

// The glow fades with how far the line of sight passes from the globe's centre:
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

/** A soft rim glow around the globe's outline, fading out from the limb, added on top. */
export function Atmosphere() {
  const geometry = useMemo(() => ringGeometry(), [])
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
        side: DoubleSide,
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
  // Never culled: the annulus's own vertices (a unit circle) say nothing of where the shader puts it.
  return <mesh geometry={geometry} material={material} renderOrder={2} frustumCulled={false} />
}
