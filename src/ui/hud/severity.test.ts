import { describe, expect, it } from 'vitest'
import { SEVERITY_ICON, failedLevel, hoursLevel, latencyLevel, shareLevel } from './severity'

describe('severity levels', () => {
  it('judges shares against two nines and 90%', () => {
    expect(shareLevel(1).severity).toBe('ok')
    expect(shareLevel(0.99).severity).toBe('ok')
    expect(shareLevel(0.97).severity).toBe('warn')
    expect(shareLevel(0.7).severity).toBe('bad')
    expect(shareLevel(null).severity).toBe('none')
  })

  it('judges latency against the same network at the start', () => {
    expect(latencyLevel(156, 156, 1).severity).toBe('ok')
    expect(latencyLevel(187, 156, 1).severity).toBe('ok')
    expect(latencyLevel(200, 156, 1).severity).toBe('warn')
    expect(latencyLevel(240, 156, 1)).toEqual({ severity: 'bad', word: 'much slower' })
    expect(latencyLevel(null, 156, 0)).toEqual({ severity: 'bad', word: 'no answer' })
    expect(latencyLevel(null, null, null).severity).toBe('none')
  })

  it('judges failed nodes by their share and person-hours by their size', () => {
    expect(failedLevel(0, 136).severity).toBe('ok')
    expect(failedLevel(1, 136).severity).toBe('warn')
    expect(failedLevel(150, 3000).severity).toBe('bad')
    expect(hoursLevel(0).severity).toBe('ok')
    expect(hoursLevel(5e5).severity).toBe('warn')
    expect(hoursLevel(1.5e7).severity).toBe('bad')
  })

  it('gives every level a word and an icon, so colour is never alone', () => {
    for (const level of [shareLevel(1), shareLevel(0.95), shareLevel(0.5), latencyLevel(null, 1, 0), hoursLevel(2e6)]) {
      expect(level.word.length).toBeGreaterThan(0)
      expect(SEVERITY_ICON[level.severity].length).toBeGreaterThan(0)
    }
    expect(new Set(Object.values(SEVERITY_ICON)).size).toBe(4)
  })
})
