/**
 * Which rings a step of the simulation calls for, beside the large one where a scenario starts: at the nodes a
 * failure hits at once (a disaster's, an attack's, random failures': a sample spread over them), at the nodes a
 * cascade, a spreading failure or a push reaches at each step, and white ones where self-healing re-created a lost
 * copy. Churn's everyday failures are not shocks. Plain code on the snapshot's arrays, written into a reusable
 * plan (nothing allocated), so it is unit-tested without a scene.
 */

import type { Scenario } from '../sim/scenarios'

/** Rings per step at most for a failure that travels; at the first step of one that hits many nodes at once. */
export const PER_STEP = 3
export const AT_START = 10
/** Healing rings per step at most. */
export const HEALS_PER_STEP = 4

export const RingKind = { small: 0, big: 1, healing: 2 } as const
export type RingKind = (typeof RingKind)[keyof typeof RingKind]

/** What a step of a network's simulation tells the rings. */
export interface StepFacts {
  scenarioKind: Scenario['kind']
  /** The scenario's round (0 at the step it started). */
  round: number
  failedNow: Int32Array
  healedNow: Int32Array
}

export interface RingPlan {
  count: number
  node: Int32Array
  kind: Uint8Array
}

export function createRingPlan(): RingPlan {
  const most = AT_START + HEALS_PER_STEP
  return { count: 0, node: new Int32Array(most), kind: new Uint8Array(most) }
}

/** Up to `most` of `nodes`, spread evenly over the list. */
function sample(nodes: Int32Array, most: number, kind: (k: number) => RingKind, plan: RingPlan): void {
  const stride = Math.max(1, Math.floor(nodes.length / most))
  for (let k = 0, n = 0; k < nodes.length && n < most; k += stride, n++) {
    plan.node[plan.count] = nodes[k]!
    plan.kind[plan.count] = kind(k)
    plan.count++
  }
}

/** The rings for one step, into `plan` (its count first). */
export function planRings(step: StepFacts, plan: RingPlan): RingPlan {
  plan.count = 0
  sample(step.healedNow, HEALS_PER_STEP, () => RingKind.healing, plan)
  const kind = step.scenarioKind
  if (kind === 'churn' || kind === 'none') return plan
  const travels = kind === 'cascade' || kind === 'spread' || kind === 'push'
  if (!travels && step.round !== 0) return plan
  // The trigger of a cascade or the first machine of a push gets the large ring.
  sample(
    step.failedNow,
    travels ? PER_STEP : AT_START,
    (k) => (travels && step.round === 0 && k === 0 ? RingKind.big : RingKind.small),
    plan,
  )
  return plan
}
