/** Starts the simulation's Web Worker (a module worker bundled by Vite). */
export function startWorker(): Worker | null {
  return new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' })
}
