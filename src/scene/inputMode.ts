/**
 * What a press on the globe does, given the tool the controls set and whether the globe has focus. Plain
 * values for three's OrbitControls, unit-tested; CameraRig applies them.
 *
 * - Turning (the 'rotate' tool): the left button turns the globe. One finger turns it only once the globe has
 *   focus (a tap or Tab gives it focus): before that, one finger scrolls the page past it (issue 4), and the
 *   stylesheet lets the browser do so (Globe.css). Two fingers always pinch to zoom.
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

export function inputMode(tool: Tool, focused: boolean): InputMode {
  if (tool !== 'rotate') return { left: null, right: MOUSE.ROTATE, one: null, two: TOUCH.DOLLY_PAN }
  return { left: MOUSE.ROTATE, right: MOUSE.PAN, one: focused ? TOUCH.ROTATE : null, two: TOUCH.DOLLY_PAN }
}
