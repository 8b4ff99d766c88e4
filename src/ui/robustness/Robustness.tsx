import { useEffect, useRef, useState } from 'react'
import { useAppStore } from '../../store/appStore'
import { SweepForm } from './SweepForm'
import { SweepResult } from './SweepResult'
import { DEFAULT_FIELDS, type SweepFields } from './sweepForm'
import { trapTab } from '../trapTab'
import './robustness.css'

/**
 * The robustness chart: a modal dialog (the native <dialog>, as the methodology panel: focus moves in and stays,
 * the page behind is inert, Tab goes round inside) opened through the store (panel === 'robustness'). It sets up a sweep of the share
 * of nodes failed, runs it in the simulation's worker with a progress bar and a cancel, and draws the result.
 * Esc, the close button or a click outside close it, and focus goes back to where it was; a sweep under way goes
 * on meanwhile and shows again on the next opening.
 */
export function Robustness() {
  const open = useAppStore((s) => s.panel === 'robustness')
  const openPanel = useAppStore((s) => s.openPanel)
  const dialog = useRef<HTMLDialogElement>(null)
  /** Where focus was when the dialog opened (undefined while it is closed). */
  const returnTo = useRef<HTMLElement | null | undefined>(undefined)
  // Kept between openings: the next sweep starts from the last one's choices.
  const [fields, setFields] = useState<SweepFields>(DEFAULT_FIELDS)

  useEffect(() => {
    const el = dialog.current
    if (!el) return
    if (open && !el.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      el.showModal()
      el.scrollTop = 0
      el.querySelector<HTMLElement>('.robust__close')?.focus()
    } else if (!open && returnTo.current !== undefined) {
      if (el.open) el.close()
      const back = returnTo.current?.isConnected
        ? returnTo.current
        : document.querySelector<HTMLElement>('[data-panel="robustness"]')
      back?.focus()
      returnTo.current = undefined
    }
  }, [open])

  const close = () => openPanel(null)

  return (
    <dialog
      ref={dialog}
      className="robust"
      aria-labelledby="robust-title"
      aria-describedby="robust-lead"
      aria-modal="true"
      onCancel={(e) => {
        e.preventDefault()
        close()
      }}
      // Closed by the browser itself (a second Esc without a user gesture skips the cancel event): follow it.
      onClose={(e) => {
        if (open && !e.currentTarget.open) close()
      }}
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
        <div className="robust__body">
          <header className="robust__header">
            <h2 id="robust-title">Robustness</h2>
            <button type="button" className="robust__close" onClick={close} aria-label="Close robustness">
              Close
            </button>
          </header>
          <p id="robust-lead" className="robust__lead">
            Take out a growing share of each network's nodes and measure what is left: how much of the network still
            hangs together, and how many services still answer.
          </p>
          <SweepForm fields={fields} onChange={setFields} />
          <SweepResult />
        </div>
      )}
    </dialog>
  )
}
