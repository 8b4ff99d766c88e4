import { useId, useLayoutEffect, useRef, useState } from 'react'
import { useAppStore } from '../store/appStore'
import { NETWORK_LABELS } from '../store/store'
import { LEGEND, legendColors } from './legend'

/** Below this the legend starts folded, so the globe has the screen (it stays one tap away). */
const SMALL_SCREEN = '(max-width: 640px), (max-height: 520px)'

function startsOpen(): boolean {
  return typeof window.matchMedia !== 'function' || !window.matchMedia(SMALL_SCREEN).matches
}

/** Every colour and shape on the globe for the network on screen, at the bottom left; folds away on request. */
export function Legend() {
  const active = useAppStore((s) => s.active)
  const [open, setOpen] = useState(startsOpen)
  const listId = useId()
  const root = useRef<HTMLElement>(null)

  // The swatches' colours come straight from PALETTE, set through the CSSOM: the page's CSP refuses inline
  // style attributes, not element.style.
  useLayoutEffect(() => {
    const el = root.current
    if (!el) return
    for (const [name, value] of Object.entries(legendColors(active))) el.style.setProperty(name, value)
  }, [active])

  return (
    <aside ref={root} className="legend" data-open={open ? 'true' : 'false'} data-network={active}>
      <button
        type="button"
        className="legend__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="legend__title">Legend</span>
        <span className="legend__network">{NETWORK_LABELS[active]}</span>
        <span className="legend__chevron" aria-hidden="true" />
      </button>
      <ul id={listId} className="legend__list" aria-label="Legend" hidden={!open}>
        {LEGEND[active].map((e) => (
          <li key={e.id} className="legend__item" data-entry={e.id}>
            <span className={`legend__swatch legend__swatch--${e.shape} legend-color--${e.color}`} aria-hidden="true" />
            <span className="legend__text">
              {e.name}
              {e.detail && <span className="legend__detail"> · {e.detail}</span>}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  )
}
