/**
 * Frames are drawn on demand. Anything that changes over the next moments (a colour fading after a failure, a
 * cross-fade between networks, a shock ring) asks for frames until then with animateFor(); the Animator
 * component keeps invalidating while the deadline lies ahead.
 */

import { useFrame, useThree } from '@react-three/fiber'
import { sceneNow } from './stateShader'

let until = 0

/** Keep frames coming for the next `seconds` (scene time). */
export function animateFor(seconds: number): void {
  until = Math.max(until, sceneNow() + seconds)
}

/** Whether something asked for frames that are still to come. */
export function isAnimating(now = sceneNow()): boolean {
  return now < until
}

/** Requests the next frame while an animation is under way. */
export function Animator() {
  const invalidate = useThree((s) => s.invalidate)
  useFrame(() => {
    if (isAnimating()) invalidate()
  })
  return null
}
