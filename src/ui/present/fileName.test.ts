import { describe, expect, it } from 'vitest'
import { captureFileName } from './fileName'

describe('capture file names', () => {
  const date = new Date(2026, 10, 24, 9, 5, 7)

  it('name the network, the scenario, the simulated minute and the local time', () => {
    expect(
      captureFileName({ network: 'centralized', scenario: 'site', simMinutes: 42.4, date, extension: 'png' }),
    ).toBe('p2p-globe_centralized_site_t42min_2026-11-24_090507.png')
  })

  it('keep only characters every file system accepts', () => {
    const name = captureFileName({ network: 'a/b:c', scenario: '', simMinutes: NaN, date, extension: 'webm' })
    expect(name).toBe('p2p-globe_a-b-c_none_t0min_2026-11-24_090507.webm')
    expect(name).toMatch(/^[\w.-]+$/)
  })
})
