import { useId, useRef, useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { incidentById } from '../../sim/incidents/replay'
import { SCENARIO_DESCRIPTIONS, SCENARIO_KINDS } from '../../sim/scenarios'
import { useAppStore } from '../../store/appStore'
import { SelectInput } from './Field'
import { ScenarioParams } from './ScenarioParams'
import { failureStore, useFailure } from './failureStore'
import { SCENARIO_NAMES, specFromFields, type ScenarioFields, type ScenarioResult } from './scenarioForm'
import { useTask } from './useTask'

const OPTIONS = SCENARIO_KINDS.map((kind) => ({ value: kind, label: SCENARIO_NAMES[kind] }))

/** Pick a failure, set its parameters, run it: it hits every network at once, at the same place and seed. */
export function ScenarioSection() {
  const { ready, running } = useAppStore(
    useShallow((s) => ({
      ready: s.status === 'ready',
      running:
        s.scenarioStartedAt === null || s.scenario.kind === 'none'
          ? null
          : s.scenario.kind === 'incident'
            ? (incidentById(s.scenario.id)?.title ?? 'a recorded outage')
            : SCENARIO_NAMES[s.scenario.kind],
    })),
  )
  const runScenario = useAppStore((s) => s.runScenario)
  // Shared with the dock's Fail button, and showing what runs however it started (failureStore.ts).
  const fields = useFailure((s) => s.fields)
  const [invalid, setInvalid] = useState<Exclude<ScenarioResult, { ok: true }> | null>(null)
  const task = useTask()
  const form = useRef<HTMLFormElement>(null)
  const id = useId()

  const change = (c: Partial<ScenarioFields>) => {
    failureStore.getState().change(c)
    setInvalid(null)
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const r = specFromFields(fields)
    if (!r.ok) {
      setInvalid(r)
      form.current?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-${r.field}`)}`)?.focus()
      return
    }
    void task.run(() => runScenario(r.spec))
  }

  return (
    <section className="ctl-section" aria-labelledby="ctl-scenario-title">
      <h2 className="ctl-section__title" id="ctl-scenario-title">
        Failure
      </h2>
      <form ref={form} className="ctl-form" noValidate onSubmit={submit} aria-label="Failure scenario">
        <SelectInput
          id={`${id}-kind`}
          label="Scenario"
          hint={SCENARIO_DESCRIPTIONS[fields.kind]}
          value={fields.kind}
          options={OPTIONS}
          onChange={(kind) => change({ kind })}
        />
        <ScenarioParams id={id} fields={fields} invalid={invalid} onChange={change} />
        <div className="ctl-row">
          <button
            type="submit"
            className="ctl-button ctl-button--primary ctl-button--wide"
            disabled={!ready || task.busy}
          >
            {task.busy ? 'Starting…' : 'Run on every network'}
          </button>
        </div>
        <p className="ctl-message" role="status">
          {running ? `Running: ${running}` : ''}
        </p>
        {task.error && (
          <p className="ctl-message ctl-message--error" role="alert">
            {task.error}
          </p>
        )}
      </form>
    </section>
  )
}
