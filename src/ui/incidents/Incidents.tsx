import type { CSSProperties } from 'react'
import { INCIDENTS } from '../../sim/incidents/data'
import type { Incident } from '../../sim/incidents/types'
import { useAppStore } from '../../store/appStore'
import { PanelDialog } from '../dialog/PanelDialog'
import { INCIDENT_TABLE, MECHANISM_NAMES, formatDate, formatDuration, formatShare } from './incidentText'
import './incidents.css'

const YEARS = INCIDENTS.map((i) => Number(i.date.slice(0, 4)))
const FIRST_YEAR = Math.min(...YEARS)
const LAST_YEAR = Math.max(...YEARS) + 1
const SPAN_MS = Date.UTC(LAST_YEAR, 0, 1) - Date.UTC(FIRST_YEAR, 0, 1)

/** Where a day sits on the years axis, 0 to 1. */
function along(day: string): number {
  return (Date.parse(`${day}T00:00:00Z`) - Date.UTC(FIRST_YEAR, 0, 1)) / SPAN_MS
}

const ROWS = new Map(INCIDENT_TABLE.incidents.map((r) => [r.id, r]))

/**
 * "Recorded outages": real outages from the operators' own reports, on a line of years and in a list; one press
 * replays it on every network (the cloud gets what happened, the others the same mechanism translated), and the
 * model's figures stand beside the reported ones.
 */
export function Incidents() {
  return (
    <PanelDialog
      panel="incidents"
      className="incidents"
      title="Recorded outages"
      titleId="incidents-title"
      describedBy="incidents-lead"
      closeLabel="Close recorded outages"
      openerSelector='[data-opens="incidents"]'
      sheet
    >
      <IncidentsBody />
    </PanelDialog>
  )
}

function IncidentsBody() {
  const runIncident = useAppStore((s) => s.runIncident)
  const openPanel = useAppStore((s) => s.openPanel)
  const running = useAppStore((s) => (s.scenario.kind === 'incident' ? s.scenario.id : null))
  const focusIncident = useAppStore((s) => s.focusIncident)
  const replay = (id: string) => {
    openPanel(null)
    void runIncident(id)
  }
  return (
    <>
      <p id="incidents-lead" className="incidents__lead">
        Outages that really happened, from the operators’ own post-incident reports. Choose one: it replays on every
        network at once. The cloud gets what happened; the multi-region cloud and the peer-to-peer grid get the same
        mechanism, translated by fixed rules (How this works). Those that hit one place are pinned on the globe; point
        at one to see where.
      </p>
      <div className="incidents__axis" role="group" aria-label="Recorded outages by year">
        {Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, k) => FIRST_YEAR + k).map((y) => (
          <span
            key={y}
            // Every other year is left out where the line is short (a phone): incidents.css.
            className={`incidents__year${(y - FIRST_YEAR) % 2 === 1 ? ' incidents__year--minor' : ''}`}
            aria-hidden="true"
            style={{ '--at': String(along(`${y}-01-01`)) } as CSSProperties}
          >
            {y}
          </span>
        ))}
        {INCIDENTS.map((inc, k) => (
          <button
            key={inc.id}
            type="button"
            className="incidents__dot"
            data-incident={inc.id}
            data-mechanism={inc.mechanism}
            aria-pressed={running === inc.id}
            title={`${inc.title}, ${formatDate(inc.date)}`}
            aria-label={`Replay ${inc.title}, ${formatDate(inc.date)}`}
            onPointerEnter={() => focusIncident(inc.id)}
            onFocus={() => focusIncident(inc.id)}
            // Alternate rows, so dots close in time stay apart.
            style={{ '--at': String(along(inc.date)), '--row': String(k % 3) } as CSSProperties}
            onClick={() => replay(inc.id)}
          />
        ))}
      </div>
      <ol className="incidents__list">
        {[...INCIDENTS].reverse().map((inc) => (
          <IncidentItem
            key={inc.id}
            inc={inc}
            running={running === inc.id}
            onReplay={() => replay(inc.id)}
            onFocus={() => focusIncident(inc.id)}
          />
        ))}
      </ol>
      <ModelTable />
    </>
  )
}

