/**
 * Where the site labels go so that none covers another: a greedy placement, most important first, each label
 * trying a few spots around its site (above it, then beside it). A label claims its own box and the thin leader
 * line to its site, not the empty corner between them, so labels of sites close together can still nest. Plain math on
 * preallocated typed arrays (no three.js, no DOM), so it runs in every frame the globe or the camera moves
 * without allocating, and is unit-tested in Node.
 */

/** Where a label sits relative to its anchor (the point just above its site's column). */
export const Placement = { none: -1, above: 0, right: 1, left: 2, rightLow: 3, leftLow: 4 } as const
export type Placement = (typeof Placement)[keyof typeof Placement]

/**
 * The spots tried for a label after the one it had last time, in order of preference: centred above its site,
 * beside it at mid-height, then beside it hanging lower (its leader near its top), which leaves room for a
 * neighbour's label above.
 */
const CANDIDATES: readonly Placement[] = [
  Placement.above,
  Placement.right,
  Placement.left,
  Placement.rightLow,
  Placement.leftLow,
]

/**
 * Labels of up to `capacity` sites, CSS pixels with y down. The caller fills the inputs each frame; placeLabels
 * fills the outputs. `placement` is both: the last placement is tried first, so labels keep their spot as
 * the globe turns instead of hopping about.
 */
export interface LabelBoxes {
  count: number
  /** Inputs: the anchor on screen, the label's size, and whether it may show (its site faces the viewer). */
  x: Float32Array
  y: Float32Array
  width: Float32Array
  height: Float32Array
  eligible: Uint8Array
  /** Output: where each label goes, Placement.none for a label that does not show. */
  placement: Int8Array
  /** Output: the label's own top-left corner. */
  labelLeft: Float32Array
  labelTop: Float32Array
  /** Output: the box of its leader line, from the label to the anchor. */
  leadLeft: Float32Array
  leadTop: Float32Array
  leadRight: Float32Array
  leadBottom: Float32Array
}

export function createLabelBoxes(capacity: number): LabelBoxes {
  const f = () => new Float32Array(capacity)
  return {
    count: capacity,
    x: f(),
    y: f(),
    width: f(),
    height: f(),
    eligible: new Uint8Array(capacity),
    placement: new Int8Array(capacity).fill(Placement.none),
    labelLeft: f(),
    labelTop: f(),
    leadLeft: f(),
    leadTop: f(),
    leadRight: f(),
    leadBottom: f(),
  }
}

export interface LayoutOptions {
  /** Length of the leader line from a label above its anchor, pixels. */
  leader: number
  /** Distance from the anchor to a label beside it, pixels. */
  side: number
  /** How far below its top a hanging label's leader line meets it, pixels. */
  hang: number
  /** Space kept between two labels, pixels. */
  gap: number
  /**
   * The box labels keep inside, CSS pixels from the canvas's top left: the globe's room (room.ts), which the
   * page's chrome leaves free, so no label hides under a panel or is cut by the window's edge.
   */
  left?: number
  top?: number
  width: number
  height: number
  /** At most this many labels show (a small globe, an embed's, has room for a few names only). */
  max?: number
}

/**
 * Label indices by priority, largest first; equal priorities keep their index order (so the result never
 * flickers between ties). Insertion sort into `out`: the label counts are small, and it allocates nothing.
 */
export function priorityOrder(priority: ArrayLike<number>, count: number, out: Int32Array): Int32Array {
  for (let i = 0; i < count; i++) {
    const p = priority[i]!
    let k = i
    while (k > 0 && priority[out[k - 1]!]! < p) {
      out[k] = out[k - 1]!
      k--
    }
    out[k] = i
  }
  return out
}

/** Half the width of a leader line, pixels. */
const LINE = 1

