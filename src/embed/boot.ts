/**
 * Setting the page up from its address: the URL parameters are read, every bad one reported (in a notice and in
 * the console) while the rest applies, and, when embedded, the postMessage API installed for the allowed origin.
 */

import { fetchStory } from '../story/load'
import type { AppStore } from '../store/store'
import { installMessageApi, type StoryControl } from './messages'
import { parseUrlParams, type UrlConfig } from './urlParams'

/**
 * Applies what can apply before the networks exist (looks), then, once they are built, the rest. `base` is the
 * page's address, which a story file's path is relative to. At load, the presentation's defaults follow from
 * whether the page is an embed; later (applyParams) only what the parameters name changes.
 */
export async function applyUrlConfig(
  store: AppStore,
  config: UrlConfig,
  base = 'http://localhost/',
  atLoad = true,
): Promise<void> {
  const s = store.getState()
  if (config.theme) s.setTheme(config.theme)
  if (config.speed !== undefined) s.setSpeed(config.speed)
  if (atLoad) {
    const embed = config.embed ?? false
    s.setPresentation({
      embed,
      ui: config.ui ?? (embed ? 'none' : 'full'),
      // Embedded, the globe takes no drag or wheel until asked to, so the host page scrolls past it.
      interactive: config.interactive ?? !embed,
    })
  } else {
    if (config.ui !== undefined) s.setPresentation({ ui: config.ui })
    if (config.interactive !== undefined) s.setPresentation({ interactive: config.interactive })
  }
  if (config.view) s.lookAt(config.view, true)

  // Before the first build, the seed and the size are simply what it builds with (a later change rebuilds every
  // network, and would start over any scenario begun meanwhile).
  const early = s.status === 'loading' && s.backend === null
  if (early && config.seed !== undefined) void s.setSeed(config.seed)
  if (early && config.nodes !== undefined) void s.configure({ kind: 'p2p', nodes: config.nodes })
  await waitUntilReady(store)
  if (store.getState().status !== 'ready') return
  if (!early && config.seed !== undefined) await store.getState().setSeed(config.seed)
  if (!early && config.nodes !== undefined) await store.getState().configure({ kind: 'p2p', nodes: config.nodes })
  if (config.network) store.getState().setNetwork(config.network)
  if (config.compare) store.getState().setCompare({ on: true, ...config.compare })
  if (config.scenario?.kind === 'incident') {
    // Its own speed and place, unless the address gives them.
    await store.getState().runIncident(config.scenario.id)
    if (config.speed !== undefined) store.getState().setSpeed(config.speed)
    if (config.view) store.getState().lookAt(config.view, true)
    if (config.autoplay === false) store.getState().pause()
  } else if (config.scenario) {
    await store.getState().runScenario(config.scenario)
    if (config.autoplay === false) store.getState().pause()
  } else if (config.autoplay) {
    store.getState().play()
  }
  // kiosk=1 alone loops the built-in story.
  const ref = config.story ?? (config.kiosk ? 'builtin' : undefined)
  if (ref) await presentStory(store, ref, config, base)
}

/** Presents the story the address names, from its step; one that cannot be had is reported and nothing changes. */
async function presentStory(store: AppStore, ref: string, config: UrlConfig, base: string): Promise<void> {
  try {
    const story = await fetchStory(ref, base)
    await store.getState().loadStory(story, (config.step ?? 1) - 1, config.kiosk ?? false)
  } catch (e) {
    const problem = `story=${JSON.stringify(ref)} was not presented: ${e instanceof Error ? e.message : String(e)}`
    console.warn(`p2p-globe: ${problem}`)
    store.getState().notify([problem])
  }
}

function waitUntilReady(store: AppStore): Promise<void> {
  if (store.getState().status !== 'loading') return Promise.resolve()
  return new Promise((resolve) => {
    const stop = store.subscribe((s) => {
      if (s.status !== 'loading') {
        stop()
        resolve()
      }
    })
  })
}

/** Parameters fixed when the page loads: who may drive it by message, and whether it is an embed. */
const AT_LOAD_ONLY = ['parentOrigin', 'embed'] as const

/**
 * An address's parameters applied to the running page (`window.p2pglobe.applyParams`), as if it had been loaded
 * with them, without reloading it: what is wrong is reported as at load (notice and console) and the rest
 * applies, except parentOrigin and embed, which only a load sets. Returns the problems found.
 */
export function applyParams(store: AppStore, search: string, base: string): string[] {
  const { config, problems } = parseUrlParams(search)
  for (const key of AT_LOAD_ONLY) {
    if (config[key] === undefined) continue
    delete config[key]
    problems.push(`${key} applies only when the page loads; ignored.`)
  }
  // The notice tells about this address, not the ones before it.
  store.getState().dismissNotices()
  report(store, problems)
  void applyUrlConfig(store, config, base, false)
  return problems
}

function report(store: AppStore, problems: string[]): void {
  if (problems.length === 0) return
  for (const p of problems) console.warn(`p2p-globe: ${p}`)
  store.getState().notify(problems)
}

export interface BootOptions {
  search: string
  origin: string
  story?: () => StoryControl | null
  win?: Window
}

/** Reads the address, reports what it could not use, applies the rest, and opens the message API when embedded. */
export function boot(store: AppStore, { search, origin, story, win }: BootOptions): UrlConfig {
  const { config, problems } = parseUrlParams(search)
  report(store, problems)
  // Without parentOrigin only a page of the demo's own origin may drive it, and only such a page is told anything.
  // A host's goToStep (1-based) moves the story being presented, if there is one.
  const storyControl = () =>
    store.getState().story ? { goToStep: (step: number) => void store.getState().goToStep(step - 1) } : null
  installMessageApi(store, {
    allowedOrigin: config.parentOrigin ?? origin,
    assumed: config.parentOrigin === undefined,
    story: story ?? storyControl,
    win,
  })
  void applyUrlConfig(store, config, typeof location === 'undefined' ? `${origin}/` : location.href)
  return config
}
