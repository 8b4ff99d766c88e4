import { useId, useRef, useState, type FormEvent } from 'react'
import type { NetworkSpec } from '../../sim/index'
import { useAppStore } from '../../store/appStore'
import type { BuiltInKind } from '../../store/store'
import { NumberInput } from './Field'
import { NETWORK_FIELDS, specFromValues, valuesFromSpec, type FormValues } from './networkForm'

interface Props {
  kind: BuiltInKind
  ready: boolean
  build: { busy: boolean; error: string | null } | undefined
  onApply: (spec: NetworkSpec) => void
}

/**
 * The main parameters of one network, applied by rebuilding it in the worker: the page stays live meanwhile, a bar
 * shows the build's phases with a Cancel, and the old network stays on screen until the new one is ready (or for
 * good, when cancelled).
 */
export function NetworkParams({ kind, ready, build, onApply }: Props) {
  const spec = useAppStore((s) => s.specs[kind])
  const [values, setValues] = useState<FormValues>(() => valuesFromSpec(spec))
  const [invalid, setInvalid] = useState<{ field: string | null; message: string } | null>(null)
  const form = useRef<HTMLFormElement>(null)
  const id = useId()
  const busy = build?.busy ?? false
  // How far the worker is with this network's rebuild (a 100,000-node one takes seconds), and a way to stop it.
  const progress = useAppStore((s) => (s.building?.kind === kind ? s.building : null))
  const cancelBuild = useAppStore((s) => s.cancelBuild)

  const set = (key: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [key]: value }))
    if (invalid?.field === key) setInvalid(null)
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const r = specFromValues(spec, values)
    if (!r.ok) {
      setInvalid({ field: r.field, message: r.message })
      // Take the keyboard to the field at fault, so the message is read out with it.
      if (r.field) form.current?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-${r.field}`)}`)?.focus()
      return
    }
    setInvalid(null)
    onApply(r.spec)
  }

  return (
    <details className="ctl-details">
      <summary className="ctl-details__summary">Parameters</summary>
      <form ref={form} className="ctl-form" noValidate onSubmit={submit} aria-label="Network parameters">
        <div className="ctl-grid">
          {NETWORK_FIELDS[kind].map((f) =>
            f.type === 'number' ? (
              <NumberInput
                key={f.key}
                id={`${id}-${f.key}`}
                label={f.label}
                hint={f.hint}
                min={f.min}
                max={f.max}
                step={f.step}
                value={String(values[f.key])}
                error={invalid?.field === f.key ? invalid.message : null}
                onChange={(v) => set(f.key, v)}
              />
            ) : (
              <label key={f.key} className="ctl-switch">
                <input
                  type="checkbox"
                  checked={values[f.key] === true}
                  onChange={(e) => set(f.key, e.target.checked)}
                />
                <span>
                  {f.label}
                  <span className="ctl-field__hint"> {f.hint}</span>
                </span>
              </label>
            ),
          )}
        </div>
        {invalid && invalid.field === null && (
          <p className="ctl-message ctl-message--error" role="alert">
            {invalid.message}
          </p>
        )}
        <div className="ctl-row">
          <button type="submit" className="ctl-button ctl-button--primary" disabled={!ready || busy}>
            {busy ? 'Building…' : 'Apply'}
          </button>
          <button
            type="button"
            className="ctl-button"
            disabled={busy}
            onClick={() => {
              setValues(valuesFromSpec({ kind }))
              setInvalid(null)
            }}
          >
            Defaults
          </button>
        </div>
        <p className="ctl-message" role="status">
          {busy ? `Building the network in the background${progress ? `: ${progress.phase}…` : '…'}` : ''}
        </p>
        {busy && progress && (
          <div className="ctl-row ctl-build">
            <progress
              className="ctl-build__bar"
              max={progress.total}
              value={progress.done}
              aria-label="Building the network"
            />
            <button type="button" className="ctl-button" data-action="cancel-build" onClick={cancelBuild}>
              Cancel
            </button>
          </div>
        )}
        {build?.error && (
          <p className="ctl-message ctl-message--error" role="alert">
            {build.error}
          </p>
        )}
      </form>
    </details>
  )
}
