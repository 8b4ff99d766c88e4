/**
 * The failures the dock's Fail menu offers in one click: the common ones, at the places that matter, with the
 * parameters the controls would give them. Each hits every network at once; the controls' Failure section has
 * every scenario and parameter for the rest.
 */

import { SCENARIO_DEFAULTS } from '../../sim/params'
import { METROS } from '../../sim/regions'
import type { ScenarioSpec } from '../../sim/scenarios'
import { FIRST_FAILURE } from '../controls/failureStore'

export interface FailurePreset {
  id: string
  /** As the menu lists it. */
  name: string
  /** One line on what it is. */
  hint: string
  spec: ScenarioSpec
}

function metro(id: string): { lat: number; lon: number } {
  const m = METROS.find((x) => x.id === id)!
  return { lat: m.lat, lon: m.lon }
}

export const FAILURE_PRESETS: readonly FailurePreset[] = [
  {
    id: 'region-ashburn',
    name: 'Disaster in Northern Virginia',
    hint: `Everything within ${SCENARIO_DEFAULTS.region.radiusKm} km goes down: power, flood or worse`,
    spec: FIRST_FAILURE,
  },
  {
    id: 'site-largest',
    name: 'The largest site goes dark',
    hint: 'The one cloud region, or the one node, that most depends on',
    spec: { kind: 'site', at: 'largest' },
  },
  {
    id: 'region-frankfurt',
    name: 'Disaster around Frankfurt',
    hint: `Everything within ${SCENARIO_DEFAULTS.region.radiusKm} km of Frankfurt goes down`,
    spec: { kind: 'region', ...metro('frankfurt'), radiusKm: SCENARIO_DEFAULTS.region.radiusKm },
  },
  {
    id: 'push',
    name: 'A bad configuration push',
    hint: "One operator's machines take a broken update: on a cloud, all of them",
    spec: { kind: 'push', transmissibility: SCENARIO_DEFAULTS.push.transmissibility, operator: 'largest' },
  },
  {
    id: 'release',
    name: 'A bad software release',
    hint: 'One release every node runs, pushed everywhere: the grid shares one system too',
    spec: { kind: 'push', transmissibility: SCENARIO_DEFAULTS.push.transmissibility, operator: 'all' },
  },
  {
    id: 'attack',
    name: 'A targeted attack',
    hint: `The best connected ${SCENARIO_DEFAULTS.attack.fraction * 100}% of nodes are taken out`,
    spec: { kind: 'attack', fraction: SCENARIO_DEFAULTS.attack.fraction, by: SCENARIO_DEFAULTS.attack.by },
  },
  {
    id: 'cascade',
    name: 'An overload cascade',
    hint: 'The busiest node fails; its load overloads others, round after round',
    spec: { kind: 'cascade', alpha: SCENARIO_DEFAULTS.cascade.alpha, trigger: SCENARIO_DEFAULTS.cascade.trigger },
  },
  {
    id: 'random',
    name: 'Random failures',
    hint: `${SCENARIO_DEFAULTS.random.fraction * 100}% of all nodes fail at once, anywhere`,
    spec: { kind: 'random', fraction: SCENARIO_DEFAULTS.random.fraction },
  },
]
