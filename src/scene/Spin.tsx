import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef, type ReactNode, type RefObject } from 'react'
import type { Group } from 'three'
import { appStore } from '../store/appStore'
import { SPIN_RADIANS_PER_SECOND, START_LONGITUDE } from './constants'
import { isFollower } from './cameraLink'
import { spinFacing, wrapAngle } from './flyTo'
import { useGlobeView } from './globeView'
import { idle, secondsUntilSpin, spinFactor } from './idle'
import { sceneNow } from './stateShader'
import { shouldDraw } from './visibility'

const INITIAL_ROTATION: [number, number, number] = [0, spinFacing(START_LONGITUDE), 0]

interface SpinProps {
  /** The Earth group: everything on the globe is in it. CameraRig turns it too, to fly to a place. */
  earth: RefObject<Group | null>
  /** False under prefers-reduced-motion: then the globe never turns by itself. */
  enabled: boolean
  children?: ReactNode
}

/**
 * Turns its children slowly about the Earth's axis, west to east, asking for each next frame while it does. It
 * turns only while the store's autoRotate is on, and idle.ts allows it (nobody touching the globe for a while,
 * no flight under way); when a hold ends it wakes the on-demand frame loop with a timer, as no frame would
 * come by itself. A globe that follows another's camera (cameraLink.ts) does not turn by itself: it is turned.
 */
export function Spin({ earth, enabled, children }: SpinProps) {
  const invalidate = useThree((s) => s.invalidate)
  const wake = useRef<ReturnType<typeof setTimeout> | null>(null)
  const { link } = useGlobeView()

  // Resume the frame loop when spinning is switched back on.
  useEffect(() => {
    if (enabled) invalidate()
  }, [enabled, invalidate])

  useEffect(
    () => () => {
      if (wake.current !== null) clearTimeout(wake.current)
      wake.current = null
    },
    [],
  )

  useFrame((_, delta) => {
    const group = earth.current
    if (!enabled || !group || !appStore.getState().autoRotate || !shouldDraw() || isFollower(link)) return
    const now = sceneNow()
    const k = spinFactor(idle, now)
    if (k > 0) {
      // Clamp: the first frame after an idle spell would otherwise jump. Wrapped, so the angle stays small.
      group.rotation.y = wrapAngle(group.rotation.y + Math.min(delta, 0.1) * SPIN_RADIANS_PER_SECOND * k)
      invalidate()
      return
    }
    const wait = secondsUntilSpin(idle, now)
    if (wait !== null && wake.current === null) {
      // If the hold is stretched meanwhile, this frame finds it still on and sets the next timer.
      wake.current = setTimeout(
        () => {
          wake.current = null
          if (shouldDraw()) invalidate()
        },
        wait * 1000 + 20,
      )
    }
  })

  return (
    <group ref={earth} name="earth" rotation={INITIAL_ROTATION}>
      {children}
    </group>
  )
}