interface ItemProps {
  inc: Incident
  running: boolean
  onReplay: () => void
  /** The pointer or the keyboard came to this outage: its place is lit on the globe. */
  onFocus: () => void
}

/** Where an outage happened, in a few words: its places, or worldwide. */
function whereOf(inc: Incident): string {
  return inc.scope === 'global' ? 'worldwide' : inc.scope.map((p) => p.name.replace(/\s*\(.*\)\s*$/, '')).join(' and ')
}

function IncidentItem({ inc, running, onReplay, onFocus }: ItemProps) {
  const row = ROWS.get(inc.id)
  const main = inc.sources[0]!
  return (
    <li className="incidents__item" data-incident={inc.id} onPointerEnter={onFocus} onFocus={onFocus}>
      <p className="incidents__meta">
        {formatDate(inc.date)} · {inc.provider} · {whereOf(inc)} · {MECHANISM_NAMES[inc.mechanism]} ·{' '}
        {formatDuration(inc.durationMin)}
      </p>
      <h3 className="incidents__title">{inc.title}</h3>
      <p className="incidents__summary">{inc.summary}</p>
      <ul className="incidents__figures">
        {inc.figures.map((f) => (
          <li key={f.text}>
            {f.text} <span className="incidents__cite">({inc.sources[f.source]!.publisher})</span>
          </li>
        ))}
      </ul>
      {row && (
        <p className="incidents__model">
          In the model, services down at the worst:{' '}
          {row.networks.map((n, k) => (
            <span key={n.network}>
              {k > 0 ? ', ' : ''}
              {n.network} {formatShare(n.servicesDown)}
            </span>
          ))}
          .
        </p>
      )}
      <p className="incidents__source">
        Source:{' '}
        {main.url ? (
          <a href={main.url} target="_blank" rel="noreferrer noopener">
            {main.publisher}, “{main.title}”
          </a>
        ) : (
          <>
            {main.publisher}, “{main.title}”
          </>
        )}
      </p>
      <button
        type="button"
        className="incidents__replay"
        data-action="replay"
        aria-pressed={running}
        onClick={onReplay}
      >
        {running ? 'Replay again' : 'Replay on every network'}
      </button>
    </li>
  )
}

/** The model against the record, as `npm run sim -- incidents` prints it. */
function ModelTable() {
  const rows = INCIDENT_TABLE.incidents
  const off = rows.filter((r) => r.offByOrder)
  return (
    <section className="incidents__table-wrap" aria-labelledby="incidents-table-title">
      <h3 id="incidents-table-title">The model beside the record</h3>
      <p className="incidents__note">
        Peak share of services down (user-weighted) and minutes of outage in each network; where the report gives its
        reach as a share, it stands beside the centralized cloud’s.
      </p>
      <div className="incidents__scroll">
        <table className="incidents__table">
          <thead>
            <tr>
              <th scope="col">Outage</th>
              <th scope="col">Reported</th>
              {rows[0]!.networks.map((n) => (
                <th scope="col" key={n.network}>
                  {n.network}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-off={r.offByOrder || undefined}>
                <th scope="row">
                  {r.title} <span className="incidents__cite">{r.date.slice(0, 4)}</span>
                </th>
                <td>
                  {formatDuration(r.reportedDurationMin)}
                  {r.reportedShare !== null ? `, ${formatShare(r.reportedShare)}` : ''}
                </td>
                {r.networks.map((n) => (
                  <td key={n.network}>
                    {formatShare(n.servicesDown)}
                    {n.outageMin > 0 ? `, ${formatDuration(n.outageMin)}` : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {off.length > 0 && (
        <p className="incidents__note" data-findings>
          More than 10 times off the record, a finding about the model rather than a failure:{' '}
          {off
            .map(
              (r) =>
                `${r.title} (reported ${formatShare(r.reportedShare!)} of ${r.reportedShareOf}; model ${formatShare(r.modelShare!)})`,
            )
            .join('; ')}
          . The model’s nodes are whole regions, points of presence and home servers: an outage of one building or of
          one machine in a hundred is below what it resolves.
        </p>
      )}
    </section>
  )
}
