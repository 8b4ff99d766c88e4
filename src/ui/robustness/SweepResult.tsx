import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { PALETTE } from '../../scene/constants'
import { NodeClass } from '../../sim/network'
import { appStore, useAppStore } from '../../store/appStore'
import { NETWORK_LABELS, type NetworkKind, type Theme } from '../../store/store'
import { lineColor } from '../chartStyle'
import { SweepChart } from './SweepChart'
import { SweepTable } from './SweepTable'
import { explainCrossing, findCrossing, type NetworkSizes } from './crossing'
import {
  NETWORK_MARKS,
  SWEEP_METRIC_LABELS,
  describeSweep,
  failedLabel,
  markerPath,
  overlapNote,
  overlappingSurvivability,
  sweepLines,
  sweptKinds,
  type SweepResults,
} from './robustnessData'
import { SWEEP_CHOICES, choiceOf } from './sweepForm'

/** What the last sweep found: one sentence, the chart with its legend, what it leaves out, and the figures. */
export function SweepResult() {
  const { request, results } = useAppStore(
    useShallow((s) => ({ request: s.robustness.request, results: s.robustness.results })),
  )
  const lines = useMemo(() => sweepLines(results), [results])
  const sentence = useMemo(() => describeSweep(request, results), [request, results])
  const kinds = sweptKinds(results)
  const overlapping = useMemo(() => overlappingSurvivability(results), [results])
  // The networks' sizes as they were swept (read when the results came, not when a network is rebuilt later).
  const sizes = useMemo(() => sizesOf(results), [results])
  const crossing = useMemo(() => findCrossing(request, results), [request, results])
  const why = useMemo(() => explainCrossing(request, results, sizes), [request, results, sizes])
  const theme = useAppStore((s) => s.theme)
  if (!request || lines.length === 0) return null
  const xTitle = failedLabel(request)
  const choice = SWEEP_CHOICES.find((c) => c.value === choiceOf(request))!
  const trials = Math.max(1, Math.floor(request.trials))

  return (
    <section className="robust__result" aria-labelledby="robust-result-title">
      <h3 id="robust-result-title" className="robust__subtitle">
        {choice.label}, {trials} trial{trials === 1 ? '' : 's'} per network
      </h3>
      {sentence && <p className="robust__sentence">{sentence}</p>}
      <ul className="robust__legend" aria-label="Legend">
        {kinds.map((k) => (
          <li key={k} className="robust__key" data-kind={k} data-marker={NETWORK_MARKS[k].marker}>
            <NetworkKey kind={k} theme={theme} />
            {NETWORK_LABELS[k]}
          </li>
        ))}
        <li className="robust__key">
          <span className="robust__dash robust__dash--solid" aria-hidden="true" />
          {SWEEP_METRIC_LABELS.survivability}: nodes up and in the largest connected group
        </li>
        <li className="robust__key">
          <span className="robust__dash robust__dash--dashed" aria-hidden="true" />
          {SWEEP_METRIC_LABELS.serviceAvailability}
        </li>
      </ul>
      <SweepChart
        lines={lines}
        results={results}
        xTitle={xTitle}
        label={`Chart: survivability and services available against ${xTitle.toLowerCase()}, per network. The figures are in the table below.`}
      />
      {why && crossing && (
        <p className="robust__why" data-crossing={crossing.fraction.toFixed(4)}>
          {why}
        </p>
      )}
      {overlapping.length > 1 && <p className="robust__caveat robust__overlap">{overlapNote(overlapping)}</p>}
      <p className="robust__caveat">
        <strong>What this leaves out.</strong> Here every node is as likely to fail as any other, but a small
        peer-to-peer node fails far more often than a cloud region. Nodes go all at once, with no repair, no re-created
        copies and no cascade, and only reachability counts, not how slow the answers get. Each point is the mean over{' '}
        {trials} trial{trials === 1 ? '' : 's'}; the table gives the spread.
      </p>
      <SweepTable lines={lines} results={results} xTitle={xTitle} />
    </section>
  )
}

/** Key width and height, CSS px: a stretch of the line with its marker in the middle, as the chart draws them. */
const KEY_W = 36
const KEY_H = 18

/** A network's entry in the key: its line's colour and width, and its marker (the same path as on the chart). */
function NetworkKey({ kind, theme }: { kind: NetworkKind; theme: Theme }) {
  const mark = NETWORK_MARKS[kind]
  const color = lineColor(kind, PALETTE[kind].node, theme)
  const ring = mark.marker === 'ring'
  const y = KEY_H / 2
  return (
    <svg className="robust__mark" width={KEY_W} height={KEY_H} viewBox={`0 0 ${KEY_W} ${KEY_H}`} aria-hidden="true">
      <line x1={0} y1={y} x2={KEY_W} y2={y} stroke={color} strokeWidth={mark.lineWidthPx} />
      <path
        d={markerPath(mark.marker, KEY_W / 2, y, mark.markerRadiusPx)}
        // As on the chart: a ring hollow (the panel's colour inside), a filled marker with a rim of that colour.
        className={ring ? 'robust__marker--hollow' : 'robust__marker--filled'}
        fill={ring ? undefined : color}
        stroke={ring ? color : undefined}
        strokeWidth={ring ? 2.5 : 1}
      />
    </svg>
  )
}

/** Per network swept: its nodes, and how many of them are cloud regions. */
function sizesOf(results: SweepResults): NetworkSizes {
  const { slots } = appStore.getState()
  const sizes: NetworkSizes = {}
  for (const kind of sweptKinds(results)) {
    const net = slots[kind]?.net
    if (!net) continue
    let regions = 0
    for (let v = 0; v < net.graph.n; v++) if (net.nodeClass[v] === NodeClass.region) regions++
    sizes[kind] = { nodes: net.graph.n, regions }
  }
  return sizes
}
