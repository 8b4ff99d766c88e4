import { describe, expect, it } from 'vitest'
import { runSliced, runToEnd } from './slices'

function* count(to: number, onStep: (i: number) => void = () => {}): Generator<void, number> {
  let sum = 0
  for (let i = 1; i <= to; i++) {
    sum += i
    onStep(i)
    yield
  }
  return sum
}

/** Counts the tasks a computation's steps ran in: microtasks run at the end of each task. */
function taskCounter() {
  let inTask = false
  const counter = {
    tasks: 0,
    step() {
      if (inTask) return
      inTask = true
      counter.tasks++
      queueMicrotask(() => (inTask = false))
    },
  }
  return counter
}

function busy(ms: number) {
  const t = performance.now()
  while (performance.now() - t < ms) {
    // work
  }
}

describe('sliced work', () => {
  it('runs to its end at once', () => {
    expect(runToEnd(count(100))).toBe(5050)
  })

  it('runs in several tasks of about its budget each, never in the caller’s, and hands over the same result', async () => {
    const counter = taskCounter()
    let started = false
    const result = new Promise<number>((resolve) => {
      runSliced(
        count(30, () => {
          started = true
          counter.step()
          busy(1)
        }),
        resolve,
        3,
      )
    })
    expect(started).toBe(false)
    expect(await result).toBe(465)
    // 30 steps of 1 ms in slices of 3 ms: about ten tasks, certainly more than a few.
    expect(counter.tasks).toBeGreaterThanOrEqual(5)
    expect(counter.tasks).toBeLessThanOrEqual(30)
  })

  it('never hands over a result once cancelled', async () => {
    let done = false
    let cancel = () => {}
    cancel = runSliced(
      count(100, (i) => {
        if (i === 10) cancel()
      }),
      () => (done = true),
      0,
    )
    await new Promise((r) => setTimeout(r, 30))
    expect(done).toBe(false)
  })
})
