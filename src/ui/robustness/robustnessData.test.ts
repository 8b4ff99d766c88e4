import { describe, expect, it } from 'vitest'
import { PALETTE } from '../../scene/constants'
import { formatPercent } from '../hud/format'
import type { SweepPoint } from '../../sim/sweep'
import { ALL_KINDS } from '../../store/store'
import {
  NETWORK_MARKS,
  describeSweep,
  drawOrder,
  formatShare,
  markerPath,
  overlapNote,
  overlappingSurvivability,
  sweepColumns,
  sweepLines,
  sweepRows,
  type SweepResults,
} from './robustnessData'

/** A point with survivability s and availability a (sd a tenth of the loss), or no services when a is null. */
function point(fraction: number, s: number, a: number | null): SweepPoint {
  return {
    fraction,
    survivability: { mean: s, sd: (1 - s) / 10 },
    usersOnline: a === null ? null : { mean: 1, sd: 0 },
    serviceAvailability: a === null ? null : { mean: a, sd: (1 - a) / 10 },
  }
}

const RESULTS: SweepResults = {
  p2p: [point(0, 1, 1), point(0.3, 0.9, 0.964), point(0.6, 0.5, 0.7)],
  centralized: [point(0, 1, 1), point(0.3, 0.6, 0.41), point(0.6, 0.2, 0.1)],
}

describe('the robustness chart data', () => {
  it('draws two lines per network in the usual order, coloured by network, dashed for availability', () => {
    const lines = sweepLines(RESULTS)
    expect(lines.map((l) => [l.kind, l.metric, l.dashed])).toEqual([
      ['centralized', 'survivability', false],
      ['centralized', 'serviceAvailability', true],
      ['p2p', 'survivability', false],
      ['p2p', 'serviceAvailability', true],
    ])
    expect(lines[0]!.color).toBe(PALETTE.centralized.node)
    expect(lines[3]!.label).toBe('Services available, Peer-to-peer grid')
  })

  it('draws no availability line for a graph without services', () => {
    const lines = sweepLines({ imported: [point(0, 1, null), point(0.5, 0.4, null)] })
    expect(lines.map((l) => l.metric)).toEqual(['survivability'])
  })

  it('puts the share failed on x and every line in percent', () => {
    const lines = sweepLines(RESULTS)
    expect(sweepColumns(lines, RESULTS)).toEqual([
      [0, 30, 60],
      [100, 60, 20],
      [100, 41, 10],
      [100, 90, 50],
      [100, 96.4, 70],
    ])
  })

  it('gives the table the same means with their standard deviations, gaps where a network has no point', () => {
    const results: SweepResults = { ...RESULTS, decentralized: [point(0.3, 0.8, 0.8)] }
    const lines = sweepLines(results)
    const rows = sweepRows(lines, results)
    expect(rows.map((r) => r.percent)).toEqual([0, 30, 60])
    const dec = lines.findIndex((l) => l.kind === 'decentralized' && l.metric === 'serviceAvailability')
    expect(rows.map((r) => r.values[dec])).toEqual([null, { mean: 80, sd: 2 }, null])
    const central = lines.findIndex((l) => l.kind === 'centralized' && l.metric === 'survivability')
    expect(rows[1]!.values[central]).toEqual({ mean: 60, sd: 4 })
  })
})

describe('overlapping lines', () => {
  it('names the networks whose survivability lines lie on top of each other, and only those', () => {
    const results: SweepResults = {
      ...RESULTS,
      decentralized: [point(0, 1, 1), point(0.3, 0.6, 0.8), point(0.6, 0.2, 0.5)],
    }
    expect(overlappingSurvivability(results)).toEqual(['centralized', 'decentralized'])
    expect(overlappingSurvivability(RESULTS)).toEqual([])
    expect(overlappingSurvivability({ ...RESULTS, decentralized: [point(0, 1, 1), point(0.3, 0.6, 0.8)] })).toEqual([])
  })
})

