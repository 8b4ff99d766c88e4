import { useId, useLayoutEffect, useRef } from 'react'
import { useAppStore } from '../store/appStore'
import { closePart, useChrome } from './chrome'
import { useHeightVar } from './useHeightVar'
import { NETWORK_LABELS } from '../store/store'
import { LEGEND, legendColors } from './legend'

/**
 * Every colour and shape on the globe for the network on screen, on demand: closed at first, opened by the dock's
 * Legend button, closed by its own title. Open, it is chrome (room.ts): the globe keeps clear of it.
 */
export function Legend() {
  const active = useAppStore((s) => s.active)
  const ui = useAppStore((s) => s.ui)
  const open = useChrome((s) => s.legend) && ui === 'full'
  const listId = useId()
  const root = useRef<HTMLElement>(null)
  // The compare view's halves end above it (layout.css).
  useHeightVar(root, '--legend-h', open)

  // The swatches' colours come straight from PALETTE, set through the CSSOM: the page's CSP refuses inline
  // style attributes, not element.style.
  useLayoutEffect(() => {
    const el = root.current
    if (!el) return
    for (const [name, value] of Object.entries(legendColors(active))) el.style.setProperty(name, value)
  }, [active, open])

  if (!open) return null
  return (
    <aside id="legend" ref={root} className="legend" data-open="true" data-chrome data-network={active}>
      <button
        type="button"
        className="legend__toggle"
        aria-expanded="true"
        aria-controls={listId}
        title="Close the legend"
        onClick={() => closePart('legend')}
      >
        <span className="legend__title">Legend</span>
        <span className="legend__network">{NETWORK_LABELS[active]}</span>
        <span className="legend__chevron" aria-hidden="true" />
      </button>
      <ul id={listId} className="legend__list" aria-label="Legend">
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
