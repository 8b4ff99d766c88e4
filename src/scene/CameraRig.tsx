import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef, type RefObject } from 'react'
import { MathUtils, type Group, type PerspectiveCamera } from 'three'
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'
import { appStore } from '../store/appStore'
import { claimLead, isFollower } from './cameraLink'
import { ATMOSPHERE_RADIUS, CAMERA_ELEVATION_DEG } from './constants'
import { createFlights } from './flight'
import { shouldFly, type FocusState } from './flyTo'
import { focusOf, roomIn, useGlobeView } from './globeView'
import type { Room } from './room'
import { idle, inputEnded, inputStarted } from './idle'
import { inputMode } from './inputMode'
import { sceneNow } from './stateShader'
import { MIN_POLAR_DEG, dampingFor, fitDistanceInRoom, rotateSpeedAt, zoomRange } from './view'
import { shouldDraw } from './visibility'

/** Drag speed at the fitted distance (OrbitControls' rotateSpeed); closer, it slows down (view.ts). */
const ROTATE_SPEED = 0.45
/** Share of the remaining coast after a drag taken each frame, at 60 frames a second. */
const DAMPING = 0.08

interface CameraRigProps {
  /** The Earth group (Spin's), turned to fly to a scenario's place. */
  earth: RefObject<Group | null>
  reducedMotion: boolean
  /**
   * Zoom with the wheel and pinch (default on). An embed turns it off until the visitor clicks in, so the
   * wheel scrolls the host page instead of being captured by the globe.
   */
  zoom?: boolean
}

/**
 * The camera: keeps the whole globe and its halo in view at any aspect ratio, lets the visitor turn it by
 * dragging (with inertia) and zoom within limits (three's OrbitControls; no pan), and turns a scenario's place
 * to face the viewer when it starts (flight.ts). Input and flights hold the auto-rotation (idle.ts). Frames are
 * drawn on demand, so every change asks for one. What a press does depends on the tool in hand and on whether
 * the globe has focus (inputMode.ts). In a group of linked globes, the one the visitor touches leads, and only
 * the leader flies: the others follow it (cameraLink.ts).
 */
