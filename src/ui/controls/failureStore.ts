/**
 * The failure the page offers to run next, as the form holds it: shared by the dock's Fail button and the
 * controls' Failure section, and kept in step with what runs. When a scenario starts from anywhere (the form, the
 * dock, the address, a story step, the page API, a message), the form takes it, so the controls never show one
 * scenario while another runs. A small vanilla store of its own: it is the form's state, not the simulation's.
 */

import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import { SCENARIO_DEFAULTS } from '../../sim/params'
import type { ScenarioSpec } from '../../sim/scenarios'
import { appStore } from '../../store/appStore'
import { fieldsFromSpec, withKind, type ScenarioFields } from './scenarioForm'

/** What the page offers first: a regional disaster around Northern Virginia, the largest cloud region's metro. */
export const FIRST_FAILURE: ScenarioSpec = { kind: 'region', ...SCENARIO_DEFAULTS.region }

export interface FailureState {
  fields: ScenarioFields
  /** Changes some fields; a change of kind takes that kind's defaults for what it does not share (withKind). */
  change(c: Partial<ScenarioFields>): void
  /** The form for a scenario (what runs, or a preset picked in the dock). */
  show(spec: ScenarioSpec): void
}

export const failureStore = createStore<FailureState>()((set, get) => ({
  fields: fieldsFromSpec(FIRST_FAILURE),
  change(c) {
    const f = get().fields
    set({ fields: c.kind && c.kind !== f.kind ? { ...withKind(f, c.kind), ...c } : { ...f, ...c } })
  },
  show(spec) {
    set({ fields: fieldsFromSpec(spec, get().fields) })
  },
}))

export function useFailure<T>(selector: (s: FailureState) => T): T {
  return useStore(failureStore, selector)
}

// What runs is what the form shows. A step without a scenario ("none") runs nothing new: the form keeps its choice.
const follow = (scenario: ScenarioSpec) => {
  if (scenario.kind !== 'none') failureStore.getState().show(scenario)
}
follow(appStore.getState().scenario)
appStore.subscribe((s, prev) => {
  if (s.scenario !== prev.scenario) follow(s.scenario)
})
