import { describe, expect, it } from 'vitest'
import { PALETTE } from '../../scene/constants'
import type { StepMetrics } from '../../sim/engine'
import { chartColumns, chartLines, chartMarks } from './chartData'

function m(t: number, sa: number, p50: number | null = 100): StepMetrics {
  return {
    t,
    usersOnline: 1,
    serviceAvailability: sa,
    survivability: 1,
    latencyP50Ms: p50,
    latencyP95Ms: p50 === null ? null : p50 * 2,
    failedNodes: 0,
    failedLinks: 0,
    userHoursLost: 0,
  }
}

describe('chart lines', () => {
  it('gives each network its colour and each metric a dash', () => {
    const lines = chartLines(['centralized'], 'availability')
    expect(lines).toEqual([
      {
        kind: 'centralized',
        metric: 'serviceAvailability',
        label: 'Services available',
        color: PALETTE.centralized.node,
        dashed: false,
      },
      {
        kind: 'centralized',
        metric: 'usersOnline',
        label: 'Users online',
        color: PALETTE.centralized.node,
        dashed: true,
      },
    ])
    const both = chartLines(['centralized', 'p2p'], 'latency')
    expect(both.map((l) => l.label)).toEqual([
      'Latency, median, Centralized cloud',
      'Latency, p95, Centralized cloud',
      'Latency, median, Peer-to-peer grid',
      'Latency, p95, Peer-to-peer grid',
    ])
    expect(new Set(both.map((l) => l.color)).size).toBe(2)
  })
})

describe('chart columns', () => {
  it('puts shares in percent and latency in ms, one row per step', () => {
    const series = { centralized: [m(0, 1), m(1, 0.7), m(2, 0.7)] }
    const cols = chartColumns(chartLines(['centralized'], 'availability'), (k) => series[k as 'centralized'])
    expect(cols).toEqual([
      [0, 1, 2],
      [100, 70, 70],
      [100, 100, 100],
    ])
    const lat = chartColumns(chartLines(['centralized'], 'latency'), (k) => series[k as 'centralized'])
    expect(lat[1]).toEqual([100, 100, 100])
    expect(lat[2]).toEqual([200, 200, 200])
  })

  it('aligns networks on the clock, with gaps where one has no value', () => {
    const series: Record<string, StepMetrics[]> = {
      centralized: [m(0, 1), m(1, 0.7), m(2, 0.7), m(3, 0.7)],
      // Rebuilt at minute 2: its series starts again there.
      p2p: [m(2, 1), m(3, 0.99, null)],
    }
    const lines = chartLines(['centralized', 'p2p'], 'latency')
    const cols = chartColumns(lines, (k) => series[k])
    expect(cols[0]).toEqual([0, 1, 2, 3])
    expect(cols[3]).toEqual([null, null, 100, null])
    const av = chartColumns(chartLines(['centralized', 'p2p'], 'availability'), (k) => series[k])
    expect(av[1]).toEqual([100, 70, 70, 70])
    expect(av[3]).toEqual([null, null, 100, 99])
  })

  it('draws nothing for a network that is not built', () => {
    const cols = chartColumns(chartLines(['imported'], 'availability'), () => undefined)
    expect(cols).toEqual([[], [], []])
  })
})

describe('chart marks', () => {
  it('marks the first of each kind of repair: engineers alerted, restored by people, the grid healing itself', () => {
    expect(
      chartMarks([
        { t: 4, kind: 'detected', by: 'provider', count: 1 },
        { t: 30, kind: 'healed', by: 'grid', count: 12 },
        { t: 35, kind: 'healed', by: 'grid', count: 3 },
        { t: 191, kind: 'repaired', by: 'provider', count: 1 },
        { t: 361, kind: 'repaired', by: 'area', count: 0 },
        { t: 721, kind: 'repaired', by: 'operator', count: 4 },
        { t: 800, kind: 'repaired', by: 'operator', count: 2 },
      ]),
    ).toEqual([
      { t: 4, label: 'engineers alerted' },
      { t: 30, label: 'healed itself' },
      { t: 191, label: 'restored by people' },
      { t: 361, label: 'area back' },
      { t: 721, label: 'repaired by people' },
    ])
    expect(chartMarks([])).toEqual([])
  })
})
