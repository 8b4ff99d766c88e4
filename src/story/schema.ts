/**
 * Stories: what a presenter shows, step by step, as data. Each step is a network, a camera view, a scenario, and
 * a short caption for people who are not engineers. Presenters write their own in this JSON format and load them
 * by file or by URL; a bad story is refused with the path of the field at fault.
 */

import { z } from '../zod'
import { ScenarioSpecSchema } from '../sim/params'

const Kind = z.enum(['centralized', 'decentralized', 'p2p', 'imported'])

export const StoryStepSchema = z.strictObject({
  /** A few words, shown large. */
  title: z.string().check(z.minLength(1), z.maxLength(80)),
  /** One or two sentences for the audience. */
  caption: z.string().check(z.minLength(1), z.maxLength(400)),
  network: Kind,
  /** The place that faces the audience (flown to). */
  view: z.optional(
    z.strictObject({ lat: z.number().check(z.gte(-90), z.lte(90)), lon: z.number().check(z.gte(-180), z.lte(180)) }),
  ),
  /** What happens (default: a healthy network, nothing failing). */
  scenario: z.optional(ScenarioSpecSchema),
  /** Whether the clock runs (default: yes when there is a scenario). */
  play: z.optional(z.boolean()),
  /** Simulated minutes per second during this step. */
  speed: z.optional(z.number().check(z.gte(0.1), z.lte(1000))),
  /** Two networks side by side. */
  compare: z.optional(z.strictObject({ left: Kind, right: Kind })),
  /** In the unattended loop, how long this step stays, seconds. */
  seconds: z.optional(z.number().check(z.gte(2), z.lte(600))),
})

export const StorySchema = z.strictObject({
  version: z.literal(1),
  title: z.string().check(z.minLength(1), z.maxLength(120)),
  steps: z.array(StoryStepSchema).check(z.minLength(1), z.maxLength(99)),
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