/** Puts label i at placement p: its own corner and its leader line. */
function put(b: LabelBoxes, i: number, p: Placement, o: LayoutOptions): void {
  const x = b.x[i]!
  const y = b.y[i]!
  const w = b.width[i]!
  const h = b.height[i]!
  if (p === Placement.above) {
    b.labelLeft[i] = x - w / 2
    b.labelTop[i] = y - o.leader - h
    b.leadLeft[i] = x - LINE
    b.leadRight[i] = x + LINE
    b.leadTop[i] = y - o.leader
    b.leadBottom[i] = y
    return
  }
  const toRight = p === Placement.right || p === Placement.rightLow
  b.labelLeft[i] = toRight ? x + o.side : x - o.side - w
  b.labelTop[i] = p === Placement.right || p === Placement.left ? y - h / 2 : y - o.hang
  b.leadLeft[i] = toRight ? x : x - o.side
  b.leadRight[i] = toRight ? x + o.side : x
  b.leadTop[i] = y - LINE
  b.leadBottom[i] = y + LINE
}

/** Whether two boxes come closer than gap (boxes that only touch, with gap 0, do not). */
function near(
  l0: number,
  t0: number,
  r0: number,
  b0: number,
  l1: number,
  t1: number,
  r1: number,
  b1: number,
  gap: number,
): boolean {
  return l0 < r1 + gap && l1 < r0 + gap && t0 < b1 + gap && t1 < b0 + gap
}

/**
 * Whether label i, where put() left it, is inside the viewport and keeps `gap` from every label already placed:
 * no label on another, nor on another's leader line.
 */
function fits(b: LabelBoxes, order: Int32Array, k: number, o: LayoutOptions): boolean {
  const i = order[k]!
  const l = b.labelLeft[i]!
  const t = b.labelTop[i]!
  const r = l + b.width[i]!
  const bt = t + b.height[i]!
  const left = o.left ?? 0
  const top = o.top ?? 0
  if (l < left || t < top || r > left + o.width || bt > top + o.height) return false
  // The labels before this one in the order are decided already: only the placed ones are in its way.
  for (let m = 0; m < k; m++) {
    const j = order[m]!
    if (b.placement[j] === Placement.none) continue
    const lj = b.labelLeft[j]!
    const tj = b.labelTop[j]!
    const rj = lj + b.width[j]!
    const bj = tj + b.height[j]!
    if (near(l, t, r, bt, lj, tj, rj, bj, o.gap)) return false
    if (near(l, t, r, bt, b.leadLeft[j]!, b.leadTop[j]!, b.leadRight[j]!, b.leadBottom[j]!, o.gap)) return false
    if (near(b.leadLeft[i]!, b.leadTop[i]!, b.leadRight[i]!, b.leadBottom[i]!, lj, tj, rj, bj, o.gap)) return false
  }
  return true
}

/**
 * Greedy placement: walking `order` (most important first), each eligible label takes the first free spot of
 * its last placement and the CANDIDATES; with none free it does not show. Returns how many show. A label
 * that does not show blocks nobody, so a less important one beyond it may still show.
 */
export function placeLabels(b: LabelBoxes, order: Int32Array, o: LayoutOptions): number {
  let placed = 0
  const max = o.max ?? Infinity
  for (let k = 0; k < b.count; k++) {
    const i = order[k]!
    const last = b.placement[i]! as Placement
    b.placement[i] = Placement.none
    if (!b.eligible[i] || placed >= max) continue
    let chosen: Placement = Placement.none
    if (last !== Placement.none) {
      put(b, i, last, o)
      if (fits(b, order, k, o)) chosen = last
    }
    for (let c = 0; c < CANDIDATES.length && chosen === Placement.none; c++) {
      const p = CANDIDATES[c]!
      if (p === last) continue
      put(b, i, p, o)
      if (fits(b, order, k, o)) chosen = p
    }
    if (chosen !== Placement.none) {
      put(b, i, chosen, o)
      b.placement[i] = chosen
      placed++
    }
  }
  return placed
}
