/** The page's side of the simulation worker: what it tells the worker first. */
import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import type { Request, Response } from '../worker/protocol'
import { createWorkerBackend } from './backend'

const world = loadWorld()

/** A stand-in for the worker: keeps what the page posts, answers every request with an empty result. */
function fakeWorker() {
  const posted: Request[] = []
  const worker = {
    onmessage: null as ((e: MessageEvent<Response>) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    postMessage(message: Request) {
      // As postMessage does: a structured clone, so what cannot cross to a worker fails here too.
      posted.push(structuredClone(message))
      queueMicrotask(() =>
        worker.onmessage?.({ data: { id: message.id, type: 'result', result: null } } as MessageEvent),
      )
    },
    terminate() {},
  }
  return { worker: worker as unknown as Worker, posted }
}

describe('the worker backend', () => {
  it('hands the worker the world the page loaded, before any request, so the data is downloaded once', async () => {
    const { worker, posted } = fakeWorker()
    const backend = createWorkerBackend(worker, world)
    await backend.step(1)
    expect(posted.map((m) => m.type)).toEqual(['world', 'step'])
    const sent = posted[0] as Extract<Request, { type: 'world' }>
    expect(sent.world.clusters.count).toBe(world.clusters.count)
    expect(sent.world.clusters.pop).toEqual(world.clusters.pop)
    expect(sent.world.countries).toEqual(world.countries)
  })
})
