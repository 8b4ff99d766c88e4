/**
 * Keeps the root element's data-theme in step with the store's theme: every overlay's colours and the projector's
 * larger type follow from it (theme.css). Installed before the first render, so the page never flashes the wrong
 * theme.
 */

import type { AppStore } from '../../store/store'
import './theme.css'

export function installThemeAttribute(store: AppStore, root: HTMLElement = document.documentElement): () => void {
  root.dataset.theme = store.getState().theme
  return store.subscribe((s, prev) => {
    if (s.theme !== prev.theme) root.dataset.theme = s.theme
  })
}
