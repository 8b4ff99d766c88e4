import { describe, expect, test } from 'vitest'
import { createLabelBoxes, placeLabels, Placement, priorityOrder, type LabelBoxes } from './labelLayout'

const OPTIONS: {
  leader: number
  side: number
  hang: number
  gap: number
  width: number
  height: number
  max?: number
} = {
  leader: 5,
  side: 5,
  hang: 4,
  gap: 0,
  width: 1000,
  height: 1000,
}

/** Labels from [anchor x, anchor y, width, height] rows, all eligible. */
function labelsAt(rows: [number, number, number, number][]): LabelBoxes {
  const b = createLabelBoxes(rows.length)
  rows.forEach(([x, y, w, h], i) => {
    b.x[i] = x
    b.y[i] = y
    b.width[i] = w
    b.height[i] = h
    b.eligible[i] = 1
  })
  return b
}

function layout(b: LabelBoxes, priority: number[], options: Partial<typeof OPTIONS> = {}): Placement[] {
  const order = priorityOrder(priority, b.count, new Int32Array(b.count))
  const count = placeLabels(b, order, { ...OPTIONS, ...options })
  const placements = [...b.placement] as Placement[]
  expect(count).toBe(placements.filter((p) => p !== Placement.none).length)
  return placements
}

const { none, above, right, left, rightLow } = Placement

describe('priorityOrder', () => {
  test('largest first, ties in index order', () => {
    expect([...priorityOrder([0.1, 0.5, 0.1, 0.3], 4, new Int32Array(4))]).toEqual([1, 3, 0, 2])
  })

  test('only the first count entries', () => {
    expect([...priorityOrder([1, 2, 3], 2, new Int32Array(3))].slice(0, 2)).toEqual([1, 0])
  })
})

