/**
 * Stories: what a presenter shows, step by step, as data. Each step is a network, a camera view, a scenario, and
 * a short caption for people who are not engineers. Presenters write their own in this JSON format and load them
 * by file or by URL; a bad story is refused with the path of the field at fault.
 */

import { z } from 'zod'
import { ScenarioSpecSchema } from '../sim/params'

const Kind = z.enum(['centralized', 'decentralized', 'p2p', 'imported'])

export const StoryStepSchema = z.strictObject({
  /** A few words, shown large. */
  title: z.string().min(1).max(80),
  /** One or two sentences for the audience. */
  caption: z.string().min(1).max(400),
  network: Kind,
  /** The place that faces the audience (flown to). */
  view: z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  /** What happens (default: a healthy network, nothing failing). */
  scenario: ScenarioSpecSchema.optional(),
  /** Whether the clock runs (default: yes when there is a scenario). */
  play: z.boolean().optional(),
  /** Simulated minutes per second during this step. */
  speed: z.number().min(0.1).max(1000).optional(),
  /** Two networks side by side. */
  compare: z.strictObject({ left: Kind, right: Kind }).optional(),
  /** In the unattended loop, how long this step stays, seconds. */
  seconds: z.number().min(2).max(600).optional(),
})

export const StorySchema = z.strictObject({
  version: z.literal(1),
  title: z.string().min(1).max(120),
  steps: z.array(StoryStepSchema).min(1).max(99),
})

export type StoryStep = z.infer<typeof StoryStepSchema>
export type Story = z.infer<typeof StorySchema>

/** A story that could not be read: the JSON path of the first problem and what is wrong there. */
export class StoryError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`)
    this.name = 'StoryError'
  }
}

/** Checks a story given as JSON text or as a parsed value; throws StoryError naming the field at fault. */
export function parseStory(input: string | unknown): Story {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch (e) {
      throw new StoryError('$', `not valid JSON (${(e as Error).message})`)
    }
  }
  const r = StorySchema.safeParse(value)
  if (r.success) return r.data
  const issue = r.error.issues[0]!
  let path = '$'
  for (const p of issue.path) path += typeof p === 'number' ? `[${p}]` : `.${String(p)}`
  throw new StoryError(path, issue.message)
}