describe('telling the networks apart without colour', () => {
  it('gives every network its own marker and draws the lines widest first, the usual order among equals', () => {
    const markers = ALL_KINDS.map((k) => NETWORK_MARKS[k].marker)
    expect(new Set(markers).size).toBe(ALL_KINDS.length)
    const lines = sweepLines({ ...RESULTS, decentralized: RESULTS.centralized })
    expect(lines.every((l) => l.mark === NETWORK_MARKS[l.kind])).toBe(true)
    const order = drawOrder(lines)
    expect(order.map((l) => `${l.kind}:${l.metric}`)).toEqual([
      'centralized:survivability',
      'centralized:serviceAvailability',
      'p2p:survivability',
      'p2p:serviceAvailability',
      'decentralized:survivability',
      'decentralized:serviceAvailability',
    ])
    // The table keeps the usual order: only the drawing changes.
    expect(lines.map((l) => l.kind)).toEqual([
      'centralized',
      'centralized',
      'decentralized',
      'decentralized',
      'p2p',
      'p2p',
    ])
  })

  it('nests the clouds: the narrower multi-region line fits inside the centralized one, its marker inside the ring', () => {
    const wide = NETWORK_MARKS.centralized
    const narrow = NETWORK_MARKS.decentralized
    // Both edges of the wider line show, at least a pixel each, either side of the narrower one.
    expect((wide.lineWidthPx - narrow.lineWidthPx) / 2).toBeGreaterThanOrEqual(1)
    // The ring's inner edge (its stroke is 2.5 px) clears the diamond.
    expect(wide.markerRadiusPx - 1.25).toBeGreaterThan(narrow.markerRadiusPx)
  })

  it('draws each marker as a path around its centre, reaching exactly its radius', () => {
    expect(markerPath('diamond', 10, 20, 4)).toBe('M10 16L14 20L10 24L6 20Z')
    expect(markerPath('ring', 10, 20, 4)).toBe('M14 20A4 4 0 1 0 6 20A4 4 0 1 0 14 20Z')
    for (const shape of ['diamond', 'triangle', 'square'] as const) {
      const numbers = markerPath(shape, 10, 20, 5)
        .match(/-?[\d.]+/g)!
        .map(Number)
      const corners = numbers.flatMap((v, i) => (i % 2 === 0 ? [[v, numbers[i + 1]!]] : []))
      for (const [x, y] of corners) expect(Math.hypot(x! - 10, y! - 20)).toBeCloseTo(5, 1)
    }
    // The triangle points up, the square sits square.
    expect(markerPath('triangle', 0, 0, 2)).toMatch(/^M0 -2L1\.73 1L-1\.73 1Z$/)
    expect(markerPath('square', 0, 0, Math.SQRT2)).toBe('M-1 -1L1 -1L1 1L-1 1Z')
  })

  it('says which lines coincide, why, and how to tell them apart', () => {
    expect(overlapNote(['centralized', 'decentralized'])).toBe(
      'The survivability lines of the centralized cloud and the multi-region cloud lie on top of each other: they ' +
        "are the same network, with the services placed differently. On the chart the multi-region cloud's " +
        "narrower line with diamonds runs inside the centralized cloud's wide one with rings.",
    )
    expect(overlapNote(['decentralized', 'p2p', 'imported'])).toBe(
      'The survivability lines of the multi-region cloud, the peer-to-peer grid and the imported network lie on ' +
        "top of each other. On the chart the imported network's narrower line with squares and the multi-region " +
        "cloud's narrower line with diamonds run inside the peer-to-peer grid's wide one with triangles.",
    )
  })
})

describe('the sentence', () => {
  it('reads availability at 30% failed, best network first', () => {
    expect(describeSweep({ failure: 'random' }, RESULTS)).toBe(
      'With 30% of nodes failed at random, the peer-to-peer grid keeps 96% of services answering; the centralized cloud 41%.',
    )
  })

  it('reads the fraction nearest 30% when 30% was not swept, and says what the attacker aims at', () => {
    const results: SweepResults = { p2p: [point(0, 1, 1), point(0.25, 0.9, 0.9), point(0.5, 0.5, 0.5)] }
    expect(describeSweep({ failure: 'attack', by: 'load' }, results)).toBe(
      'With 25% of nodes taken out by an attacker, busiest first, the peer-to-peer grid keeps 90% of services answering.',
    )
    expect(describeSweep({ failure: 'attack', by: 'degree' }, results)).toMatch(/best connected first/)
    expect(describeSweep({ failure: 'links' }, results)).toMatch(/^With 25% of links cut at random,/)
  })

  it('falls back to the connected share for a graph without services', () => {
    expect(describeSweep({ failure: 'random' }, { imported: [point(0, 1, null), point(0.3, 0.55, null)] })).toBe(
      'With 30% of nodes failed at random, the imported network keeps 55% of its nodes in one connected group.',
    )
  })

  it('says nothing before there is a result past the healthy network', () => {
    expect(describeSweep({ failure: 'random' }, {})).toBeNull()
    expect(describeSweep(null, RESULTS)).toBeNull()
    expect(describeSweep({ failure: 'random' }, { p2p: [point(0, 1, 1)] })).toBeNull()
  })

  it('writes shares by the rule of every other share on screen: never a loss rounded away, nor a sliver to nothing', () => {
    for (const x of [0.998, 1, 0.003, 0, 0.414, 0.9994, 0.00002]) expect(formatShare(x)).toBe(formatPercent(x))
    expect(formatShare(0.998)).toBe('99.8%')
    expect(formatShare(0.003)).toBe('0.3%')
    expect(formatShare(0.414)).toBe('41%')
  })
})
