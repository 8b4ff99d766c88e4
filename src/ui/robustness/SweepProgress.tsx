import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/appStore'
import { ALL_KINDS, NETWORK_LABELS } from '../../store/store'

/** The sweep's progress in trials (over every network), and how it ended: finished, cancelled or failed. */
export function SweepProgress() {
  const { status, done, total, current, error } = useAppStore(
    useShallow((s) => {
      const r = s.robustness
      // Networks are swept one after the other, in the usual order, each for the same number of trials.
      const trials = Math.max(1, Math.floor(r.request?.trials ?? 1))
      const kinds = r.request?.kinds ?? ALL_KINDS.filter((k) => s.slots[k])
      return {
        status: r.status,
        done: r.done,
        total: r.total,
        current: kinds[Math.min(kinds.length - 1, Math.floor(r.done / trials))] ?? null,
        error: r.error,
      }
    }),
  )
  if (status === 'idle') return null
  const share = total > 0 ? done / total : 0
  const count = `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} trials`
  return (
    <div className="robust__progress" data-status={status}>
      {status === 'running' && (
        <div
          className="robust__bar"
          role="progressbar"
          aria-label="Sweep progress"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-valuetext={count}
        >
          {/* Scaled, not resized: the compositor moves it, no layout at each trial. */}
          <div className="robust__fill" style={{ transform: `scaleX(${share})` }} />
        </div>
      )}
      <p className="robust__status" role="status">
        {status === 'running' && `${count}${current ? ` · now the ${NETWORK_LABELS[current].toLowerCase()}` : ''}`}
        {status === 'done' && `Done: ${count}.`}
        {status === 'cancelled' && `Cancelled after ${count}; the networks finished before are shown.`}
        {status === 'failed' && `The sweep failed: ${error ?? 'unknown error'}.`}
      </p>
    </div>
  )
}
