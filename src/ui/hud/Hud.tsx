import { useMemo } from 'react'
import type { StepMetrics } from '../../sim/engine'
import { useAppStore } from '../../store/appStore'
import { NETWORK_LABELS, type NetworkKind } from '../../store/store'
import { narrate } from '../narrate'
import { formatClock } from './format'
import { hudTiles, liveSummary, type Tile } from './hudModel'
import { SEVERITY_ICON } from './severity'
import { useThrottledValue } from './useThrottledValue'
import './hud.css'

/** Screen readers hear the sentence and the key numbers at most this often, ms. */
const LIVE_EVERY_MS = 1000

/**
 * The live numbers of one network (by default the one on screen) in large type, each with its severity in colour,
 * icon and word, and one sentence of what just happened. Re-renders when that network's snapshot changes (a step),
 * never per animation frame; it takes no pointer, so the globe turns through it.
 *
 * Compact (the compare view, one per half): the tiles only, in smaller type and in the flow of its container; the
 * network's name, the clock and the sentence are said once for both halves around it.
 */
export function Hud({ network, compact = false }: { network?: NetworkKind; compact?: boolean }) {
  const active = useAppStore((s) => s.active)
  const kind = network ?? active
  // The slot object is replaced at every step (its series is appended in place), so this re-renders per step.
  const slot = useAppStore((s) => s.slots[kind])
  const scenario = useAppStore((s) => s.scenario)

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

  if (compact) {
    return (
      <section className="hud hud--compact" aria-label={`Live numbers: ${NETWORK_LABELS[kind]}`} data-network={kind}>
        {model && (
          <dl className="hud__metrics">
            {model.tiles.map((tile) => (
              <HudTile key={tile.id} tile={tile} />
            ))}
          </dl>
        )}
      </section>
    )
  }

  return (
    <section className="hud" aria-label={`Live numbers: ${NETWORK_LABELS[kind]}`} data-network={kind}>
      <div className="hud__panel">
        <p className="hud__head">
          <span className="hud__network">{NETWORK_LABELS[kind]}</span>
          {model && <span className="hud__clock">{formatClock(model.t)}</span>}
        </p>
        {model ? (
          <dl className="hud__metrics">
            {model.tiles.map((tile) => (
              <HudTile key={tile.id} tile={tile} />
            ))}
          </dl>
        ) : (
          <p className="hud__sentence">Building the networks…</p>
        )}
        {model && <p className="hud__sentence">{model.sentence}</p>}
      </div>
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
      <dd className="hud__value">
        {tile.value}
        {tile.unit && <span className="hud__unit"> {tile.unit}</span>}
      </dd>
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
