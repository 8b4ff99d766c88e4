/**
 * Small helpers for keys that the demo shares with a page around it: whether a key was used (some handler called
 * preventDefault, or it went to a control that acts on it), decided only once every handler has seen it.
 */

/** Runs `fn` after the event has reached every listener, unless one of them used it (preventDefault). */
export function afterDispatch(e: Event, fn: () => void): void {
  setTimeout(() => {
    if (!e.defaultPrevented) fn()
  }, 0)
}

/** Elements that take keys themselves: typing, choosing, sliding, pressing. */
export function isFormField(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false
  return (
    (target as Element).closest(
      'input, textarea, select, button, a[href], [contenteditable=""], [contenteditable="true"]',
    ) !== null
  )
}
