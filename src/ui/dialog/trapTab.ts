/**
 * Keeps Tab inside a modal dialog. The page behind a native modal <dialog> is inert, but Tab past its last control
 * goes on to the browser's own toolbar; this takes it back round to the first control (and Shift+Tab the other way).
 */

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'

export function trapTab(e: { key: string; shiftKey: boolean; preventDefault(): void }, container: HTMLElement): void {
  if (e.key !== 'Tab') return
  const all = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0)
  const first = all[0]
  const last = all[all.length - 1]
  if (!first || !last) return
  const active = document.activeElement
  if (!e.shiftKey && (active === last || !container.contains(active))) {
    e.preventDefault()
    first.focus()
  } else if (e.shiftKey && (active === first || !container.contains(active))) {
    e.preventDefault()
    last.focus()
  }
}
