import { useMemo } from 'react'
import { incidentById, replayScenario } from '../../sim/incidents/replay'
import { INCIDENT_REPORTS } from '../../sim/incidents/reports'
import { useAppStore } from '../../store/appStore'
import { formatDate, formatDuration } from './incidentText'
import './incidentCard.css'

/**
 * While a recorded outage replays: what happened, when, for how long, where it was reported, and what the replay
 * does to the network on screen. In the rail, under the numbers (chrome: the globe keeps clear of it). Loaded on
 * demand, with the reports' text (App.tsx).
 */
export function IncidentCard() {
  const id = useAppStore((s) => (s.scenario.kind === 'incident' && s.scenarioStartedAt !== null ? s.scenario.id : null))
  const net = useAppStore((s) => s.slots[s.active]?.net ?? null)
  const inc = id ? incidentById(id) : undefined
  const how = useMemo(() => (inc && net ? replayScenario(net, inc).how : null), [inc, net])
  const report = inc ? INCIDENT_REPORTS[inc.id] : undefined
  if (!inc || !report) return null
  const main = report.sources[0]!
  return (
    // The title is in the numbers' sentence above; this says what happened, where it is reported, and the replay.
    <aside className="incident-card" aria-label={`The outage replayed: ${inc.title}`} data-incident={inc.id}>
      <p className="incident-card__when">
        {formatDate(inc.date)} · {formatDuration(inc.durationMin)} ·{' '}
        {main.url ? (
          <a href={main.url} target="_blank" rel="noreferrer noopener" title={`${main.publisher}: ${main.title}`}>
            the report
          </a>
        ) : (
          <span title={`${main.publisher}: ${main.title}`}>{main.publisher}</span>
        )}
      </p>
      <p className="incident-card__summary">{report.summary}</p>
      {how && (
        <p className="incident-card__how">
          <span className="incident-card__label">Here: </span>
          {how}.
        </p>
      )}
    </aside>
  )
}
