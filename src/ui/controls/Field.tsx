import type { ReactNode } from 'react'

interface FieldProps {
  id: string
  label: string
  /** A few words on what the value does, read out with the field. */
  hint?: string
  /** The message when the value is refused; the field is marked invalid then. */
  error?: string | null
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode
}

/** A labelled form control with its hint and its error underneath, both tied to it for screen readers. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div className="ctl-field" data-invalid={error ? 'true' : undefined}>
      <label className="ctl-field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}
      {hint && (
        <span className="ctl-field__hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="ctl-field__error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  )
}

interface NumberInputProps {
  id: string
  label: string
  hint?: string
  error?: string | null
  value: string
  min: number
  max: number
  step: number
  onChange: (value: string) => void
}

/** A number field: the value kept as typed, checked only when the form is submitted. */
export function NumberInput({ value, min, max, step, onChange, ...field }: NumberInputProps) {
  return (
    <Field {...field}>
      {(aria) => (
        <input
          {...aria}
          className="ctl-input"
          type="number"
          inputMode="decimal"
          min={min}
          max={max}
          step={step}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  )
}

interface SelectInputProps<T extends string> {
  id: string
  label: string
  hint?: string
  error?: string | null
  value: T
  options: readonly { value: T; label: string }[]
  onChange: (value: T) => void
}

export function SelectInput<T extends string>({ value, options, onChange, ...field }: SelectInputProps<T>) {
  return (
    <Field {...field}>
      {(aria) => (
        <select {...aria} className="ctl-input" value={value} onChange={(e) => onChange(e.target.value as T)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
