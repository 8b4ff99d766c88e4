/**
 * Finding a story to present: a built-in one by its id, or a presenter's JSON file, given as text (a file picked
 * on the page) or by its address on the demo's own site (the `story` URL parameter). A story from anywhere else is
 * refused: the demo makes no request outside its origin.
 */

import { BUILTIN_STORY } from './builtin'
import { StoryError, parseStory, type Story } from './schema'

/** The stories that ship with the demo, by the id a URL names them with. */
export const BUILTIN_STORIES: Readonly<Record<string, Story>> = { builtin: BUILTIN_STORY }

/** Story files over this size are refused before reading, bytes. */
export const MAX_STORY_BYTES = 1024 * 1024

/** A story file's text, checked; throws StoryError naming the field at fault. */
export function readStoryText(text: string): Story {
  if (text.length > MAX_STORY_BYTES) throw new StoryError('$', `the file is larger than ${MAX_STORY_BYTES / 1024} KB`)
  return parseStory(text)
}

/**
 * The story a URL names: a built-in id, or the path of a JSON file on the page's own origin (relative to `base`,
 * the page's address). Throws StoryError for a bad file, Error for one that cannot be had.
 */
export async function fetchStory(ref: string, base: string, fetchFn: typeof fetch = fetch): Promise<Story> {
  const builtin = Object.hasOwn(BUILTIN_STORIES, ref) ? BUILTIN_STORIES[ref] : undefined
  if (builtin) return builtin
  let url: URL
  try {
    url = new URL(ref, base)
  } catch {
    throw new Error(`not a story id (${Object.keys(BUILTIN_STORIES).join(', ')}) or an address`)
  }
  if (url.origin !== new URL(base).origin) throw new Error('a story file must be on the same site as the demo')
  let response: Response
  try {
    response = await fetchFn(url.href, { credentials: 'same-origin' })
  } catch (e) {
    throw new Error(`could not be fetched (${e instanceof Error ? e.message : String(e)})`, { cause: e })
  }
  if (!response.ok) throw new Error(`could not be fetched (HTTP ${response.status})`)
  return readStoryText(await response.text())
}
