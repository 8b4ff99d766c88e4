import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useAppStore } from '../../store/appStore'
import type { Panel } from '../../store/store'
import './dialog.css'
import { trapTab } from './trapTab'

interface PanelDialogProps {
  /** The store's panel this dialog shows (open while state.panel is it). */
  panel: Panel
  /** The panel's own class, beside the shared panel-dialog (dialog.css); its parts get `${className}__body` etc. */
  className: string
  /** The heading, and its id (the dialog's accessible name). */
  title: string
  titleId: string
  /** The id of the lead paragraph, if any (the dialog's description). */
  describedBy?: string
  /** What the close button says to a screen reader ("Close how this works"). */
  closeLabel: string
  /** What opened it, to give focus back to when the opener itself is gone. */
  openerSelector: string
  /** The content under the heading, rendered only while open. */
  children: ReactNode
  /**
   * A sheet at the right edge on a wide screen instead of a panel over the middle, for a panel that shows things
   * on the globe: not modal there (the globe beside it stays in view and in reach, and the sheet is chrome,
   * room.ts, so the globe moves into the room it leaves); on a narrow screen, a modal panel like the others.
   */
  sheet?: boolean
}

/** Where a sheet stands at the right edge, beside the globe (dialog.css). */
const SHEET_MEDIA = '(min-width: 900px)'

/**
 * A panel over the globe as a modal dialog (the native <dialog>: focus moves in, the page behind is inert), opened
 * and closed through the store, with its heading and Close button at the top, in the page's theme (dialog.css).
 * Tab goes round inside; Esc, the close button or a click on the backdrop close it, and focus goes back to where
 * it was. Each opening starts at the top, with focus on Close.
 */
export function PanelDialog({
  panel,
  className,
  title,
  titleId,
  describedBy,
  closeLabel,
  openerSelector,
  children,
  sheet = false,
}: PanelDialogProps) {
  const open = useAppStore((s) => s.panel === panel)
  const openPanel = useAppStore((s) => s.openPanel)
  const dialog = useRef<HTMLDialogElement>(null)
  /** Where focus was when the dialog opened (undefined while it is closed). */
  const returnTo = useRef<HTMLElement | null | undefined>(undefined)
  /** Open as a sheet beside the globe (not modal) rather than over it. */
  const [beside, setBeside] = useState(false)

  useEffect(() => {
    const el = dialog.current
    if (!el) return
    if (open && !el.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      const side = sheet && window.matchMedia(SHEET_MEDIA).matches
      setBeside(side)
      if (side) el.show()
      else el.showModal()
      el.scrollTop = 0
      el.querySelector<HTMLElement>('.panel-dialog__close')?.focus()
    } else if (!open && returnTo.current !== undefined) {
      if (el.open) el.close()
      const back = returnTo.current?.isConnected
        ? returnTo.current
        : document.querySelector<HTMLElement>(openerSelector)
      back?.focus()
      returnTo.current = undefined
    }
  }, [open, openerSelector, sheet])

  const close = () => openPanel(null)

  return (
    <dialog
      ref={dialog}
      className={`panel-dialog ${sheet ? 'panel-dialog--sheet ' : ''}${className}`}
      data-chrome={beside ? '' : undefined}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      aria-modal={beside ? undefined : 'true'}
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
        // A sheet beside the globe is not modal: Tab may leave it for the page.
        if (!beside) trapTab(e, e.currentTarget)
      }}
    >
      {open && (
        <div className={`panel-dialog__body ${className}__body`}>
          <header className={`panel-dialog__header ${className}__header`}>
            <h2 id={titleId}>{title}</h2>
            <button
              type="button"
              className={`panel-dialog__close ${className}__close`}
              onClick={close}
              aria-label={closeLabel}
            >
              Close
            </button>
          </header>
          {children}
        </div>
      )}
    </dialog>
  )
}
