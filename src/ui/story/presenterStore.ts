/**
 * What the presenter mode shows over the page and nowhere else: the help, the black screen, which chrome to bring
 * back after H, and the last story file that could not be loaded. A small vanilla store of its own, apart from the
 * app's, read by the overlays and written by the key handler and the buttons.
 */

import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import type { UiMode } from '../../store/store'

export interface StoryLoadError {
  file: string
  /** JSON path of the field at fault, "$" for the whole file. */
  path: string
  detail: string
}

export interface PresenterState {
  helpOpen: boolean
  blanked: boolean
  /** The chrome H hid, to show again on the next H; null when nothing is hidden by H. */
  hiddenFrom: UiMode | null
  /** The chrome before the story began (presenting shows less of it), restored on exit. */
  before: UiMode | null
  /** Why the last story file could not be presented: the file, the field at fault and what is wrong there. */
  loadError: StoryLoadError | null
  /** A short note for the presenter (full screen refused…), until the next key. */
  note: string | null
}

export const presenterStore = createStore<PresenterState>()(() => ({
  helpOpen: false,
  blanked: false,
  hiddenFrom: null,
  before: null,
  loadError: null,
  note: null,
}))

export function usePresenter<T>(selector: (s: PresenterState) => T): T {
  return useStore(presenterStore, selector)
}
