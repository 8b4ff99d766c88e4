/**
 * What a press on the globe does, given the tool the controls set, whether the globe has focus and whether the
 * page is an embed. Plain values for three's OrbitControls, unit-tested; CameraRig applies them.
 *
 * - Turning (the 'rotate' tool): the left button turns the globe, and so does one finger on the demo's own page,
 *   from the first touch. Embedded in another page, one finger turns it only once the globe has focus (a tap or
 *   Tab gives it focus): before that, one finger scrolls the host page past it (issue 4), and the stylesheet lets
 *   the browser do so (Globe.css). The full page has nothing to scroll, and a swipe the globe did not take would
 *   go to the browser (a sideways one navigates back). Two fingers always pinch to zoom.
 * - Any other tool: the left button and one finger act with the tool (Picking.tsx), never turn the globe; the
 *   right button still turns it on a desktop, and two fingers still zoom.
 */

import { MOUSE, TOUCH } from 'three'
import type { Tool } from '../store/store'

export interface InputMode {
  left: MOUSE | null
  right: MOUSE | null
  one: TOUCH | null
  two: TOUCH
}

export function inputMode(tool: Tool, focused: boolean, embedded: boolean): InputMode {
  if (tool !== 'rotate') return { left: null, right: MOUSE.ROTATE, one: null, two: TOUCH.DOLLY_PAN }
  const one = focused || !embedded ? TOUCH.ROTATE : null
  return { left: MOUSE.ROTATE, right: MOUSE.PAN, one, two: TOUCH.DOLLY_PAN }
}
