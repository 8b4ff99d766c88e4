import { describe, expect, it } from 'vitest'
import { PREFS_KEY, readPrefs, writePrefs } from './prefs'

function memory(initial?: string) {
  const data = new Map<string, string>()
  if (initial !== undefined) data.set(PREFS_KEY, initial)
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  }
}

describe('preferences', () => {
  it('keep the theme and speed between visits', () => {
    const storage = memory()
    writePrefs(storage, { theme: 'projector', speed: 8 })
    expect(readPrefs(storage)).toEqual({ theme: 'projector', speed: 8 })
  })

  it('ignore a broken or foreign stored value and keep the valid ones', () => {
    expect(readPrefs(memory('not json'))).toEqual({})
    expect(readPrefs(memory('"a string"'))).toEqual({})
    expect(readPrefs(memory('{"theme":"neon","speed":4}'))).toEqual({ speed: 4 })
    expect(readPrefs(memory('{"theme":"light","speed":-3}'))).toEqual({ theme: 'light' })
    expect(readPrefs(memory('{"speed":"fast"}'))).toEqual({})
  })

  it('never fail when storage cannot be used', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(readPrefs(broken)).toEqual({})
    expect(() => writePrefs(broken, { speed: 2 })).not.toThrow()
    expect(readPrefs(null)).toEqual({})
  })
})
