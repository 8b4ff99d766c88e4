import { useStore } from 'zustand'
import { createAppStore, type AppState } from './store'
import { loadWorldData } from './worldData'

/** The app's store: one per page. */
export const appStore = createAppStore({ loadWorld: loadWorldData })

/** Reads a narrow slice of the store in a component; re-renders only when that slice changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector)
}
