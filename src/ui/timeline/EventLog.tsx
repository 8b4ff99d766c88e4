import { useMemo } from 'react'
import { useAppStore } from '../../store/appStore'
import { NETWORK_LABELS, type NetworkKind } from '../../store/store'
import { deriveEvents, MAX_EVENTS, type LogEvent } from '../events'
import { SEVERITY_ICON } from '../hud/severity'

interface Line extends LogEvent {
  kind: NetworkKind
}

/**
 * What failed, when and what it cost, newest first, for the networks given. A scrollable list the keyboard can
 * reach and scroll; not a live region (the HUD speaks, at most once a second).
 */
export function EventLog({ networks }: { networks: readonly NetworkKind[] }) {
  const scenario = useAppStore((s) => s.scenario)
  // Every snapshot replaces the slots object (the series grow in place inside it): derive again then.
  const slots = useAppStore((s) => s.slots)
  const key = networks.join(',')

  const lines = useMemo(() => {
    const out: Line[] = []
    for (const kind of key.split(',') as NetworkKind[]) {
      const slot = slots[kind]
      if (!slot) continue
      const context = { scenario, net: slot.net, milestones: slot.view.milestones }
      for (const e of deriveEvents(slot.series, context)) out.push({ ...e, kind })
    }
    // Newest first; with two networks, their events interleave by time.
    out.sort((a, b) => b.t - a.t)
    return out.slice(0, MAX_EVENTS)
  }, [key, scenario, slots])

  const many = networks.length > 1
  return (
    <div className="timeline__log" tabIndex={0} role="region" aria-label="Event log, newest first">
      <ol className="timeline__events">
        {lines.map((e, i) => (
          <li key={`${e.kind}-${e.t}-${i}`} className="timeline__event" data-severity={e.severity}>
            <span className="timeline__event-icon" aria-hidden="true">
              {SEVERITY_ICON[e.severity]}
            </span>
            <span className="timeline__event-text">
              <time className="timeline__when">{e.when}</time>
              {many && <span className="timeline__net"> {NETWORK_LABELS[e.kind]}</span>}: {e.what}
            </span>
          </li>
        ))}
      </ol>
    </div>
  )
}
