import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import { MathUtils, type PerspectiveCamera } from 'three'
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'
import { ATMOSPHERE_RADIUS, CAMERA_ELEVATION_DEG, FIT_MARGIN } from './constants'

/** Camera distance at which a sphere of the given radius fills FIT_MARGIN of the narrower half field of view. */
export function fitDistance(radius: number, fovDeg: number, aspect: number): number {
  const halfV = MathUtils.degToRad(fovDeg) / 2
  const halfH = Math.atan(Math.tan(halfV) * aspect)
  return radius / Math.sin(Math.min(halfV, halfH) * FIT_MARGIN)
}

interface CameraRigProps {
  /** Set while the visitor drags the globe (auto-rotation pauses). */
  onDragChange?: (dragging: boolean) => void
}

/**
 * Keeps the whole globe and its halo in view at any aspect ratio, and lets the visitor turn it by dragging
 * (three's OrbitControls, no zoom or pan). Frames are drawn on demand, so every change asks for one.
 */
export function CameraRig({ onDragChange }: CameraRigProps) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera
  const domElement = useThree((s) => s.gl.domElement)
  const aspect = useThree((s) => s.size.width / Math.max(1, s.size.height))
  const invalidate = useThree((s) => s.invalidate)
  const placed = useRef(false)
  const dragChange = useRef(onDragChange)
  useEffect(() => {
    dragChange.current = onDragChange
  }, [onDragChange])

  // Built once per camera, attached to the canvas only while mounted (so StrictMode's remount re-attaches it).
  const controls = useMemo(() => {
    const c = new OrbitControls(camera)
    c.enablePan = false
    c.enableZoom = false
    c.enableDamping = true
    c.dampingFactor = 0.08
    c.rotateSpeed = 0.45
    // Keep the poles from flipping over the top.
    c.minPolarAngle = MathUtils.degToRad(15)
    c.maxPolarAngle = MathUtils.degToRad(165)
    return c
  }, [camera])

  useEffect(() => {
    const onChange = () => invalidate()
    const onStart = () => dragChange.current?.(true)
    const onEnd = () => dragChange.current?.(false)
    controls.connect(domElement)
    controls.addEventListener('change', onChange)
    controls.addEventListener('start', onStart)
    controls.addEventListener('end', onEnd)
    return () => {
      controls.removeEventListener('change', onChange)
      controls.removeEventListener('start', onStart)
      controls.removeEventListener('end', onEnd)
      controls.disconnect()
    }
  }, [controls, domElement, invalidate])

  // Place the camera: above the equator by CAMERA_ELEVATION_DEG, far enough for the halo to fit.
  useEffect(() => {
    const distance = fitDistance(ATMOSPHERE_RADIUS, camera.fov, aspect)
    if (placed.current) {
      // Later size changes keep the visitor's view direction and only refit the distance.
      camera.position.setLength(distance)
    } else {
      const el = MathUtils.degToRad(CAMERA_ELEVATION_DEG)
      camera.position.set(0, Math.sin(el) * distance, Math.cos(el) * distance)
      placed.current = true
    }
    camera.lookAt(0, 0, 0)
    controls.update()
    invalidate()
  }, [camera, aspect, controls, invalidate])

  // Damping keeps the globe coasting after a drag; update() reports whether the camera still moves.
  useFrame(() => {
    if (controls.update()) invalidate()
  })

  return null
}
