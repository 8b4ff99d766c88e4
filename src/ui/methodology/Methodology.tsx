import { trapTab } from '../trapTab'
import { useEffect, useRef } from 'react'
import { useAppStore } from '../../store/appStore'
import { ModelText } from './ModelText'
import './methodology.css'

/**
 * "How this works": a modal dialog (the native <dialog>, so focus moves in, the page behind is inert and Tab stays
 * inside) opened through the store (panel === 'methodology'). Esc, the close button or a click outside close it
 * through the store too, and focus goes back to where it was.
 */
export function Methodology() {
  const open = useAppStore((s) => s.panel === 'methodology')
  const openPanel = useAppStore((s) => s.openPanel)
  const dialog = useRef<HTMLDialogElement>(null)
  /** Where focus was when the dialog opened (undefined while it is closed). */
  const returnTo = useRef<HTMLElement | null | undefined>(undefined)

  useEffect(() => {
    const el = dialog.current
    if (!el) return
    if (open && !el.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      el.showModal()
      // Each opening starts at the top, not where the last reading stopped.
      el.scrollTop = 0
      el.querySelector<HTMLElement>('.method__close')?.focus()
    } else if (!open && returnTo.current !== undefined) {
      if (el.open) el.close()
      const back = returnTo.current?.isConnected
        ? returnTo.current
        : document.querySelector<HTMLElement>('[data-opens="methodology"]')
      back?.focus()
      returnTo.current = undefined
    }
  }, [open])

  const close = () => openPanel(null)

  return (
    <dialog
      ref={dialog}
      className="method"
      aria-labelledby="method-title"
      aria-modal="true"
      // Esc: close through the store, which closes the dialog and returns focus.
      onCancel={(e) => {
        e.preventDefault()
        close()
      }}
      // Closed by the browser itself (a second Esc without a user gesture skips the cancel event): follow it. A
      // close event can arrive late, after the dialog was opened again: only one that finds it closed counts.
      onClose={(e) => {
        if (open && !e.currentTarget.open) close()
      }}
      // A click on the backdrop lands on the dialog itself.
      onClick={(e) => {
        if (e.target === e.currentTarget) close()
      }}
      onKeyDown={(e) => {
        // Esc is used here: marked so, the page's own Esc (letting go of the keyboard) leaves the focus alone.
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault()
          close()
        }
        trapTab(e, e.currentTarget)
      }}
    >
      {open && (
        <div className="method__body">
          <header className="method__header">
            <h2 id="method-title">How this works</h2>
            <button type="button" className="method__close" onClick={close} aria-label="Close how this works">
              Close
            </button>
          </header>
          <ModelText />
        </div>
      )}
    </dialog>
  )
}
