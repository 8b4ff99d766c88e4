/**
 * The simulation run in the page itself (Node, the tests, a page opened from disk, a policy that forbids
 * workers). Its own module, so a page with a worker never downloads the simulation (src/store/appStore.ts).
 */

import type { World } from '../sim/world'
import { SimHost } from '../worker/simHost'
import { Cancelled, type SimBackend } from './backend'

/** Runs the simulation in the page. Sweeps still go trial by trial, letting the page breathe in between. */
export function createPageBackend(world: World): SimBackend {
  const host = new SimHost(world)
  return {
    where: 'page',
    build: async (kind, spec, seed) => host.build(kind, spec, seed),
    buildJob(kind, spec, seed, onProgress) {
      let stop = false
      const result = (async () => {
        const run = host.buildSteps(kind, spec, seed)
        for (;;) {
          const next = run.next()
          if (next.done) return next.value
          onProgress?.(next.value.done, next.value.total, next.value.phase)
          await new Promise((r) => setTimeout(r, 0))
          if (stop) throw new Cancelled()
        }
      })()
      return { result, cancel: () => (stop = true) }
    },
    start: async (spec, seed, options) => host.start(spec, seed, options),
    step: async (count) => host.step(count),
    import: async (text, name, seed) => host.import(text, name, seed),
    act: async (kind, act) => host.act(kind, act),
    sweep(kind, options, onProgress) {
      let stop = false
      const result = (async () => {
        const run = host.sweep(kind, options)
        for (;;) {
          const next = run.next()
          if (next.done) return next.value
          onProgress?.(next.value.done, next.value.total)
          await new Promise((r) => setTimeout(r, 0))
          if (stop) throw new Cancelled()
        }
      })()
      return { result, cancel: () => (stop = true) }
    },
    dispose() {},
  }
}
