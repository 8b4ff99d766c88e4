import { MOUSE, TOUCH } from 'three'
import { describe, expect, it } from 'vitest'
import { inputMode } from './inputMode'

describe('what a press does', () => {
  it('turns the globe with the mouse, and with one finger from the first touch on the full page', () => {
    expect(inputMode('rotate', false, false)).toMatchObject({ left: MOUSE.ROTATE, one: TOUCH.ROTATE })
    expect(inputMode('rotate', true, false)).toMatchObject({ left: MOUSE.ROTATE, one: TOUCH.ROTATE })
  })

  it('embedded, turns the globe with one finger only once the globe has focus', () => {
    expect(inputMode('rotate', false, true)).toMatchObject({ left: MOUSE.ROTATE, one: null, two: TOUCH.DOLLY_PAN })
    expect(inputMode('rotate', true, true)).toMatchObject({ left: MOUSE.ROTATE, one: TOUCH.ROTATE })
  })

  it('never turns the globe with the left button or one finger while a tool is in hand', () => {
    for (const tool of ['failNode', 'cutLink', 'drawDisaster'] as const) {
      for (const [focused, embedded] of [false, true].flatMap((f) => [false, true].map((e) => [f, e] as const))) {
        const mode = inputMode(tool, focused, embedded)
        expect(mode.left).toBeNull()
        expect(mode.one).toBeNull()
        // The right button still turns it; two fingers still zoom.
        expect(mode.right).toBe(MOUSE.ROTATE)
        expect(mode.two).toBe(TOUCH.DOLLY_PAN)
      }
    }
  })
})
