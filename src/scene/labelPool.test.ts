import { describe, expect, it } from 'vitest'
import { METROS } from '../sim/regions'
import { shortName } from './labelPool'

describe('short site names', () => {
  it('shorten a compass word and leave other names alone', () => {
    expect(shortName('Northern Virginia')).toBe('N. Virginia')
    expect(shortName('Northern California')).toBe('N. California')
    expect(shortName('South Africa')).toBe('S. Africa')
    expect(shortName('São Paulo')).toBe('São Paulo')
    expect(shortName('Frankfurt')).toBe('Frankfurt')
  })

  it('are at most 13 characters for every cloud region', () => {
    for (const m of METROS) expect(shortName(m.name).length, m.name).toBeLessThanOrEqual(13)
  })
})
