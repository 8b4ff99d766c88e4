import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { PALETTE } from '../../scene/constants'
import { useAppStore } from '../../store/appStore'
import { NETWORK_LABELS } from '../../store/store'
import { lineColor } from '../chartStyle'
import { SweepChart } from './SweepChart'
import { SweepTable } from './SweepTable'
import {
  SWEEP_METRIC_LABELS,
  describeSweep,
  failedLabel,
  overlappingSurvivability,
  sweepLines,
  sweptKinds,
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
          <li key={k} className="robust__key" data-kind={k}>
            <span
              className="robust__swatch"
              style={{ background: lineColor(k, PALETTE[k].node, theme) }}
              aria-hidden="true"
            />
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
      {overlapping.length > 1 && (
        <p className="robust__caveat">
          The survivability lines of {overlapping.map((k) => `the ${NETWORK_LABELS[k].toLowerCase()}`).join(' and ')}{' '}
          lie on top of each other: they are the same network, with the services placed differently.
        </p>
      )}
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
