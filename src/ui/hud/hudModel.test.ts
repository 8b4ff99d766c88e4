import { describe, expect, it } from 'vitest'
import type { StepMetrics } from '../../sim/engine'
import { hudTiles, liveSummary } from './hudModel'

const first: StepMetrics = {
  t: 0,
  usersOnline: 1,
  serviceAvailability: 1,
  survivability: 1,
  latencyP50Ms: 155.85,
  latencyP95Ms: 251.2,
  failedNodes: 0,
  failedLinks: 0,
  userHoursLost: 0,
}

describe('hudTiles', () => {
  it('shows the healthy network in green, with words, services available first', () => {
    const tiles = hudTiles(first, first, 136)
    expect(tiles.map((t) => [t.id, t.value, t.unit, t.level.severity])).toEqual([
      ['services', '100%', '', 'ok'],
      ['users', '100%', '', 'ok'],
      ['latency', '156', 'ms', 'ok'],
      ['failed', '0', 'nodes', 'ok'],
      ['hours', '0', '', 'ok'],
    ])
    expect(tiles.find((t) => t.id === 'latency')!.detail).toBe('p95 251 ms')
    expect(tiles.find((t) => t.id === 'failed')!.detail).toBe('of 136')
  })

  it('shows a loss with its severity, links when any, and person-hours in words', () => {
    const m = { ...first, t: 3, serviceAvailability: 0.7, failedNodes: 1, failedLinks: 72, userHoursLost: 30_375_973.8 }
    const tiles = Object.fromEntries(hudTiles(m, first, 136).map((t) => [t.id, t]))
    expect(tiles.services!.value).toBe('70%')
    expect(tiles.services!.level).toEqual({ severity: 'bad', word: 'severe' })
    expect(tiles.failed!.value).toBe('1')
    expect(tiles.failed!.unit).toBe('node')
    expect(tiles.failed!.detail).toBe('+ 72 links cut')
    expect(tiles.failed!.keyDetail).toBe(true)
    expect(tiles.hours!.value).toBe('30.4')
    expect(tiles.hours!.unit).toBe('million')
    expect(tiles.hours!.level.severity).toBe('bad')
  })

  it('says when nobody gets an answer', () => {
    const m = { ...first, t: 5, usersOnline: 0, serviceAvailability: 0, latencyP50Ms: null, latencyP95Ms: null }
    const latency = hudTiles(m, first, 136).find((t) => t.id === 'latency')!
    expect(latency.value).toBe('—')
    expect(latency.level.word).toBe('no answer')
  })
})

describe('liveSummary', () => {
  it('reads the sentence and the key numbers', () => {
    const m = { ...first, serviceAvailability: 0.7 }
    expect(liveSummary('Northern Virginia is down.', hudTiles(m, first, 136))).toBe(
      'Northern Virginia is down. Users online 100%, services available 70%, median latency 156 ms.',
    )
  })
})
