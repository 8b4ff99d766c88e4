import { afterEach, describe, expect, it, vi } from 'vitest'
import { isOnScreen, onResume, setContextLost, shouldDraw, watchVisibility, type VisibilityEnv } from './visibility'

/** A document whose visibility the test sets, and an IntersectionObserver whose entries the test sends. */
function fakePage() {
  const listeners = new Set<() => void>()
  const doc = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (type: string, fn: () => void) => type === 'visibilitychange' && listeners.add(fn),
    removeEventListener: (type: string, fn: () => void) => type === 'visibilitychange' && listeners.delete(fn),
  }
  let report: ((entries: { isIntersecting: boolean }[]) => void) | null = null
  const observed: unknown[] = []
  let disconnected = false
  class FakeObserver {
    constructor(cb: (entries: { isIntersecting: boolean }[]) => void) {
      report = cb
    }
    observe(t: unknown) {
      observed.push(t)
    }
    disconnect() {
      disconnected = true
    }
  }
  const env = { document: doc, IntersectionObserver: FakeObserver } as unknown as VisibilityEnv
  return {
    env,
    observed,
    disconnected: () => disconnected,
    setHidden(hidden: boolean) {
      doc.visibilityState = hidden ? 'hidden' : 'visible'
      for (const fn of listeners) fn()
    },
    scroll(...states: boolean[]) {
      report!(states.map((isIntersecting) => ({ isIntersecting })))
    },
    listenerCount: () => listeners.size,
  }
}

const canvas = {} as Element
let stop: (() => void) | null = null

afterEach(() => {
  stop?.()
  stop = null
  setContextLost(false)
})

describe('whether frames are worth drawing', () => {
  it('is so while the tab is visible and the canvas is in the viewport', () => {
    const page = fakePage()
    stop = watchVisibility(canvas, page.env)
    expect(page.observed).toEqual([canvas])
    expect(isOnScreen()).toBe(true)
    page.setHidden(true)
    expect(isOnScreen()).toBe(false)
    expect(shouldDraw()).toBe(false)
    page.setHidden(false)
    expect(shouldDraw()).toBe(true)
    page.scroll(true, false) // the last entry is the current state
    expect(isOnScreen()).toBe(false)
    page.scroll(true)
    expect(isOnScreen()).toBe(true)
  })

  it('starts hidden when the page loads in a background tab', () => {
    const page = fakePage()
    page.setHidden(true)
    stop = watchVisibility(canvas, page.env)
    expect(isOnScreen()).toBe(false)
  })

  it('is not so while the WebGL context is lost, though the canvas is on screen', () => {
    const page = fakePage()
    stop = watchVisibility(canvas, page.env)
    setContextLost(true)
    expect(isOnScreen()).toBe(true)
    expect(shouldDraw()).toBe(false)
    setContextLost(false)
    expect(shouldDraw()).toBe(true)
  })

  it('tells the scene once when drawing is worth it again, and only then', () => {
    const page = fakePage()
    stop = watchVisibility(canvas, page.env)
    const resume = vi.fn()
    const remove = onResume(resume)
    page.setHidden(true)
    page.scroll(false)
    page.setHidden(false) // still scrolled away
    expect(resume).not.toHaveBeenCalled()
    page.scroll(true)
    expect(resume).toHaveBeenCalledTimes(1)
    page.scroll(true) // no change
    expect(resume).toHaveBeenCalledTimes(1)
    setContextLost(true)
    setContextLost(false)
    expect(resume).toHaveBeenCalledTimes(2)
    remove()
    page.setHidden(true)
    page.setHidden(false)
    expect(resume).toHaveBeenCalledTimes(2)
  })

  it('stops watching and counts as visible again when the scene goes away', () => {
    const page = fakePage()
    stop = watchVisibility(canvas, page.env)
    page.setHidden(true)
    stop()
    stop = null
    expect(page.listenerCount()).toBe(0)
    expect(page.disconnected()).toBe(true)
    expect(isOnScreen()).toBe(true)
  })

  it('works without IntersectionObserver, on visibility alone', () => {
    const page = fakePage()
    stop = watchVisibility(canvas, { document: page.env.document })
    expect(isOnScreen()).toBe(true)
    page.setHidden(true)
    expect(isOnScreen()).toBe(false)
  })
})
