import { useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/appStore'
import { parseSeed, randomSeed } from './playback'
import { useTask } from './useTask'

/**
 * The seed every network and failure is drawn from: the same seed gives the same networks and the same failure,
 * so a result can be shown again. A new seed rebuilds every network.
 */
export function SeedSection() {
  const { seed, ready } = useAppStore(useShallow((s) => ({ seed: s.seed, ready: s.status === 'ready' })))
  const setSeed = useAppStore((s) => s.setSeed)
  // The text as typed; null while it shows the store's seed (so a seed set elsewhere shows up here).
  const [typed, setTyped] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const task = useTask()

  const apply = (next: number) => {
    setError(null)
    void task.run(async () => {
      await setSeed(next)
      setTyped(null)
    })
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const r = parseSeed(typed ?? String(seed))
    if (!r.ok) setError(r.error)
    else apply(r.seed)
  }

  return (
    <section className="ctl-section" aria-labelledby="ctl-seed-title">
      <h2 className="ctl-section__title" id="ctl-seed-title">
        Seed
      </h2>
      <form className="ctl-form" noValidate onSubmit={submit} aria-label="Seed">
        <div className="ctl-row ctl-row--field">
          <label className="ctl-visually-hidden" htmlFor="ctl-seed">
            Seed
          </label>
          <input
            id="ctl-seed"
            className="ctl-input"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={typed ?? String(seed)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'ctl-seed-error' : 'ctl-seed-hint'}
            onChange={(e) => {
              setTyped(e.target.value)
              setError(null)
            }}
          />
          <button type="submit" className="ctl-button" disabled={!ready || task.busy}>
            Set
          </button>
          <button
            type="button"
            className="ctl-button"
            disabled={!ready || task.busy}
            onClick={() => {
              const next = randomSeed()
              setTyped(String(next))
              apply(next)
            }}
          >
            New seed
          </button>
        </div>
        {error ? (
          <p className="ctl-message ctl-message--error" id="ctl-seed-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="ctl-message" id="ctl-seed-hint" role="status">
            {task.busy ? 'Rebuilding every network from the new seed…' : 'Same seed, same networks and failures.'}
          </p>
        )}
        {task.error && (
          <p className="ctl-message ctl-message--error" role="alert">
            {task.error}
          </p>
        )}
      </form>
    </section>
  )
}
