import { describe, expect, it } from 'vitest'
import { KEY_BINDINGS } from '../../story/keys'
import { routeKey, takesKey, type KeyContext, type KeyTarget } from './keyRouting'

const presenting: KeyContext = { stepCount: 8, helpOpen: false, blanked: false }
const idle: KeyContext = { stepCount: 0, helpOpen: false, blanked: false }

function press(key: string, ctx = presenting, target: KeyTarget = 'other', mods: Partial<KeyboardEvent> = {}) {
  return routeKey({ key, ctrlKey: false, altKey: false, metaKey: false, ...mods }, target, ctx)
}

describe('presenter keys', () => {
  it('move through the story with a clicker’s keys, Home and digits', () => {
    for (const key of [' ', 'ArrowRight', 'PageDown']) expect(press(key)).toEqual({ do: 'next' })
    for (const key of ['ArrowLeft', 'PageUp']) expect(press(key)).toEqual({ do: 'previous' })
    expect(press('Home')).toEqual({ do: 'goTo', index: 0 })
    expect(press('1')).toEqual({ do: 'goTo', index: 0 })
    expect(press('8')).toEqual({ do: 'goTo', index: 7 })
  })

  it('leave alone the keys the demo does not use, so the page around gets them', () => {
    for (const key of ['x', 'ArrowDown', 'ArrowUp', 'End', 'Tab', 'Enter']) {
      expect(press(key)).toBeNull()
      expect(takesKey(press(key))).toBe(false)
    }
    // A digit past the last step, and keys with Ctrl, Alt or Meta (the browser's shortcuts).
    expect(press('9')).toBeNull()
    expect(press('f', presenting, 'other', { ctrlKey: true })).toBeNull()
    expect(press('ArrowRight', presenting, 'other', { altKey: true })).toBeNull()
  })

  it('leave stepping keys alone when no story is presented', () => {
    for (const key of [' ', 'ArrowRight', 'PageDown', 'ArrowLeft', 'PageUp', 'Home', '1'])
      expect(press(key, idle)).toBeNull()
    expect(press('b', idle)).toEqual({ do: 'blank' })
    expect(press('?', idle)).toEqual({ do: 'help' })
    expect(press('F', idle)).toEqual({ do: 'fullscreen' })
    expect(press('h', idle)).toEqual({ do: 'hide' })
  })

  it('never take a key typed into a field, nor Space or Enter on a button', () => {
    for (const b of KEY_BINDINGS) for (const key of b.keys) expect(press(key, presenting, 'field')).toBeNull()
    expect(press(' ', presenting, 'button')).toBeNull()
    expect(press('Enter', presenting, 'button')).toBeNull()
    expect(press('ArrowRight', presenting, 'button')).toEqual({ do: 'next' })
  })

  it('bring a blanked screen back with the blank key or any stepping key, without stepping', () => {
    const blanked = { ...presenting, blanked: true }
    for (const key of ['b', '.', ' ', 'PageDown', 'PageUp', 'Home', '3', 'Escape'])
      expect(press(key, blanked)).toEqual({ do: 'unblank' })
    expect(press('b')).toEqual({ do: 'blank' })
    expect(press('.')).toEqual({ do: 'blank' })
  })

  it('close the help with Esc or ?, and otherwise let Esc go to the page without taking it', () => {
    const help = { ...presenting, helpOpen: true }
    expect(press('Escape', help)).toEqual({ do: 'closeHelp' })
    expect(takesKey(press('Escape', help))).toBe(true)
    expect(press('?', help)).toEqual({ do: 'help' })
    expect(press('Escape')).toEqual({ do: 'release' })
    expect(takesKey(press('Escape'))).toBe(false)
  })

  it('route every binding of the table to a command', () => {
    const nine = { ...presenting, stepCount: 9 }
    for (const b of KEY_BINDINGS)
      for (const key of b.keys) expect(press(key, nine), `${b.action} ${key}`).not.toBeNull()
  })
})
