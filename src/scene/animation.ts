/**
 * Frames are drawn on demand. Anything that changes over the next moments (a colour fading after a failure, a
 * cross-fade between networks, a shock ring) asks for frames until then with animateFor(); the Animator
 * component keeps invalidating while the deadline lies ahead, and while frames are worth drawing (visibility.ts):
 * transitions run on the scene clock, so one that ends while the page is hidden is simply over when it returns.
 */

import { useFrame, useThree } from '@react-three/fiber'
import { sceneNow } from './stateShader'
import { shouldDraw } from './visibility'

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
    if (isAnimating() && shouldDraw()) invalidate()
  })
  return null
}
