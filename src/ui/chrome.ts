/**
 * Which parts of the page's chrome are open: the control drawer, the timeline, the legend and the HUD's further
 * numbers. All closed at first, at every size, so the globe has the screen; the dock's buttons open them. A small
 * vanilla store of its own, apart from the app's (it is about the page, not about what the simulation shows).
 */

import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'

export type Part = 'drawer' | 'timeline' | 'legend' | 'details'

export type ChromeState = Record<Part, boolean> & {
  /** Opens or closes a part (the opposite of its state when `open` is not given). */
  toggle(part: Part, open?: boolean): void
  /** Closes every part (Esc with nothing else to close, a story starting). */
  closeAll(): void
}

export const chromeStore = createStore<ChromeState>()((set, get) => ({
  drawer: false,
  timeline: false,
  legend: false,
  details: false,
  toggle(part, open) {
    set({ [part]: open ?? !get()[part] } as Partial<ChromeState>)
  },
  closeAll() {
    set({ drawer: false, timeline: false, legend: false })
  },
}))

export function useChrome<T>(selector: (s: ChromeState) => T): T {
  return useStore(chromeStore, selector)
}

/**
 * Closes a part from its own button (or Esc) and gives the keyboard back to the dock's button that opens it, so a
 * keyboard user is not left on nothing.
 */
export function closePart(part: Part): void {
  chromeStore.getState().toggle(part, false)
  document.querySelector<HTMLElement>(`[data-action="open-${part}"]`)?.focus()
}
