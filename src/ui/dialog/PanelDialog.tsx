import { useEffect, useRef, type ReactNode } from 'react'
import { useAppStore } from '../../store/appStore'
import type { Panel } from '../../store/store'
import { trapTab } from './trapTab'

interface PanelDialogProps {
  /** The store's panel this dialog shows (open while state.panel is it). */
  panel: Panel
  className: string
  /** Ids of the title and, if any, the lead paragraph (the dialog's accessible name and description). */
  labelledBy: string
  describedBy?: string
  /** The close button, which takes focus on opening. */
  closeClassName: string
  /** What opened it, to give focus back to when the opener itself is gone. */
  openerSelector: string
  /** The content, rendered only while open. */
  children: (close: () => void) => ReactNode
}

/**
 * A panel over the globe as a modal dialog (the native <dialog>: focus moves in, the page behind is inert), opened
 * and closed through the store. Tab goes round inside; Esc, the close button or a click on the backdrop close it,
 * and focus goes back to where it was. Each opening starts at the top.
 */
export function PanelDialog({
  panel,
  className,
  labelledBy,
  describedBy,
  closeClassName,
  openerSelector,
  children,
}: PanelDialogProps) {
  const open = useAppStore((s) => s.panel === panel)
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
      el.scrollTop = 0
      el.querySelector<HTMLElement>(`.${closeClassName}`)?.focus()
    } else if (!open && returnTo.current !== undefined) {
      if (el.open) el.close()
      const back = returnTo.current?.isConnected
        ? returnTo.current
        : document.querySelector<HTMLElement>(openerSelector)
      back?.focus()
      returnTo.current = undefined
    }
  }, [open, closeClassName, openerSelector])

  const close = () => openPanel(null)

  return (
    <dialog
      ref={dialog}
      className={className}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
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
      {open && children(close)}
    </dialog>
  )
}
