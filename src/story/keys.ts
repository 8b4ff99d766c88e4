/**
 * The keys of the presenter mode, in one table that drives both the key handler and the help overlay, so the
 * help never lies. Presentation clickers send PageDown/PageUp (and sometimes the arrows, B or .).
 */

export type KeyAction = 'next' | 'previous' | 'first' | 'jump' | 'fullscreen' | 'blank' | 'hide' | 'help' | 'release'

export interface KeyBinding {
  /** KeyboardEvent.key values (case-insensitive for letters). */
  keys: readonly string[]
  /** As shown in the help: how the keys read. */
  label: string
  action: KeyAction
  description: string
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: [' ', 'ArrowRight', 'PageDown'], label: 'Space, →, Page Down', action: 'next', description: 'Next step' },
  { keys: ['ArrowLeft', 'PageUp'], label: '←, Page Up', action: 'previous', description: 'Previous step' },
  { keys: ['Home'], label: 'Home', action: 'first', description: 'Back to the start' },
  {
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    label: '1 – 9',
    action: 'jump',
    description: 'Jump to that step',
  },
  { keys: ['f'], label: 'F', action: 'fullscreen', description: 'Full screen on or off' },
  { keys: ['b', '.'], label: 'B or .', action: 'blank', description: 'Blank the screen (again to come back)' },
  {
    keys: ['h'],
    label: 'H',
    action: 'hide',
    description: 'Hide the controls; again for the globe alone; again to show everything',
  },
  { keys: ['?'], label: '?', action: 'help', description: 'Show or hide this help' },
  {
    keys: ['Escape'],
    label: 'Esc',
    action: 'release',
    description: 'Close help; inside a slide deck, give the keys back',
  },
]

/** The binding a key press asks for, if any; modified keys (Ctrl, Alt, Meta) are never taken. */
export function bindingFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>): KeyBinding | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
  return KEY_BINDINGS.find((b) => b.keys.includes(key)) ?? null
}
