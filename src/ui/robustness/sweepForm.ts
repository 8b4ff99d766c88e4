/**
 * The robustness panel's form: what fails, how many trials, which fractions. Pure, so a bad value's message is
 * tested without a browser: the fields are read as typed (strings), and either give a sweep request or name the
 * field that is wrong and why.
 */

import type { SweepRequest } from '../../store/store'

/** The failures a sweep can apply, as the form offers them. */
export type SweepChoice = 'random' | 'attackDegree' | 'attackLoad' | 'links' | 'places'

export const SWEEP_CHOICES: readonly { value: SweepChoice; label: string; description: string }[] = [
  { value: 'random', label: 'Random node failures', description: 'Nodes fail at random, each as likely as any other.' },
  {
    value: 'attackDegree',
    label: 'Targeted attack: best connected first',
    description: 'An attacker takes out the nodes with the most links first.',
  },
  {
    value: 'attackLoad',
    label: 'Targeted attack: busiest first',
    description: 'An attacker takes out the nodes that carry the most traffic first.',
  },
  { value: 'links', label: 'Random link cuts', description: 'Links are cut at random; every node stays up.' },
  {
    value: 'places',
    label: 'Disasters at random places',
    description:
      'Disasters 1,000 km across strike where people live, the same places on every network: like with like, where a share of nodes means 7 cloud regions on one side and 150 small servers on the other.',
  },
]

export interface SweepFields {
  choice: SweepChoice
  trials: string
  /** The largest share failed, in percent. */
  upTo: string
  /** The distance between two fractions, in percent. */
  step: string
}

export const DEFAULT_FIELDS: SweepFields = { choice: 'random', trials: '4', upTo: '90', step: '10' }

export const MAX_TRIALS = 200
/** More points than this make a slow sweep and an unreadable table. */
const MAX_POINTS = 41

export type FieldName = 'trials' | 'upTo' | 'step'

export type ParsedSweep = { ok: true; request: SweepRequest } | { ok: false; field: FieldName; message: string }

/** The request the fields ask for, or the first field that is wrong with a message that says what is expected. */
export function parseSweepFields(fields: SweepFields): ParsedSweep {
  const trials = wholeNumber(fields.trials)
  if (trials === null || trials < 1 || trials > MAX_TRIALS)
    return { ok: false, field: 'trials', message: `Trials: expected a whole number from 1 to ${MAX_TRIALS}` }
  const upTo = wholeNumber(fields.upTo)
  if (upTo === null || upTo < 1 || upTo > 100)
    return { ok: false, field: 'upTo', message: 'Up to: expected a whole percentage from 1 to 100' }
  const step = wholeNumber(fields.step)
  if (step === null || step < 1 || step > upTo)
    return { ok: false, field: 'step', message: `Step: expected a whole percentage from 1 to ${upTo} (the "up to")` }
  const fractions = sweepFractions(upTo, step)
  if (fractions.length > MAX_POINTS)
    return {
      ok: false,
      field: 'step',
      message: `Step: ${fractions.length} points are too many; take a step of at least ${Math.ceil(upTo / (MAX_POINTS - 1))}%`,
    }
  return { ok: true, request: { ...failureOf(fields.choice), trials, fractions } }
}

/** 0, step, 2·step… up to and including `upTo` (percent), as fractions. */
export function sweepFractions(upToPercent: number, stepPercent: number): number[] {
  const out: number[] = []
  for (let p = 0; p < upToPercent; p += stepPercent) out.push(p / 100)
  out.push(upToPercent / 100)
  return out
}

function failureOf(choice: SweepChoice): Pick<SweepRequest, 'failure' | 'by'> {
  if (choice === 'attackDegree') return { failure: 'attack', by: 'degree' }
  if (choice === 'attackLoad') return { failure: 'attack', by: 'load' }
  return { failure: choice }
}

/** The form's choice for a request (to show what the last sweep was). */
export function choiceOf(request: Pick<SweepRequest, 'failure' | 'by'>): SweepChoice {
  if (request.failure === 'attack') return request.by === 'load' ? 'attackLoad' : 'attackDegree'
  return request.failure
}

function wholeNumber(text: string): number | null {
  const t = text.trim()
  return /^\d{1,6}$/.test(t) ? Number(t) : null
}
