import { describe, expect, it } from 'vitest'
import { DEFAULT_FIELDS, choiceOf, parseSweepFields, sweepFractions } from './sweepForm'

describe('the sweep form', () => {
  it('asks by default for a quick sweep of random failures from 0 to 90% in steps of 10%', () => {
    const r = parseSweepFields(DEFAULT_FIELDS)
    expect(r).toEqual({
      ok: true,
      request: { failure: 'random', trials: 4, fractions: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] },
    })
  })

  it('maps each choice to a failure, an attack saying what it aims at', () => {
    const request = (choice: (typeof DEFAULT_FIELDS)['choice']) => {
      const r = parseSweepFields({ ...DEFAULT_FIELDS, choice })
      return r.ok ? { failure: r.request.failure, by: r.request.by } : null
    }
    expect(request('attackDegree')).toEqual({ failure: 'attack', by: 'degree' })
    expect(request('attackLoad')).toEqual({ failure: 'attack', by: 'load' })
    expect(request('links')).toEqual({ failure: 'links', by: undefined })
    for (const choice of ['random', 'attackDegree', 'attackLoad', 'links'] as const) {
      const r = parseSweepFields({ ...DEFAULT_FIELDS, choice })
      expect(r.ok && choiceOf(r.request)).toBe(choice)
    }
  })

  it('ends the fractions at the "up to" even when the step does not divide it', () => {
    expect(sweepFractions(95, 10)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95])
    expect(sweepFractions(100, 50)).toEqual([0, 0.5, 1])
  })

  it('names the field that is wrong and what it expects', () => {
    expect(parseSweepFields({ ...DEFAULT_FIELDS, trials: '0' })).toEqual({
      ok: false,
      field: 'trials',
      message: 'Trials: expected a whole number from 1 to 200',
    })
    expect(parseSweepFields({ ...DEFAULT_FIELDS, trials: '2.5' })).toMatchObject({ ok: false, field: 'trials' })
    expect(parseSweepFields({ ...DEFAULT_FIELDS, trials: '' })).toMatchObject({ ok: false, field: 'trials' })
    expect(parseSweepFields({ ...DEFAULT_FIELDS, upTo: '120' })).toEqual({
      ok: false,
      field: 'upTo',
      message: 'Up to: expected a whole percentage from 1 to 100',
    })
    expect(parseSweepFields({ ...DEFAULT_FIELDS, upTo: '50', step: '60' })).toEqual({
      ok: false,
      field: 'step',
      message: 'Step: expected a whole percentage from 1 to 50 (the "up to")',
    })
    expect(parseSweepFields({ ...DEFAULT_FIELDS, upTo: '100', step: '1' })).toEqual({
      ok: false,
      field: 'step',
      message: 'Step: 101 points are too many; take a step of at least 3%',
    })
    expect(parseSweepFields({ ...DEFAULT_FIELDS, upTo: '100', step: '3' }).ok).toBe(true)
  })
})
