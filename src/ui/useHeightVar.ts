import { useLayoutEffect, type RefObject } from 'react'

/**
 * Writes the height of a piece of chrome at the bottom of the page (the dock, a story's caption) into a custom
 * property of the page (`.app`) while it is mounted, so what stands on it (layout.css: the timeline, the legend,
 * the compare view's halves) keeps clear of it at any font size and wrapping. `key` re-runs it when the element
 * comes and goes.
 */
export function useHeightVar(ref: RefObject<HTMLElement | null>, name: string, key: unknown): void {
  useLayoutEffect(() => {
    const el = ref.current
    const app = el?.closest<HTMLElement>('.app')
    if (!el || !app) return
    const observer = new ResizeObserver(() => app.style.setProperty(name, `${el.offsetHeight}px`))
    observer.observe(el)
    return () => {
      observer.disconnect()
      app.style.removeProperty(name)
    }
  }, [ref, name, key])
}
