import { describe, expect, it } from 'vitest'
import { AT_START, createRingPlan, HEALS_PER_STEP, PER_STEP, planRings, RingKind, type StepFacts } from './ringPlan'

const nodes = (n: number) => Int32Array.from({ length: n }, (_, i) => 100 + i)
const step = (facts: Partial<StepFacts>): StepFacts => ({
  scenarioKind: 'region',
  round: 0,
  failedNow: new Int32Array(0),
  healedNow: new Int32Array(0),
  ...facts,
})

describe('the rings a step calls for', () => {
  it('rings a disaster that takes down tens of small nodes at once at a sample spread over them', () => {
    const plan = planRings(step({ failedNow: nodes(67) }), createRingPlan())
    expect(plan.count).toBe(AT_START)
    const rung = [...plan.node.subarray(0, plan.count)]
    // Spread over the list, not its first few: the first and one past the middle are among them.
    expect(rung).toContain(100)
    expect(Math.max(...rung)).toBeGreaterThan(100 + 67 / 2)
    expect(new Set(rung).size).toBe(plan.count)
    expect([...plan.kind.subarray(0, plan.count)].every((k) => k === RingKind.small)).toBe(true)
  })

  it('rings every node when there are few, and none after the first step of a failure that does not travel', () => {
    expect(planRings(step({ scenarioKind: 'attack', failedNow: nodes(3) }), createRingPlan()).count).toBe(3)
    expect(planRings(step({ round: 2, failedNow: nodes(5) }), createRingPlan()).count).toBe(0)
  })

  it('follows a cascade step by step, its trigger with the large ring', () => {
    const first = planRings(step({ scenarioKind: 'cascade', round: 0, failedNow: nodes(1) }), createRingPlan())
    expect([first.count, first.kind[0]]).toEqual([1, RingKind.big])
    const later = planRings(step({ scenarioKind: 'cascade', round: 4, failedNow: nodes(40) }), createRingPlan())
    expect(later.count).toBe(PER_STEP)
    expect([...later.kind.subarray(0, later.count)].every((k) => k === RingKind.small)).toBe(true)
  })

  it('rings where self-healing re-created a copy, whatever the scenario, but never churn as a shock', () => {
    const healing = planRings(
      step({ scenarioKind: 'churn', round: 9, failedNow: nodes(30), healedNow: nodes(7) }),
      createRingPlan(),
    )
    expect(healing.count).toBe(HEALS_PER_STEP)
    expect([...healing.kind.subarray(0, healing.count)].every((k) => k === RingKind.healing)).toBe(true)
    expect(planRings(step({ scenarioKind: 'none', failedNow: nodes(3) }), createRingPlan()).count).toBe(0)
  })
})
