import { lazy, Suspense, useId, useRef, useState, type CSSProperties } from 'react'
import { closePart, useChrome } from '../chrome'
import { useHeightVar } from '../useHeightVar'
import { useAppStore } from '../../store/appStore'
import { NETWORK_LABELS, type AppState, type NetworkKind } from '../../store/store'
import { formatClock, formatMs, formatPercent } from '../hud/format'
import { lineColor } from '../chartStyle'
import { chartLines, type ChartMode } from './chartData'
import { EventLog } from './EventLog'
import './timeline.css'

// The chart (and uPlot, its library) is downloaded when the timeline is first opened, not before the globe.
const Chart = lazy(() => import('./Chart').then((m) => ({ default: m.Chart })))

const MODES: { mode: ChartMode; name: string }[] = [
  { mode: 'availability', name: 'Availability' },
  { mode: 'latency', name: 'Latency' },
]

/**
 * On demand, above the dock: the run's metrics over simulated time (a chart) and what happened (the event log),
 * for the network on screen or the networks given (a comparison draws both on one chart). Closed at first; the
 * dock's Timeline button opens it and its own title closes it. Its bar also opens the methodology. Open, it is
 * chrome (room.ts): the globe rises to make room.
 */
export function Timeline({ networks }: { networks?: NetworkKind[] }) {
  const active = useAppStore((s) => s.active)
  const openPanel = useAppStore((s) => s.openPanel)
  const shown = networks && networks.length > 0 ? networks : [active]
  const open = useChrome((s) => s.timeline)
  const ui = useAppStore((s) => s.ui)
  const [mode, setMode] = useState<ChartMode>('availability')
  const bodyId = useId()
  const summary = useAppStore((s) => chartSummary(s.slots, shown, mode))
  const clock = useAppStore((s) => s.slots[shown[0]!]?.view.t ?? 0)
  const root = useRef<HTMLElement>(null)
  // The compare view's halves end above it (layout.css).
  useHeightVar(root, '--timeline-h', open && ui === 'full')

  // Only with the page's full chrome, and only when asked for.
  if (ui !== 'full' || !open) return null
  return (
    <section
      ref={root}
      id="timeline"
      className="timeline"
      data-chrome
      data-open="true"
      data-compare={shown.length > 1 ? 'true' : undefined}
      aria-label="Timeline"
    >
      <div className="timeline__bar">
        <button
          type="button"
          className="timeline__toggle"
          aria-expanded="true"
          aria-controls={bodyId}
          title="Close the timeline"
          onClick={() => closePart('timeline')}
        >
          <span className="timeline__title">Timeline</span>
          <span className="timeline__clock">{formatClock(clock)}</span>
          <span className="timeline__chevron" aria-hidden="true" />
        </button>
        <div className="timeline__modes" role="group" aria-label="Chart shows">
          {MODES.map((m) => (
            <button
              key={m.mode}
              type="button"
              className="timeline__mode"
              aria-pressed={mode === m.mode}
              onClick={() => setMode(m.mode)}
            >
              {m.name}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="timeline__how"
          aria-haspopup="dialog"
          data-opens="methodology"
          onClick={() => openPanel('methodology')}
        >
          How this works
        </button>
      </div>
      <div id={bodyId} className="timeline__body">
        <div className="timeline__plot">
          <Suspense fallback={<div className="timeline__chart" role="img" aria-label={summary} />}>
            <Chart networks={shown} mode={mode} label={summary} />
          </Suspense>
          <ChartKey networks={shown} mode={mode} />
        </div>
        <EventLog networks={shown} />
      </div>
    </section>
  )
}

/** The chart's legend: which line is which (colour: the network; solid or dashed: the metric). */
function ChartKey({ networks, mode }: { networks: readonly NetworkKind[]; mode: ChartMode }) {
  // The chart's own line colours (Chart.tsx).
  const theme = useAppStore((s) => s.theme)
  return (
    <ul className="timeline__key" aria-label="Chart legend">
      {chartLines(networks, mode).map((l) => (
        <li key={`${l.kind}-${l.metric}`} className="timeline__key-item">
          <span
            className={`timeline__swatch${l.dashed ? ' timeline__swatch--dashed' : ''}`}
            // A custom property through the CSSOM: the page's CSP refuses style attributes, not element.style.
            style={{ '--line-color': lineColor(l.kind, l.color, theme) } as CSSProperties}
            aria-hidden="true"
          />
          {l.label}
          {l.dashed ? ' (dashed)' : ''}
        </li>
      ))}
    </ul>
  )
}

/** What the chart shows now, in words, for screen readers (the chart itself is a picture). */
function chartSummary(slots: AppState['slots'], kinds: readonly NetworkKind[], mode: ChartMode): string {
  const parts = kinds.map((kind) => {
    const m = slots[kind]?.view.metrics
    if (!m) return `${NETWORK_LABELS[kind]}: not built`
    return mode === 'availability'
      ? `${NETWORK_LABELS[kind]}: services available ${formatPercent(m.serviceAvailability)}, users online ${formatPercent(m.usersOnline)}`
      : `${NETWORK_LABELS[kind]}: median latency ${formatMs(m.latencyP50Ms)}, p95 ${formatMs(m.latencyP95Ms)}`
  })
  const what = mode === 'availability' ? 'Services available and users online' : 'Latency, median and p95'
  return `${what} over simulated time. Now: ${parts.join('; ')}.`
}
