import { useStore } from 'zustand'
import { createWorkerBackend, type SimBackend } from './backend'
import { createAppStore, type AppState } from './store'
import { browserStorage, readPrefs, writePrefs } from './prefs'
import { startWorker } from './startWorker'
import { loadWorldData } from './worldData'
import type { World } from '../sim/world'

/** The simulation in a Web Worker where the browser can start one; in the page otherwise (Node, old browsers). */
function createBackend(world: World): SimBackend | Promise<SimBackend> {
  if (typeof Worker !== 'undefined') {
    try {
      const worker = startWorker()
      if (worker) return createWorkerBackend(worker, world)
    } catch {
      // A page opened from disk, or a policy that forbids workers: run it here instead.
    }
  }
  // Loaded only here: with a worker, the page never downloads the simulation.
  return import('./pageBackend').then((m) => m.createPageBackend(world))
}

/** The app's store: one per page, starting from the preferences kept from an earlier visit. */
export const appStore = createAppStore({ loadWorld: loadWorldData, createBackend })
const kept = readPrefs(browserStorage())
if (kept.theme) appStore.getState().setTheme(kept.theme)
if (kept.speed) appStore.getState().setSpeed(kept.speed)
appStore.subscribe((s, prev) => {
  // An embed keeps its looks to itself: it shares the site's storage and must not change the full demo's.
  if (s.embed) return
  if (s.theme !== prev.theme || s.speed !== prev.speed) writePrefs(browserStorage(), { theme: s.theme, speed: s.speed })
})

/** Reads a narrow slice of the store in a component; re-renders only when that slice changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector)
}
