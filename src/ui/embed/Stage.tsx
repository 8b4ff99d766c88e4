import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useAppStore } from '../../store/appStore'
import { afterDispatch } from '../../embed/keys'

/**
 * The globe's place on the page. When the globe is not interactive (embedded, by default), it takes no pointer,
 * wheel or touch at all, so the host page scrolls past it; a click or tap on it (or Enter on its button) engages
 * it: from then on it turns and zooms. Esc, when nothing in the demo used it, locks it again and, in an iframe,
 * gives the focus back to the page around (releaseFocus).
 */
export function Stage({ children, lockable = true }: { children: ReactNode; lockable?: boolean }) {
  const interactive = useAppStore((s) => s.interactive) || !lockable
  const [engaged, setEngaged] = useState(false)
  const locked = !interactive && !engaged
  const stage = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const embedded = window.parent !== window
    if (interactive && !embedded) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      afterDispatch(e, () => {
        if (!interactive) setEngaged(false)
        if (embedded) releaseFocus(window)
      })
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [interactive])

  const engage = () => {
    if (!locked) return
    setEngaged(true)
    stage.current?.querySelector('canvas')?.focus({ preventScroll: true })
  }

  return (
    <div ref={stage} className="stage" data-locked={locked || undefined}>
      {children}
      {/* Locked, a clear button lies over the globe: wheel and touch go through to the page, a click engages. */}
      {locked && (
        <button type="button" className="stage__engage" onClick={engage}>
          <span className="stage__hint">Click to turn and zoom the globe</span>
        </button>
      )}
    </div>
  )
}

/**
 * Gives the keyboard back: nothing in the demo keeps the focus, and in an iframe the host page gets it (a slide
 * deck's keys work again). The host helper (public/embed/host.js) also blurs the iframe when told of the Esc.
 */
export function releaseFocus(win: Window): void {
  const active = win.document.activeElement
  if (active instanceof HTMLElement) active.blur()
  if (win.parent !== win) {
    try {
      win.parent.focus()
    } catch {
      // A host that forbids it: the blur above is what we can do.
    }
  }
}
