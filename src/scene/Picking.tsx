import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef, type RefObject } from 'react'
import type { Group } from 'three'
import { appStore } from '../store/appStore'
import { roomIn, useGlobeView } from './globeView'
import type { Room } from './room'
import { createPicker, type Picker } from './picker'
import { createPickOverlay } from './pickOverlay'
import { shouldDraw } from './visibility'

/** What the canvas says to a screen reader, and how to use it from the keyboard. */
const CANVAS_LABEL =
  'Interactive globe of the network. Arrow keys turn it; Enter shows the node in the middle (or acts on it with ' +
  'the tool in hand); Escape puts its details away.'

/**
 * Pointing at the globe: node details on hover or tap, and the tool in hand acting on nodes, links and places
 * (picker.ts). Makes the canvas focusable, so the keyboard reaches the same details, and a touch device can
 * tell a tap meant for the globe from a swipe meant for the page (inputMode.ts). Mounted last in the scene: its
 * frame callback sees the camera and the Earth where every other callback left them.
 */
export function Picking({ earth }: { earth: RefObject<Group | null> }) {
  const { network, draft, room } = useGlobeView()
  const gl = useThree((s) => s.gl)
  const camera = useThree((s) => s.camera)
  const invalidate = useThree((s) => s.invalidate)
  const get = useThree((s) => s.get)
  const picker = useRef<Picker | null>(null)

  useEffect(() => {
    const canvas = gl.domElement
    const host = canvas.parentElement
    if (!host) return
    canvas.tabIndex = 0
    canvas.setAttribute('role', 'application')
    canvas.setAttribute('aria-roledescription', 'globe')
    canvas.setAttribute('aria-label', CANVAS_LABEL)
    const box: Room = { left: 0, top: 0, width: 0, height: 0 }
    const p = createPicker({
      canvas,
      overlay: createPickOverlay(host),
      camera,
      earth: () => earth.current,
      network,
      draft,
      invalidate: () => {
        if (shouldDraw()) invalidate()
      },
      size: () => get().size,
      centre: () => {
        const { width, height } = get().size
        const r = roomIn(room, width, height, box)
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 }
      },
      controls: () => get().controls,
    })
    picker.current = p
    const unsubscribe = appStore.subscribe((s, prev) => {
      if (s.tool !== prev.tool) p.toolChanged()
    })
    return () => {
      unsubscribe()
      p.dispose()
      if (picker.current === p) picker.current = null
    }
  }, [gl, camera, earth, network, draft, room, invalidate, get])

  useFrame(() => picker.current?.frame())

  return null
}
