import { describe, expect, it } from 'vitest'
import { BUILTIN_STORY } from './builtin'
import { fetchStory, readStoryText } from './load'
import { StoryError } from './schema'

const BASE = 'https://demo.example/talks/index.html'
const ONE_STEP = { version: 1, title: 'Mine', steps: [{ title: 'Hello', caption: 'A step.', network: 'p2p' }] }

/** A fetch that answers from a table of URLs, and records what was asked. */
function fakeFetch(files: Record<string, string>) {
  const asked: string[] = []
  const fn = (async (input: string | URL | Request) => {
    const href = String(input)
    asked.push(href)
    const body = files[href]
    return body === undefined ? new Response('missing', { status: 404 }) : new Response(body)
  }) as typeof fetch
  return { fn, asked }
}

describe('finding a story', () => {
  it('gives a built-in story by its id without any request', async () => {
    const { fn, asked } = fakeFetch({})
    expect(await fetchStory('builtin', BASE, fn)).toBe(BUILTIN_STORY)
    expect(asked).toEqual([])
  })

  it('fetches a story file by its path on the same site', async () => {
    const { fn, asked } = fakeFetch({ 'https://demo.example/talks/mine.json': JSON.stringify(ONE_STEP) })
    expect((await fetchStory('mine.json', BASE, fn)).title).toBe('Mine')
    expect(asked).toEqual(['https://demo.example/talks/mine.json'])
  })

  it('refuses a story on another site without asking it', async () => {
    const { fn, asked } = fakeFetch({})
    await expect(fetchStory('//evil.example/s.json', BASE, fn)).rejects.toThrow(/same site/)
    expect(asked).toEqual([])
  })

  it('says when the file is missing, and names the field at fault in a bad one', async () => {
    const bad = { ...ONE_STEP, steps: [{ ...ONE_STEP.steps[0], network: 'mesh' }] }
    const { fn } = fakeFetch({ 'https://demo.example/talks/bad.json': JSON.stringify(bad) })
    await expect(fetchStory('gone.json', BASE, fn)).rejects.toThrow(/HTTP 404/)
    const error = await fetchStory('bad.json', BASE, fn).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoryError)
    expect((error as StoryError).path).toBe('$.steps[0].network')
  })

  it('refuses a file too large to read', () => {
    expect(() => readStoryText(' '.repeat(2 * 1024 * 1024))).toThrow(StoryError)
  })
})