describe('placeLabels', () => {
  test('labels far apart all show above their sites, centred, the leader line between', () => {
    const b = labelsAt([
      [100, 100, 60, 20],
      [300, 100, 60, 20],
    ])
    expect(layout(b, [1, 2])).toEqual([above, above])
    expect([b.labelLeft[0], b.labelTop[0]]).toEqual([70, 75])
    expect([b.leadLeft[0], b.leadTop[0], b.leadRight[0], b.leadBottom[0]]).toEqual([99, 95, 101, 100])
  })

  test('a crowded label moves beside its site: right, else left, else it hides', () => {
    // Four sites close together: the most important takes the spot above, the next ones go beside.
    const b = labelsAt([
      [100, 100, 60, 20],
      [120, 110, 60, 20],
      [80, 110, 60, 20],
      [100, 112, 60, 20],
    ])
    expect(layout(b, [4, 3, 2, 1])).toEqual([above, right, left, none])
    expect([b.labelLeft[1], b.labelTop[1]]).toEqual([125, 100])
    expect([b.labelLeft[2], b.labelTop[2]]).toEqual([15, 100])
  })

  test('the more important label takes the better spot, whatever its index', () => {
    const b = labelsAt([
      [100, 112, 60, 20],
      [100, 100, 60, 20],
    ])
    expect(layout(b, [0.3, 0.2])).toEqual([above, none])
    const c = labelsAt([
      [100, 112, 60, 20],
      [100, 100, 60, 20],
    ])
    expect(layout(c, [0.2, 0.3])).toEqual([right, above])
  })

  test('a label keeps its last spot while it is free, so it does not hop as the globe turns', () => {
    const b = labelsAt([[100, 100, 60, 20]])
    b.placement[0] = left
    expect(layout(b, [1])).toEqual([left])
  })

  test('a label that does not show blocks nobody', () => {
    // B fits nowhere beside A; C, beyond B, is clear of A and shows above.
    const b = labelsAt([
      [100, 100, 60, 20],
      [130, 100, 200, 20],
      [260, 100, 60, 20],
    ])
    expect(layout(b, [3, 2, 1], { width: 300 })).toEqual([above, none, above])
  })

  test('at most max labels show, the most important ones; a site that is down goes first', () => {
    const rows: [number, number, number, number][] = [
      [100, 100, 60, 20],
      [300, 100, 60, 20],
      [500, 100, 60, 20],
    ]
    expect(layout(labelsAt(rows), [0.5, 0.3, 0.1], { max: 2 })).toEqual([above, above, none])
    // The third, small but down (its priority its share plus one, as labelPool.ts gives it), comes first.
    expect(layout(labelsAt(rows), [0.5, 0.3, 0.1 + 1], { max: 2 })).toEqual([above, none, above])
  })

  test('a label behind the globe neither shows nor blocks', () => {
    const b = labelsAt([
      [100, 100, 60, 20],
      [100, 100, 60, 20],
    ])
    b.eligible[0] = 0
    expect(layout(b, [2, 1])).toEqual([none, above])
  })

  test('no label leaves the viewport', () => {
    // Near the top edge there is no room above: it goes beside; in the top-left corner, to the right.
    const b = labelsAt([[500, 10, 60, 20]])
    expect(layout(b, [1])).toEqual([right])
    const c = labelsAt([[5, 10, 60, 20]])
    expect(layout(c, [1])).toEqual([right])
    const d = labelsAt([[995, 10, 60, 20]])
    expect(layout(d, [1])).toEqual([left])
  })

  test('touching boxes do not overlap; a gap keeps them apart', () => {
    // Side by side, exactly touching.
    const b = labelsAt([
      [100, 100, 50, 20],
      [150, 100, 50, 20],
    ])
    expect(layout(b, [2, 1], { side: 0 })).toEqual([above, above])
    const c = labelsAt([
      [100, 100, 50, 20],
      [150, 100, 50, 20],
    ])
    expect(layout(c, [2, 1], { side: 0, gap: 4 })).toEqual([above, right])
  })

  test('a label hangs lower beside its site when that leaves room for a neighbour above', () => {
    // B sits just right of A and a little lower: beside it at mid-height it would touch A's label.
    const b = labelsAt([
      [100, 100, 60, 20],
      [127, 104, 60, 20],
    ])
    expect(layout(b, [2, 1], { gap: 4 })).toEqual([above, rightLow])
    expect([b.labelLeft[1], b.labelTop[1]]).toEqual([132, 100])
  })

  test('no label covers another or its leader line, among many', () => {
    const rows: [number, number, number, number][] = []
    let seed = 7
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 400
    for (let i = 0; i < 60; i++) rows.push([rand() + 50, rand() + 50, 40 + rand() / 10, 18])
    const b = labelsAt(rows)
    const priority = rows.map((_, i) => (i * 37) % 11)
    const placements = layout(b, priority, { gap: 2, width: 600, height: 600 })
    const on = placements.flatMap((p, i) => (p === none ? [] : [i]))
    expect(on.length).toBeGreaterThan(5)
    expect(on.length).toBeLessThan(rows.length)
    const pill = (i: number) => [
      b.labelLeft[i]!,
      b.labelTop[i]!,
      b.labelLeft[i]! + b.width[i]!,
      b.labelTop[i]! + b.height[i]!,
    ]
    const lead = (i: number) => [b.leadLeft[i]!, b.leadTop[i]!, b.leadRight[i]!, b.leadBottom[i]!]
    const apart = ([l0, t0, r0, b0]: number[], [l1, t1, r1, b1]: number[]) =>
      r0! + 2 <= l1! || r1! + 2 <= l0! || b0! + 2 <= t1! || b1! + 2 <= t0!
    for (const i of on) {
      const [l, t, r, bt] = pill(i)
      expect(l! >= 0 && t! >= 0 && r! <= 600 && bt! <= 600).toBe(true)
      for (const j of on) {
        if (i === j) continue
        expect(apart(pill(i), pill(j))).toBe(true)
        expect(apart(pill(i), lead(j))).toBe(true)
      }
    }
  })
})
