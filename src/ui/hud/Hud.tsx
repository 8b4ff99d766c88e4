import { useEffect, useMemo, useRef, type CSSProperties } from 'react'
import { PALETTE } from '../../scene/constants'
import type { StepMetrics } from '../../sim/engine'
import { useReducedMotion } from '../../scene/useReducedMotion'
import { useAppStore } from '../../store/appStore'
import { NETWORK_LABELS, type NetworkKind } from '../../store/store'
import { chromeStore, useChrome } from '../chrome'
import { narrate } from '../narrate'
import { formatClock, formatPercent } from './format'
import { HEADLINE, hudTiles, liveSummary, type Tile } from './hudModel'
import { SEVERITY_ICON } from './severity'
import { useThrottledValue } from './useThrottledValue'
import './hud.css'

/** Screen readers hear the sentence and the key numbers at most this often, ms. */
const LIVE_EVERY_MS = 1000
/** How long a headline number takes to run from its old value to its new one, ms; and in at least this many frames. */
const TWEEN_MS = 900
const MIN_TWEEN_STEPS = 8

/**
 * The live numbers of one network (by default the one on screen), at an edge of the page: services available
 * first and largest (it is what differs between the networks), users online beside it, each with its severity
 * in colour, icon and word; latency, failed nodes and person-hours lost on demand; and one sentence of what just
 * happened. Re-renders when that network's snapshot changes (a step), never per animation frame. It is chrome
 * (room.ts): the globe keeps clear of it.
 *
 * Compact (the compare view, one per half): the headline numbers only, in the flow of its half's heading; the
 * network's name, the clock and the sentence are said once for both halves around it.
 */
export function Hud({ network, compact = false }: { network?: NetworkKind; compact?: boolean }) {
  const active = useAppStore((s) => s.active)
  const kind = network ?? active
  // The slot object is replaced at every step (its series is appended in place), so this re-renders per step.
  const slot = useAppStore((s) => s.slots[kind])
  const scenario = useAppStore((s) => s.scenario)
  const details = useChrome((s) => s.details) && !compact

  const model = useMemo(() => {
    if (!slot) return null
    const { series, view, net } = slot
    const latest: StepMetrics = view.metrics
    const first = series[0] ?? latest
    const previous = series.length >= 2 ? series[series.length - 2]! : null
    const sentence = narrate({ scenario, net, latest, first, previous, round: view.round })
    const tiles = hudTiles(latest, first, net.graph.n)
    return { sentence, tiles, t: latest.t, live: liveSummary(sentence, tiles) }
  }, [slot, scenario])

  const live = useThrottledValue(model?.live ?? 'Building the networks…', LIVE_EVERY_MS)
  const shown = model?.tiles.filter((t) => details || HEADLINE.includes(t.id)) ?? []

  if (compact) {
    return (
      <section className="hud hud--compact" aria-label={`Live numbers: ${NETWORK_LABELS[kind]}`} data-network={kind}>
        {model && (
          <dl className="hud__metrics">
            {shown.map((tile) => (
              <HudTile key={tile.id} tile={tile} />
            ))}
          </dl>
        )}
      </section>
    )
  }

  return (
    <section
      className="hud"
      aria-label={`Live numbers: ${NETWORK_LABELS[kind]}`}
      data-network={kind}
      data-details={details ? 'true' : 'false'}
      // A custom property through the CSSOM: the page's CSP refuses style attributes, not element.style.
      style={{ '--net-color': PALETTE[kind].node } as CSSProperties}
    >
      <p className="hud__head">
        <span className="hud__swatch" aria-hidden="true" />
        <span className="hud__network">{NETWORK_LABELS[kind]}</span>
        {model && <span className="hud__clock">{formatClock(model.t)}</span>}
      </p>
      {model ? (
        <dl className="hud__metrics">
          {shown.map((tile) => (
            <HudTile key={tile.id} tile={tile} />
          ))}
        </dl>
      ) : (
        <p className="hud__sentence">Building the networks…</p>
      )}
      {model && (
        <button
          type="button"
          className="hud__more"
          data-action="hud-details"
          aria-expanded={details}
          onClick={() => chromeStore.getState().toggle('details')}
        >
          {details ? 'Fewer numbers' : 'More numbers'}
        </button>
      )}
      {model && <p className="hud__sentence">{model.sentence}</p>}
      <p className="hud__live" aria-live="polite" aria-atomic="true">
        {live}
      </p>
    </section>
  )
}

function HudTile({ tile }: { tile: Tile }) {
  const { severity, word } = tile.level
  return (
    <div className="hud__metric" data-metric={tile.id} data-severity={severity}>
      <dt className="hud__label">
        <span className="hud__label-long">{tile.label}</span>
        <span className="hud__label-short" aria-hidden="true">
          {tile.short}
        </span>
      </dt>
      <TileValue tile={tile} />
      <dd className="hud__state">
        <span className="hud__icon" aria-hidden="true">
          {SEVERITY_ICON[severity]}
        </span>{' '}
        {word}
        {tile.detail && (
          <span className={tile.keyDetail ? 'hud__detail hud__detail--key' : 'hud__detail'}> · {tile.detail}</span>
        )}
      </dd>
    </div>
  )
}

/**
 * The big number. Its text is always the exact value (what screen readers, tests and copy-paste get); when a
 * share changes, the number seen runs from the old value to the new one (drawn from `data-shown` by hud.css,
 * written per animation frame without React), so a drop from 100% to 31% is watched, not only read.
 */
function TileValue({ tile }: { tile: Tile }) {
  const el = useRef<HTMLElement>(null)
  /** The value on screen right now (mid-run, the share reached so far). */
  const onScreen = useRef<number | null>(null)
  const reduced = useReducedMotion()
  const { share } = tile

  useEffect(() => {
    const node = el.current
    const from = onScreen.current
    onScreen.current = share
    if (!node) return
    if (share === null || from === null || reduced || formatPercent(from) === formatPercent(share)) {
      delete node.dataset.tween
      return
    }
    const start = performance.now()
    let frame = 0
    let ticks = 0
    const tick = (now: number) => {
      // By the clock, but in at least a few steps: a slow machine drawing a frame every half second still shows
      // the number running rather than jumping.
      const k = Math.min(1, Math.max((now - start) / TWEEN_MS, ++ticks / MIN_TWEEN_STEPS))
      const eased = 1 - (1 - k) ** 3
      const x = from + (share - from) * eased
      onScreen.current = x
      node.dataset.shown = formatPercent(x)
      if (k < 1) frame = requestAnimationFrame(tick)
      else delete node.dataset.tween
    }
    node.dataset.shown = formatPercent(from)
    node.dataset.tween = ''
    frame = requestAnimationFrame(tick)
    // A new value mid-run starts from the number on screen (onScreen, as the last frame left it).
    return () => cancelAnimationFrame(frame)
  }, [share, reduced])

  return (
    <dd ref={el} className="hud__value">
      {tile.value}
      {tile.unit && <span className="hud__unit">{tile.unit}</span>}
    </dd>
  )
}
