/**
 * Long main-thread work cut into slices: a generator yields wherever it may pause, and runSliced runs it a few
 * milliseconds at a time, each slice in its own task, so the page keeps drawing and answering meanwhile (building
 * the geometry of a 100,000-node network takes longer than a frame). runToEnd runs the same generator at once.
 */

/** Runs a sliceable computation to its end, here and now. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next()
    if (r.done) return r.value
  }
}

/** Milliseconds of work per slice: well inside a frame. */
export const SLICE_MS = 8

/**
 * Runs a sliceable computation in tasks of about `budgetMs` each (a MessageChannel, which does not clamp like
 * nested timers) and hands over its result. Returns a function that cancels it; a cancelled one never calls
 * `done`.
 */
export function runSliced<T>(steps: Generator<void, T>, done: (value: T) => void, budgetMs = SLICE_MS): () => void {
  const channel = new MessageChannel()
  let cancelled = false
  const stop = () => {
    cancelled = true
    channel.port1.onmessage = null
    channel.port1.close()
    channel.port2.close()
  }
  channel.port1.onmessage = () => {
    if (cancelled) return
    const end = performance.now() + budgetMs
    for (;;) {
      const r = steps.next()
      if (r.done) {
        stop()
        done(r.value)
        return
      }
      if (performance.now() >= end) break
    }
    channel.port2.postMessage(null)
  }
  channel.port2.postMessage(null)
  return stop
}