export function CameraRig({ earth, reducedMotion, zoom = true }: CameraRigProps) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera
  const domElement = useThree((s) => s.gl.domElement)
  const invalidate = useThree((s) => s.invalidate)
  const setThree = useThree((s) => s.set)
  const { network, link, room } = useGlobeView()
  /** The distance that fits the globe in the current viewport; zoom is kept relative to it across resizes. */
  const fit = useRef(0)

  // Built once per camera, attached to the canvas only while mounted (so StrictMode's remount re-attaches it).
  const controls = useMemo(() => {
    const c = new OrbitControls(camera)
    c.enablePan = false
    c.enableDamping = true
    c.dampingFactor = DAMPING
    c.rotateSpeed = ROTATE_SPEED
    c.zoomSpeed = 0.6
    // Keep the poles from flipping over the top.
    c.minPolarAngle = MathUtils.degToRad(MIN_POLAR_DEG)
    c.maxPolarAngle = MathUtils.degToRad(180 - MIN_POLAR_DEG)
    return c
  }, [camera])

  const fly = useMemo(() => createFlights(camera, controls, earth), [camera, controls, earth])

  useEffect(() => {
    fly.setAnimated(!reducedMotion)
  }, [fly, reducedMotion])

  // Published as fiber's controls, for Picking: a press with a tool holds the camera as a drag would.
  useEffect(() => {
    setThree({ controls })
    return () => setThree({ controls: null })
  }, [controls, setThree])

  useEffect(() => {
    // Reused for every store change (one per simulation step): nothing allocated per change.
    const next: FocusState = { focus: null, scenarioStartedAt: null }
    const before: FocusState = { focus: null, scenarioStartedAt: null }
    const unsubscribe = appStore.subscribe((s, prev) => {
      // A linked globe that follows another takes the leader's flight instead of flying by itself.
      if (isFollower(link)) return
      if (s.view !== prev.view && s.view) {
        fly.request(s.view, s.view.instant)
      } else {
        // Where the scenario happens on the network this globe shows (the store's focus is the active one's).
        next.focus = focusOf(s, network)
        next.scenarioStartedAt = s.scenarioStartedAt
        before.focus = focusOf(prev, network)
        before.scenarioStartedAt = prev.scenarioStartedAt
        if (!next.focus || !shouldFly(next, before)) return
        fly.request(next.focus)
      }
      // Off screen the flight waits: the first frame back starts it.
      if (shouldDraw()) invalidate()
    })
    return unsubscribe
  }, [fly, invalidate, link, network])

  // A flight cut short by unmounting must not hold the auto-rotation of the next scene. Only then: a globe that
  // joins a link group or changes network mid-flight (the compare view opening) flies on.
  useEffect(() => () => fly.cancel(), [fly])

  useEffect(() => {
    controls.enableZoom = zoom
  }, [controls, zoom])

  // The buttons and fingers follow the tool in hand, the globe's focus and whether the page is an embed.
  useEffect(() => {
    let focused = domElement.ownerDocument.activeElement === domElement
    const apply = () => {
      const { tool, embed } = appStore.getState()
      const mode = inputMode(tool, focused, embed)
      controls.mouseButtons.LEFT = mode.left
      controls.mouseButtons.RIGHT = mode.right
      controls.touches.ONE = mode.one
      controls.touches.TWO = mode.two
    }
    const onFocus = () => {
      focused = true
      apply()
    }
    const onBlur = () => {
      focused = false
      apply()
    }
    apply()
    domElement.addEventListener('focus', onFocus)
    domElement.addEventListener('blur', onBlur)
    const unsubscribe = appStore.subscribe((s, prev) => {
      if (s.tool !== prev.tool || s.embed !== prev.embed) apply()
    })
    return () => {
      domElement.removeEventListener('focus', onFocus)
      domElement.removeEventListener('blur', onBlur)
      unsubscribe()
    }
  }, [controls, domElement])

  useEffect(() => {
    const onChange = () => {
      // Zooming changes how far a drag should turn the globe.
      controls.rotateSpeed = rotateSpeedAt(camera.position.length(), fit.current, ROTATE_SPEED)
      if (shouldDraw()) invalidate()
    }
    // Any touch, drag, wheel turn or pinch: the visitor takes over from the auto-rotation and from a flight.
    const onStart = () => {
      fly.cancel()
      inputStarted(idle)
      claimLead(link)
    }
    const onEnd = () => inputEnded(idle, sceneNow())
    controls.connect(domElement)
    // OrbitControls forbids touch scrolling on the canvas; the stylesheet decides instead, by the globe's focus,
    // the tool in hand and whether the page is an embed (Globe.css, inputMode.ts).
    domElement.style.touchAction = ''
    controls.addEventListener('change', onChange)
    controls.addEventListener('start', onStart)
    controls.addEventListener('end', onEnd)
    return () => {
      controls.removeEventListener('change', onChange)
      controls.removeEventListener('start', onStart)
      controls.removeEventListener('end', onEnd)
      controls.disconnect()
      // A pointer held down when the scene goes away never sends its end.
      if (idle.interacting) inputEnded(idle, sceneNow())
    }
  }, [controls, domElement, invalidate, camera, fly, link])

  // Place the camera: above the equator by CAMERA_ELEVATION_DEG, far enough for the halo to fit in the room the
  // page's chrome leaves (room.ts), and shifted so the globe is centred in that room (a view offset: the camera
  // still looks at the Earth's centre, the picture moves). Fitted again whenever the canvas or the room changes.
  const fitted = useRef({ width: -1, height: -1, room: -1 })
  const roomNow = useMemo<Room>(() => ({ left: 0, top: 0, width: 0, height: 0 }), [])
  const refit = (width: number, height: number) => {
    const r = roomIn(room, width, height, roomNow)
    const distance = fitDistanceInRoom(ATMOSPHERE_RADIUS, camera.fov, height, Math.min(r.width, r.height))
    const range = zoomRange(distance)
    if (fit.current > 0) {
      // Later changes keep the visitor's view direction and zoom (relative to the fitted distance).
      const zoomed = (camera.position.length() / fit.current) * distance
      camera.position.setLength(MathUtils.clamp(zoomed, range.min, range.max))
    } else {
      const el = MathUtils.degToRad(CAMERA_ELEVATION_DEG)
      camera.position.set(0, Math.sin(el) * distance, Math.cos(el) * distance)
    }
    fit.current = distance
    const dx = r.left + r.width / 2 - width / 2
    const dy = r.top + r.height / 2 - height / 2
    if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) camera.clearViewOffset()
    else camera.setViewOffset(width, height, -dx, -dy, width, height)
    controls.minDistance = range.min
    controls.maxDistance = range.max
    controls.rotateSpeed = rotateSpeedAt(camera.position.length(), distance, ROTATE_SPEED)
    camera.lookAt(0, 0, 0)
    controls.update()
  }

  // A flight moves the globe and camera first; then damping keeps the globe coasting after a drag (for the same
  // time at any frame rate), and update() reports whether the camera still moves.
  useFrame(({ size }, delta) => {
    const f = fitted.current
    if (f.width !== size.width || f.height !== size.height || f.room !== room.version) {
      f.width = size.width
      f.height = size.height
      f.room = room.version
      refit(size.width, size.height)
      if (shouldDraw()) invalidate()
    }
    const flying = fly.update(sceneNow())
    controls.dampingFactor = dampingFor(DAMPING, delta)
    const moved = controls.update()
    if ((flying || moved) && shouldDraw()) invalidate()
  })

  return null
}
