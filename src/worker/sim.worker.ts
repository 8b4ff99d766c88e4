/// <reference lib="webworker" />
/**
 * The simulation's Web Worker: builds the networks, runs the scenario and the robustness sweeps off the page's
 * main thread, and answers each request with a snapshot to draw (protocol.ts). Sweeps go trial by trial, reading
 * messages in between, so one can be cancelled, and the networks keep stepping meanwhile.
 */

// First: before any schema is created (see csp.ts).
import '../csp'
import type { World } from '../sim/world'
import type { Request, Response } from './protocol'
import { SimHost } from './simHost'
import { withTransfer } from './transfer'

declare const self: DedicatedWorkerGlobalScope

/**
 * The world comes from the page, in the first message: the page has loaded and decoded the population data for
 * itself already, and a copy of it in this worker's own bundle would be a second download of it.
 */
let giveWorld: (world: World) => void = () => undefined
const host = new Promise<SimHost>((resolve) => {
  giveWorld = (world) => resolve(new SimHost(world))
})
const cancelled = new Set<number>()
/** Sweep progress is told at most this often, ms. */
const PROGRESS_INTERVAL_MS = 100

/** Typed arrays in an answer are copied here and transferred, so the page never spends time copying them. */
function reply(message: Response): void {
  const { value, transfer } = withTransfer(message)
  self.postMessage(value, transfer)
}

async function handle(req: Request): Promise<void> {
  if (req.type === 'world') {
    giveWorld(req.world)
    reply({ id: req.id, type: 'result', result: null })
    return
  }
  if (req.type === 'cancel') {
    cancelled.add(req.target)
    reply({ id: req.id, type: 'result', result: null })
    return
  }
  const h = await host
  switch (req.type) {
    case 'build': {
      // In phases, reading messages in between: progress for the page, and a cancel takes effect at the next.
      const run = h.buildSteps(req.kind, req.spec, req.seed)
      for (;;) {
        const next = run.next()
        if (next.done) {
          reply({ id: req.id, type: 'result', result: next.value })
          return
        }
        reply({ id: req.id, type: 'progress', done: next.value.done, total: next.value.total, phase: next.value.phase })
        await new Promise((r) => setTimeout(r, 0))
        if (cancelled.delete(req.id)) {
          reply({ id: req.id, type: 'error', message: 'cancelled' })
          return
        }
      }
    }
    case 'start':
      reply({ id: req.id, type: 'result', result: h.start(req.spec, req.seed, req.options) })
      return
    case 'step':
      reply({ id: req.id, type: 'result', result: h.step(req.count) })
      return
    case 'import':
      reply({ id: req.id, type: 'result', result: h.import(req.text, req.name, req.seed) })
      return
    case 'act':
      reply({ id: req.id, type: 'result', result: h.act(req.kind, req.act) })
      return
    case 'sweep': {
      const run = h.sweep(req.kind, req.options)
      let told = 0
      for (;;) {
        const next = run.next()
        if (next.done) {
          reply({ id: req.id, type: 'result', result: next.value })
          return
        }
        // Progress at most ten times a second (and the last): the page redraws its bar for each.
        const now = performance.now()
        if (now - told >= PROGRESS_INTERVAL_MS || next.value.done === next.value.total) {
          told = now
          reply({ id: req.id, type: 'progress', ...next.value })
        }
        // Let other messages in (a cancel, a step) before the next trial.
        await new Promise((r) => setTimeout(r, 0))
        if (cancelled.delete(req.id)) {
          reply({ id: req.id, type: 'error', message: 'cancelled' })
          return
        }
      }
    }
  }
}

self.onmessage = (event: MessageEvent<Request>) => {
  handle(event.data).catch((e: unknown) =>
    reply({ id: event.data.id, type: 'error', message: e instanceof Error ? e.message : String(e) }),
  )
}
