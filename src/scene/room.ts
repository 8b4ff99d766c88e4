/**
 * The room a globe has on screen: the part of its canvas that the page's chrome (the numbers, the dock, a drawer,
 * a caption…) leaves free. The canvas always fills its stage, under the chrome; the camera then fits the globe and
 * its halo in this room and centres it there (CameraRig, view.ts), and the site labels keep inside it (Labels), so
 * nothing on the page covers the globe and no label hides under a panel.
 *
 * Chrome says it is chrome with a `data-chrome` attribute; each piece stands at some edge of the canvas, and which
 * edge is worked out here rather than declared: of the ways to keep clear of every piece (to its right, left,
 * below or above it), the one that leaves the largest disc wins. So one rule serves every layout the stylesheet
 * makes: a column of numbers on the left of a wide screen, a band across the top of a phone, a drawer opened on the
 * right, the compare view's halves.
 */

/** A rectangle in CSS pixels (edges, y down). */
export interface Rect {
  left: number
  top: number
  right: number
  bottom: number
}

/** The free part of a canvas, CSS pixels from the canvas's top left corner. */
export interface Room {
  left: number
  top: number
  width: number
  height: number
}

/** Pieces of chrome beyond this many are kept clear of one by one, each by its cheapest edge (4^k ways otherwise). */
const MAX_EXHAUSTIVE = 7
/** Chrome that overlaps the canvas by less than this (CSS px) is not in its way (a border, a shadow). */
const TOUCH_PX = 2

/**
 * The largest room a canvas keeps free of its chrome: every piece is kept clear of by one of its four edges, and
 * the choice that leaves the widest square (then the largest area) wins. Pieces outside the canvas do not count.
 * With nothing left (chrome everywhere), the whole canvas: a globe drawn under chrome beats no globe.
 */
export function freeRoom(canvas: Rect, chrome: readonly Rect[]): Room {
  const pieces: Rect[] = []
  for (const c of chrome) {
    const r = {
      left: Math.max(c.left, canvas.left),
      top: Math.max(c.top, canvas.top),
      right: Math.min(c.right, canvas.right),
      bottom: Math.min(c.bottom, canvas.bottom),
    }
    if (r.right - r.left > TOUCH_PX && r.bottom - r.top > TOUCH_PX) pieces.push(r)
  }
  const best = { ...canvas }
  let bestSide = -1
  let bestArea = -1
  const free = { ...canvas }
  const consider = () => {
    const w = free.right - free.left
    const h = free.bottom - free.top
    if (w <= 0 || h <= 0) return
    const side = Math.min(w, h)
    const area = w * h
    if (side > bestSide || (side === bestSide && area > bestArea)) {
      bestSide = side
      bestArea = area
      Object.assign(best, free)
    }
  }
  if (pieces.length <= MAX_EXHAUSTIVE) {
    const ways = 4 ** pieces.length
    for (let code = 0; code < ways; code++) {
      Object.assign(free, canvas)
      let c = code
      for (const p of pieces) {
        keepClear(free, p, c % 4)
        c = Math.floor(c / 4)
      }
      consider()
    }
  } else {
    Object.assign(free, canvas)
    for (const p of pieces) {
      let cheapest = 0
      let cheapestSide = -1
      for (let edge = 0; edge < 4; edge++) {
        const trial = { ...free }
        keepClear(trial, p, edge)
        const side = Math.min(trial.right - trial.left, trial.bottom - trial.top)
        if (side > cheapestSide) {
          cheapestSide = side
          cheapest = edge
        }
      }
      keepClear(free, p, cheapest)
    }
    consider()
  }
  if (bestSide <= 0) Object.assign(best, canvas)
  return {
    left: best.left - canvas.left,
    top: best.top - canvas.top,
    width: best.right - best.left,
    height: best.bottom - best.top,
  }
}

/** Shrinks `free` to keep clear of `piece`: 0 to its right, 1 to its left, 2 below it, 3 above it. */
function keepClear(free: Rect, piece: Rect, edge: number): void {
  // A piece already outside the free rect needs nothing.
  if (piece.right <= free.left || piece.left >= free.right || piece.bottom <= free.top || piece.top >= free.bottom)
    return
  if (edge === 0) free.left = Math.max(free.left, piece.right)
  else if (edge === 1) free.right = Math.min(free.right, piece.left)
  else if (edge === 2) free.top = Math.max(free.top, piece.bottom)
  else free.bottom = Math.min(free.bottom, piece.top)
}

/** The chrome of the page: visible pieces marked `data-chrome`. */
export const CHROME_SELECTOR = '[data-chrome]'

function toRect(r: DOMRect): Rect {
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }
}

/** Whether two rooms are the same to the pixel. */
export function sameRoom(a: Room, b: Room): boolean {
  return (
    Math.round(a.left) === Math.round(b.left) &&
    Math.round(a.top) === Math.round(b.top) &&
    Math.round(a.width) === Math.round(b.width) &&
    Math.round(a.height) === Math.round(b.height)
  )
}

/**
 * Follows the room of `canvas`: measured again whenever the canvas or a piece of chrome changes size, chrome
 * appears or goes (opened, folded, hidden), a transition ends or the window resizes, at most once a frame.
 * `onChange` hears each new room. Returns the function that stops it. Without a DOM (tests in Node) it does nothing.
 */
export function observeRoom(canvas: HTMLElement, onChange: (room: Room) => void): () => void {
  if (typeof ResizeObserver === 'undefined' || typeof MutationObserver === 'undefined') return () => {}
  const doc = canvas.ownerDocument
  const win = doc.defaultView
  if (!win) return () => {}
  let last: Room | null = null
  let frame = 0
  const observed = new Set<Element>()
  const resize = new ResizeObserver(() => schedule())

  const measure = () => {
    frame = 0
    const pieces: Rect[] = []
    const found = new Set<Element>()
    for (const el of doc.querySelectorAll(CHROME_SELECTOR)) {
      found.add(el)
      if (!observed.has(el)) {
        observed.add(el)
        resize.observe(el)
      }
      const r = el.getBoundingClientRect()
      if (r.width > 0 && r.height > 0) pieces.push(toRect(r))
    }
    for (const el of observed) {
      if (!found.has(el)) {
        observed.delete(el)
        resize.unobserve(el)
      }
    }
    const room = freeRoom(toRect(canvas.getBoundingClientRect()), pieces)
    if (last && sameRoom(last, room)) return
    last = room
    onChange(room)
  }
  const schedule = () => {
    if (frame === 0) frame = win.requestAnimationFrame(measure)
  }

  resize.observe(canvas)
  const mutations = new MutationObserver(schedule)
  mutations.observe(doc.body, {
    subtree: true,
    childList: true,
    attributes: true,
    // 'open': a dialog that is chrome (a sheet at the edge) shows or goes.
    attributeFilter: ['data-chrome', 'hidden', 'open', 'data-open', 'data-ui', 'data-layout', 'data-on'],
  })
  win.addEventListener('resize', schedule)
  doc.addEventListener('transitionend', schedule)
  measure()
  return () => {
    if (frame) win.cancelAnimationFrame(frame)
    resize.disconnect()
    mutations.disconnect()
    win.removeEventListener('resize', schedule)
    doc.removeEventListener('transitionend', schedule)
  }
}
