import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadWorld } from '../cli/load-world'
import { applyUrlConfig } from '../embed/boot'
import { parseUrlParams } from '../embed/urlParams'
import { createPageBackend } from '../store/pageBackend'
import { createAppStore } from '../store/store'
import { BUILTIN_STORY } from './builtin'

const world = loadWorld()
const BASE = 'https://demo.example/talk/'

async function applied(search: string) {
  const store = createAppStore({ loadWorld: async () => world, createBackend: createPageBackend })
  const { config, problems } = parseUrlParams(search)
  const done = applyUrlConfig(store, config, BASE)
  await store.getState().load()
  await done
  return { store, problems }
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('a story named in the address', () => {
  it('presents a built-in story from the step asked for, looping when kiosk=1', async () => {
    const { store, problems } = await applied('story=builtin&step=3&kiosk=1')
    expect(problems).toEqual([])
    const { story } = store.getState()
    expect(story?.story).toBe(BUILTIN_STORY)
    expect(story?.index).toBe(2)
    expect(story?.kiosk).toBe(true)
    expect(store.getState().scenario.kind).toBe('incident')
  })

  it('loops the built-in story with kiosk=1 alone', async () => {
    const { store } = await applied('kiosk=1')
    expect(store.getState().story).toMatchObject({ index: 0, kiosk: true })
  })

  it('fetches a story file from the page’s folder, and reports a bad one by its field without presenting it', async () => {
    const bad = { ...BUILTIN_STORY, steps: [{ ...BUILTIN_STORY.steps[0]!, network: 'mesh' }] }
    const fetch = vi.fn(async () => new Response(JSON.stringify(bad)))
    vi.stubGlobal('fetch', fetch)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { store } = await applied('story=stories/mine.json')
    expect(fetch).toHaveBeenCalledWith('https://demo.example/talk/stories/mine.json', expect.anything())
    expect(store.getState().story).toBeNull()
    expect(store.getState().notices).toEqual([expect.stringContaining('$.steps[0].network')])
    expect(warn).toHaveBeenCalledOnce()
  })

  it('ignores a step without a story, saying so', () => {
    const { config, problems } = parseUrlParams('step=2')
    expect(config.step).toBeUndefined()
    expect(problems).toEqual(['step applies with a story; ignored.'])
  })
})
