/**
 * What a key press does in the presenter mode, decided from the one key table (src/story/keys.ts) and the state of
 * the page, without touching either: null means the demo does not use the key, so it is left alone (never
 * preventDefault) for the browser, the focused control, or the slide deck around an embedded demo.
 */

import { bindingFor } from '../../story/keys'

/** Where the key was pressed: a field that takes keys itself, a button (Space and Enter press it), or elsewhere. */
export type KeyTarget = 'field' | 'button' | 'other'

export interface KeyContext {
  /** Steps of the story being presented, or 0 without one. */
  stepCount: number
  helpOpen: boolean
  blanked: boolean
}

export type KeyCommand =
  | { do: 'next' }
  | { do: 'previous' }
  | { do: 'goTo'; index: number }
  | { do: 'fullscreen' }
  | { do: 'blank' }
  | { do: 'unblank' }
  | { do: 'hide' }
  | { do: 'help' }
  | { do: 'closeHelp' }
  /** Esc with nothing of the presenter's to close: not taken, so the page (and a slide deck around it) gets it. */
  | { do: 'release' }

export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>

export function routeKey(event: KeyPress, target: KeyTarget, ctx: KeyContext): KeyCommand | null {
  // Typing in a field, moving a slider, choosing in a list or a radio group: the keys are the field's.
  if (target === 'field') return null
  // On a focused button, Space and Enter press it, as everywhere else.
  if (target === 'button' && (event.key === ' ' || event.key === 'Enter')) return null
  const binding = bindingFor(event)
  if (!binding) return null
  const presenting = ctx.stepCount > 0
  switch (binding.action) {
    case 'next':
    case 'previous':
    case 'first':
    case 'jump': {
      if (!presenting) return null
      // On a black screen, a clicker's press brings the picture back before it moves on.
      if (ctx.blanked) return { do: 'unblank' }
      if (binding.action === 'next') return { do: 'next' }
      if (binding.action === 'previous') return { do: 'previous' }
      if (binding.action === 'first') return { do: 'goTo', index: 0 }
      const index = Number(event.key) - 1
      return index < ctx.stepCount ? { do: 'goTo', index } : null
    }
    case 'blank':
      return { do: ctx.blanked ? 'unblank' : 'blank' }
    case 'fullscreen':
      return { do: 'fullscreen' }
    case 'hide':
      return ctx.blanked ? { do: 'unblank' } : { do: 'hide' }
    case 'help':
      return ctx.blanked ? { do: 'unblank' } : { do: 'help' }
    case 'release':
      if (ctx.helpOpen) return { do: 'closeHelp' }
      if (ctx.blanked) return { do: 'unblank' }
      return { do: 'release' }
  }
}

/** Whether the page should keep the key from going further (preventDefault): only for keys the demo used. */
export function takesKey(command: KeyCommand | null): boolean {
  return command !== null && command.do !== 'release'
}

/** Elements that own their keys: text, numbers, sliders, lists, radios and checkboxes, editable text. */
const FIELD =
  'input:not([type="button"],[type="submit"],[type="reset"],[type="image"]), textarea, select, [contenteditable=""], [contenteditable="true"], [role="slider"], [role="textbox"], [role="spinbutton"], [role="combobox"], [role="radiogroup"], [role="listbox"]'

/** Classifies the element a key was pressed in. */
export function keyTarget(target: EventTarget | null): KeyTarget {
  if (!target || typeof (target as Element).closest !== 'function') return 'other'
  const el = target as Element
  if (el.closest(FIELD)) return 'field'
  if (el.closest('button, a[href], summary, [role="button"], input')) return 'button'
  return 'other'
}
