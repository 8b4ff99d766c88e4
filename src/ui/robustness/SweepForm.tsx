import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/appStore'
import { SweepProgress } from './SweepProgress'
import { MAX_TRIALS, SWEEP_CHOICES, parseSweepFields, type FieldName, type SweepFields } from './sweepForm'

/** What to sweep (the failure, the trials, the fractions), Run, and while it runs its progress and Cancel. */
export function SweepForm({ fields, onChange }: { fields: SweepFields; onChange: (f: SweepFields) => void }) {
  const { running, ready, runSweep, cancelSweep } = useAppStore(
    useShallow((s) => ({
      running: s.robustness.status === 'running',
      ready: s.status === 'ready',
      runSweep: s.runSweep,
      cancelSweep: s.cancelSweep,
    })),
  )
  const [error, setError] = useState<{ field: FieldName; message: string } | null>(null)
  const form = useRef<HTMLFormElement>(null)
  const set = (patch: Partial<SweepFields>) => onChange({ ...fields, ...patch })
  const choice = SWEEP_CHOICES.find((c) => c.value === fields.choice)!

  // Run and Cancel take each other's place: the keyboard follows, rather than falling back to the page.
  useEffect(() => {
    const el = form.current
    if (el && !el.contains(document.activeElement) && document.activeElement === document.body)
      el.querySelector<HTMLElement>(running ? '.robust__cancel' : '.robust__run')?.focus()
  }, [running])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const parsed = parseSweepFields(fields)
    if (!parsed.ok) {
      setError({ field: parsed.field, message: parsed.message })
      form.current?.querySelector<HTMLElement>(`#robust-${parsed.field}`)?.focus()
      return
    }
    setError(null)
    void runSweep(parsed.request)
  }

  const aria = (field: FieldName) =>
    error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': 'robust-error' } : {}

  return (
    <form ref={form} className="robust__form" noValidate onSubmit={submit} aria-label="Sweep">
      <div className="robust__fields">
        <label className="robust__field robust__field--wide">
          <span>Failure</span>
          <select
            className="robust__input"
            value={fields.choice}
            aria-describedby="robust-choice-hint"
            onChange={(e) => set({ choice: e.target.value as SweepFields['choice'] })}
          >
            {SWEEP_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          id="robust-trials"
          label="Trials"
          value={fields.trials}
          min={1}
          max={MAX_TRIALS}
          {...aria('trials')}
          onChange={(trials) => set({ trials })}
        />
        <NumberField
          id="robust-upTo"
          label="Up to (%)"
          value={fields.upTo}
          min={1}
          max={100}
          {...aria('upTo')}
          onChange={(upTo) => set({ upTo })}
        />
        <NumberField
          id="robust-step"
          label="Step (%)"
          value={fields.step}
          min={1}
          max={100}
          {...aria('step')}
          onChange={(step) => set({ step })}
        />
        <div className="robust__actions">
          {running ? (
            <button type="button" className="robust__button robust__cancel" onClick={cancelSweep}>
              Cancel
            </button>
          ) : (
            <button type="submit" className="robust__button robust__run" disabled={!ready}>
              Run sweep
            </button>
          )}
        </div>
      </div>
      <p id="robust-choice-hint" className="robust__hint">
        {choice.description} Each network is swept with the same seed; more trials give smoother curves and take longer.
      </p>
      {error && (
        <p id="robust-error" className="robust__error" role="alert">
          {error.message}
        </p>
      )}
      <SweepProgress />
    </form>
  )
}

interface NumberFieldProps {
  id: string
  label: string
  value: string
  min: number
  max: number
  onChange: (value: string) => void
  'aria-invalid'?: true
  'aria-describedby'?: string
}

/** A number kept as typed, checked on Run. */
function NumberField({ id, label, value, min, max, onChange, ...aria }: NumberFieldProps) {
  return (
    <label className="robust__field" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        className="robust__input"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...aria}
      />
    </label>
  )
}
