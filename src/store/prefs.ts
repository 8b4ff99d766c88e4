/**
 * Preferences kept between visits (theme, speed) in localStorage. Each value is checked on the way in: a broken or
 * foreign value is ignored, the rest kept, and storage that cannot be used (a sandboxed iframe, private browsing)
 * simply keeps nothing.
 */

import { z } from '../zod'
import { THEMES, type Theme } from './store'

export const PREFS_KEY = 'p2pglobe:prefs'

export interface Prefs {
  theme?: Theme
  speed?: number
}

const Theme = z.enum(THEMES as [Theme, ...Theme[]])
const Speed = z.number().check(z.gte(0.1), z.lte(1000))

/** The preferences stored, keeping only the values that are valid. */
export function readPrefs(storage: Pick<Storage, 'getItem'> | null): Prefs {
  let raw: unknown
  try {
    const text = storage?.getItem(PREFS_KEY)
    if (!text) return {}
    raw = JSON.parse(text)
  } catch {
    return {}
  }
  if (!raw || typeof raw !== 'object') return {}
  const prefs: Prefs = {}
  const r = raw as Record<string, unknown>
  const theme = Theme.safeParse(r.theme)
  if (theme.success) prefs.theme = theme.data
  const speed = Speed.safeParse(r.speed)
  if (speed.success) prefs.speed = speed.data
  return prefs
}

export function writePrefs(storage: Pick<Storage, 'setItem'> | null, prefs: Prefs): void {
  try {
    storage?.setItem(PREFS_KEY, JSON.stringify(prefs))
  } catch {
    // Full, forbidden or gone: preferences are a convenience, never a failure.
  }
}

/** localStorage when the page may use it. */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}
