import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import { createPageBackend } from '../store/pageBackend'
import { createAppStore } from '../store/store'
import { BUILTIN_STORY } from './builtin'
import { KEY_BINDINGS, bindingFor } from './keys'
import { StoryError, parseStory } from './schema'

const world = loadWorld()

function storyError(input: unknown): StoryError {
  try {
    parseStory(input)
  } catch (e) {
    if (e instanceof StoryError) return e
    throw e
  }
  throw new Error('expected the story to be refused')
}

describe('stories', () => {
  it('the built-in one is a valid story that ends side by side', () => {
    expect(parseStory(JSON.stringify(BUILTIN_STORY))).toEqual(BUILTIN_STORY)
    const last = BUILTIN_STORY.steps[BUILTIN_STORY.steps.length - 1]!
    expect(last.compare).toEqual({ left: 'centralized', right: 'p2p' })
    expect(BUILTIN_STORY.steps[0]!.network).toBe('centralized')
    expect(BUILTIN_STORY.steps.some((s) => s.network === 'p2p' && s.scenario?.kind === 'region')).toBe(true)
  })

  it('name the field at fault in a bad story', () => {
    expect(storyError('{"version": 1, "title": ').path).toBe('$')
    expect(storyError({ version: 2, title: 'x', steps: [] }).path).toBe('$.version')
    expect(storyError({ version: 1, title: 'x', steps: [] }).path).toBe('$.steps')
    const bad = { ...BUILTIN_STORY, steps: [{ ...BUILTIN_STORY.steps[0]!, network: 'mesh' }] }
    expect(storyError(bad).path).toBe('$.steps[0].network')
    const badScenario = {
      ...BUILTIN_STORY,
      steps: [{ ...BUILTIN_STORY.steps[0]!, scenario: { kind: 'region', lat: 100, lon: 0, radiusKm: 10 } }],
    }
    expect(storyError(badScenario).path).toBe('$.steps[0].scenario.lat')
    const extra = { ...BUILTIN_STORY, steps: [{ ...BUILTIN_STORY.steps[0]!, colour: 'red' }] }
    expect(storyError(extra).path).toBe('$.steps[0]')
  })
})

describe('presenter keys', () => {
  it('map clickers, arrows and letters to actions, from one table', () => {
    expect(bindingFor({ key: 'PageDown', ctrlKey: false, altKey: false, metaKey: false })!.action).toBe('next')
    expect(bindingFor({ key: ' ', ctrlKey: false, altKey: false, metaKey: false })!.action).toBe('next')
    expect(bindingFor({ key: 'PageUp', ctrlKey: false, altKey: false, metaKey: false })!.action).toBe('previous')
    expect(bindingFor({ key: 'F', ctrlKey: false, altKey: false, metaKey: false })!.action).toBe('fullscreen')
    expect(bindingFor({ key: '.', ctrlKey: false, altKey: false, metaKey: false })!.action).toBe('blank')
    expect(bindingFor({ key: '7', ctrlKey: false, altKey: false, metaKey: false })!.action).toBe('jump')
    // Keys the demo does not use, and modified ones, are left to the page around it.
    expect(bindingFor({ key: 'x', ctrlKey: false, altKey: false, metaKey: false })).toBeNull()
    expect(bindingFor({ key: 'f', ctrlKey: true, altKey: false, metaKey: false })).toBeNull()
    const all = KEY_BINDINGS.flatMap((b) => b.keys)
    expect(new Set(all).size).toBe(all.length)
  })
})

describe('presenting a story', () => {
  async function presenting() {
    const store = createAppStore({ loadWorld: async () => world, createBackend: createPageBackend })
    await store.getState().load()
    await store.getState().loadStory(BUILTIN_STORY)
    return store
  }

  it('shows each step: its network, view, scenario and whether it plays', async () => {
    const store = await presenting()
    let s = store.getState()
    expect(s.story!.index).toBe(0)
    expect(s.active).toBe('centralized')
    expect(s.scenario).toEqual({ kind: 'none' })
    expect(s.playing).toBe(false)
    expect(s.view).toMatchObject({ lat: 32, lon: -35 })
    await s.goToStep(2)
    s = store.getState()
    expect(s.scenario).toEqual({ kind: 'incident', id: 'aws-2025-10-20' })
    expect(s.playing).toBe(true)
    await s.goToStep(5)
    expect(store.getState().active).toBe('p2p')
  })

  it('goes on and back within the story, and ends on the comparison', async () => {
    const store = await presenting()
    await store.getState().previousStep()
    expect(store.getState().story!.index).toBe(0)
    for (let i = 0; i < 20; i++) await store.getState().nextStep()
    const s = store.getState()
    expect(s.story!.index).toBe(BUILTIN_STORY.steps.length - 1)
    expect(s.compare).toEqual({ on: true, left: 'centralized', right: 'p2p' })
    await s.goToStep(0)
    expect(store.getState().compare.on).toBe(false)
  })

  it('loops back to the start in the unattended loop', async () => {
    const store = await presenting()
    store.getState().setKiosk(true)
    await store.getState().goToStep(BUILTIN_STORY.steps.length - 1)
    await store.getState().nextStep()
    expect(store.getState().story!.index).toBe(0)
  })
})
