/**
 * Where the simulation runs. In the browser, a Web Worker (src/worker/sim.worker.ts), so the page never waits on
 * a cascade round or a large network; in Node (tests), or where a worker cannot start, in the page itself
 * through the same SimHost (pageBackend.ts, loaded only then). Either way every call answers with a promise.
 */

import type { NetworkSpec } from '../sim/index'
import type { SweepOptions, SweepPoint } from '../sim/sweep'
import type { ScenarioSpec } from '../sim/scenarios'
import type { World } from '../sim/world'
import type { Act, NetworkKind, Request, Response, Results, RunOptions } from '../worker/protocol'

/** A long task under way: its result, and a way to stop it. */
export interface Job<T> {
  result: Promise<T>
  cancel(): void
}

export type SweepRequest = Omit<SweepOptions, 'onProgress'>

export interface SimBackend {
  /** 'worker' or 'page': where the simulation runs. */
  readonly where: 'worker' | 'page'
  build(kind: NetworkKind, spec: NetworkSpec, seed: number): Promise<Results['build']>
  /** The same build, telling its phases as it goes, and cancellable between them (a 100,000-node network). */
  buildJob(
    kind: NetworkKind,
    spec: NetworkSpec,
    seed: number,
    onProgress?: (done: number, total: number, phase: string) => void,
  ): Job<Results['build']>
  start(spec: ScenarioSpec, seed: number, options: RunOptions): Promise<Results['start']>
  step(count: number): Promise<Results['step']>
  import(text: string, name: string, seed: number): Promise<Results['import']>
  act(kind: NetworkKind, act: Act): Promise<Results['act']>
  sweep(kind: NetworkKind, options: SweepRequest, onProgress?: (done: number, total: number) => void): Job<SweepPoint[]>
  dispose(): void
}

/** Thrown (as the rejection) by a job that was cancelled. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled')
    this.name = 'Cancelled'
  }
}

/** A request without its id (distributing over the union, so each kind keeps its fields). */
type Unsent = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never

type Pending = {
  resolve: (v: unknown) => void
  reject: (e: unknown) => void
  onProgress?: (d: number, t: number, phase: string) => void
}

/** Runs the simulation in a Web Worker. */
export function createWorkerBackend(worker: Worker, world: World): SimBackend {
  let nextId = 1
  const pending = new Map<number, Pending>()
  worker.onmessage = (event: MessageEvent<Response>) => {
    const msg = event.data
    const p = pending.get(msg.id)
    if (!p) return
    if (msg.type === 'progress') {
      p.onProgress?.(msg.done, msg.total, msg.phase ?? '')
      return
    }
    pending.delete(msg.id)
    if (msg.type === 'result') p.resolve(msg.result)
    else p.reject(msg.message === 'cancelled' ? new Cancelled() : new Error(msg.message))
  }
  worker.onerror = (event) => {
    // A worker that dies takes every answer with it: say so rather than wait forever.
    const error = new Error(`the simulation worker failed: ${event.message || 'unknown error'}`)
    for (const p of pending.values()) p.reject(error)
    pending.clear()
  }
  const send = <T>(
    req: Unsent,
    onProgress?: (d: number, t: number, phase: string) => void,
  ): { id: number; result: Promise<T> } => {
    const id = nextId++
    const result = new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress })
    })
    worker.postMessage({ ...req, id } as Request)
    return { id, result }
  }
  // The worker's first message: the world it simulates (copied: the page keeps its own for drawing people).
  void send({ type: 'world', world }).result.catch(() => undefined)
  return {
    where: 'worker',
    build: (kind, spec, seed) => send<Results['build']>({ type: 'build', kind, spec, seed }).result,
    buildJob(kind, spec, seed, onProgress) {
      const { id, result } = send<Results['build']>({ type: 'build', kind, spec, seed }, onProgress)
      return { result, cancel: () => void send({ type: 'cancel', target: id }).result }
    },
    start: (spec, seed, options) => send<Results['start']>({ type: 'start', spec, seed, options }).result,
    step: (count) => send<Results['step']>({ type: 'step', count }).result,
    import: (text, name, seed) => send<Results['import']>({ type: 'import', text, name, seed }).result,
    act: (kind, act) => send<Results['act']>({ type: 'act', kind, act }).result,
    sweep(kind, options, onProgress) {
      const { id, result } = send<SweepPoint[]>({ type: 'sweep', kind, options }, onProgress)
      return { result, cancel: () => void send({ type: 'cancel', target: id }).result }
    },
    dispose() {
      worker.terminate()
      for (const p of pending.values()) p.reject(new Cancelled())
      pending.clear()
    },
  }
}
