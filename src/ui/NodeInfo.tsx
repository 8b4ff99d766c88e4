import { useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import { PALETTE } from '../scene/constants'
import { anchorMatches, selectionAnchor, subscribeAnchor } from '../scene/selection'
import { useAppStore } from '../store/appStore'
import { NETWORK_LABELS } from '../store/store'
import './NodeInfo.css'
import { capitalise, formatLatLon, formatPeople, nodeDetails } from './nodeDetails'

/** Gap between the pointer (or the node) and the card, CSS pixels. */
const OFFSET = 18
/** The card keeps this far from the viewport's edges. */
const MARGIN = 8

const modeOf = () => selectionAnchor.mode

/**
 * The selected node's details (store.selected): what it is, where, its state, its load, and who depends on it.
 * Beside the pointer when hovered with a mouse, at the bottom of the screen when tapped, beside the node when
 * chosen from the keyboard. Always in the page, as a region a screen reader can read, with a one-line summary
 * it announces when the selection or the node's state changes (not every number of every step).
 * The card follows the pointer through the selection anchor (src/scene/selection.ts), moved in place without a
 * React render; it renders again only when the selection or the node's state changes.
 */
export function NodeInfo() {
  const selected = useAppStore((s) => s.selected)
  const slot = useAppStore((s) => (s.selected ? s.slots[s.selected.kind] : undefined))
  const world = useAppStore((s) => s.world)
  const tool = useAppStore((s) => s.tool)
  const active = useAppStore((s) => s.active)
  const select = useAppStore((s) => s.select)
  const mode = useSyncExternalStore(subscribeAnchor, modeOf)
  const card = useRef<HTMLDivElement>(null)
  /** The card's size, measured after each render; where it was last put. */
  const box = useRef({ w: 0, h: 0, x: NaN, y: NaN })

  const node = selected && slot && selected.node < slot.net.graph.n ? selected.node : -1
  const details = useMemo(
    () => (slot && node >= 0 ? nodeDetails(slot.net, slot.view, world, node) : null),
    [slot, node, world],
  )
  const kind = selected?.kind ?? null
  // The card sits beside the pointer or the node, unless it was tapped or nothing tells where the node is.
  const placement = details && kind && anchorMatches(kind, node) && mode !== 'tap' ? 'float' : 'sheet'

  useLayoutEffect(() => {
    const el = card.current
    if (!el || !kind) return
    el.style.setProperty('--node-color', PALETTE[kind].node)
  }, [kind])

  useLayoutEffect(() => {
    const el = card.current
    if (!el) return
    const b = box.current
    b.w = el.offsetWidth
    b.h = el.offsetHeight
    b.x = NaN
    if (placement !== 'float' || !kind) {
      el.style.transform = ''
      return
    }
    const place = () => {
      const a = selectionAnchor
      if (!anchorMatches(kind, node)) return
      const hover = a.mode === 'hover' && Number.isFinite(a.pointerX)
      const px = hover ? a.pointerX : a.nodeX
      const py = hover ? a.pointerY : a.nodeY
      const vw = document.documentElement.clientWidth
      const vh = document.documentElement.clientHeight
      // Right of and below the point; flipped to the other side where the screen ends. A node turned behind the
      // globe has no point: the card waits at the bottom, in the middle.
      let x = (vw - b.w) / 2
      let y = vh - MARGIN - b.h
      if (Number.isFinite(px) && Number.isFinite(py)) {
        x = px + OFFSET
        y = py + OFFSET
        if (x + b.w > vw - MARGIN) x = px - OFFSET - b.w
        if (y + b.h > vh - MARGIN) y = py - OFFSET - b.h
      }
      x = Math.round(Math.max(MARGIN, Math.min(x, vw - MARGIN - b.w)))
      y = Math.round(Math.max(MARGIN, Math.min(y, vh - MARGIN - b.h)))
      if (x === b.x && y === b.y) return
      b.x = x
      b.y = y
      el.style.transform = `translate(${x}px, ${y}px)`
    }
    place()
    return subscribeAnchor(place)
  }, [placement, kind, node, details])

  const canAct = kind === active
  const verb = mode === 'tap' ? 'Tap' : mode === 'key' ? 'Press Enter' : 'Click'
  const hint =
    details && canAct && tool === 'failNode' ? `${verb} to ${details.up ? 'take it down' : 'bring it back'}` : null

  return (
    <section
      ref={card}
      className="node-info"
      data-placement={placement}
      data-empty={details ? undefined : 'true'}
      aria-label="Selected node"
    >
      <p className="node-info__live" aria-live="polite">
        {details && kind
          ? `${capitalise(details.className)}, ${details.place}, ${NETWORK_LABELS[kind]}: ${details.up ? 'working' : 'down'}.`
          : ''}
      </p>
      {details && kind && (
        <>
          <header className="node-info__head">
            <p className="node-info__class">
              {capitalise(details.className)} · {NETWORK_LABELS[kind]}
            </p>
            <h2 className="node-info__place">{details.place}</h2>
            <p className="node-info__where">{formatLatLon(details.lat, details.lon)}</p>
          </header>
          <dl className="node-info__facts">
            <dt>State</dt>
            <dd className={details.up ? 'node-info__state is-up' : 'node-info__state is-down'}>
              {details.up ? 'Working' : 'Down'}
            </dd>
            <dt>Links</dt>
            <dd>
              {details.links === 0
                ? 'none'
                : details.linksUp === details.links
                  ? `${details.links} ${details.links === 1 ? 'link' : 'links'}, all working`
                  : `${details.linksUp} of ${details.links} working`}
            </dd>
            {details.flowsTotal > 0 && (
              <>
                <dt>Traffic</dt>
                <dd>
                  {details.flows} of the {details.flowsTotal} flows shown pass through it
                </dd>
              </>
            )}
            <dt>People</dt>
            <dd>
              {details.people > 0
                ? `${formatPeople(details.people)} connect through it`
                : 'nobody connects here directly'}
            </dd>
            {details.servicesTotal > 0 && (
              <>
                <dt>Services</dt>
                <dd>
                  {details.services === 0
                    ? 'hosts none'
                    : `hosts a copy of ${details.services} of ${details.servicesTotal}`}
                </dd>
              </>
            )}
          </dl>
          {hint && <p className="node-info__hint">{hint}</p>}
          {placement === 'sheet' && (
            <button type="button" className="node-info__close" onClick={() => select(null)}>
              Close
            </button>
          )}
        </>
      )}
    </section>
  )
}
