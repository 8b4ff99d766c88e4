/**
 * What picking draws over the canvas, in the DOM rather than in WebGL (no draw call, crisp at any pixel ratio):
 * a ring around the selected node, the arc of the link a click would cut, and a short tip beside the pointer
 * (the link's state, the disaster area's radius). Created once per globe in the canvas's own wrapper (like the
 * site labels), then only moved: points are written in place, text only when it changes. Styles: Globe.css.
 */

import { ARC_MAX_SEGMENTS } from './geometry'

const SVG = 'http://www.w3.org/2000/svg'
/** Space between the pointer and its tip, CSS pixels. */
const TIP_GAP = 16
/** Points an arc is drawn with at most. */
export const ARC_POINTS = ARC_MAX_SEGMENTS + 1

export interface PickOverlay {
  /** Scratch for arcOnScreen: the arc's points, CSS pixels on the canvas. */
  xs: Float32Array
  ys: Float32Array
  showRing(x: number, y: number, down: boolean): void
  hideRing(): void
  /** Draws the first `count` points of xs/ys as the highlighted link. */
  showArc(count: number, down: boolean): void
  hideArc(): void
  /** A tip beside the canvas point (x, y); on its left where it would run past `width`, the canvas's width. */
  showTip(x: number, y: number, text: string, width: number): void
  hideTip(): void
  dispose(): void
}

export function createPickOverlay(host: HTMLElement): PickOverlay {
  const doc = host.ownerDocument
  const svg = doc.createElementNS(SVG, 'svg')
  svg.setAttribute('class', 'pick-overlay')
  svg.setAttribute('aria-hidden', 'true')
  const arc = doc.createElementNS(SVG, 'polyline')
  arc.setAttribute('class', 'pick-overlay__arc')
  const ring = doc.createElementNS(SVG, 'circle')
  ring.setAttribute('class', 'pick-overlay__ring')
  ring.setAttribute('r', '9')
  svg.append(arc, ring)
  // The arc's points, made once and then moved: unused ones sit on the last used one.
  for (let i = 0; i < ARC_POINTS; i++) arc.points.appendItem(svg.createSVGPoint())
  const tip = doc.createElement('div')
  tip.className = 'pick-tip'
  tip.setAttribute('aria-hidden', 'true')
  tip.hidden = true
  host.append(svg, tip)

  const xs = new Float32Array(ARC_POINTS)
  const ys = new Float32Array(ARC_POINTS)
  let ringShown = false
  let arcShown = false
  let tipText = ''
  let tipX = NaN
  let tipWidth = 0
  let tipY = NaN

  const setShown = (el: SVGElement, shown: boolean) => el.classList.toggle('is-shown', shown)

  return {
    xs,
    ys,
    showRing(x, y, down) {
      // Through the SVG DOM's numbers: moving the ring builds no strings.
      ring.cx.baseVal.value = x
      ring.cy.baseVal.value = y
      if (ring.classList.contains('is-down') !== down) ring.classList.toggle('is-down', down)
      if (!ringShown) setShown(ring, (ringShown = true))
    },
    hideRing() {
      if (ringShown) setShown(ring, (ringShown = false))
    },
    showArc(count, down) {
      const points = arc.points
      for (let i = 0; i < ARC_POINTS; i++) {
        const k = Math.min(i, count - 1)
        const p = points.getItem(i)
        p.x = xs[k]!
        p.y = ys[k]!
      }
      if (arc.classList.contains('is-down') !== down) arc.classList.toggle('is-down', down)
      if (!arcShown) setShown(arc, (arcShown = true))
    },
    hideArc() {
      if (arcShown) setShown(arc, (arcShown = false))
    },
    showTip(x, y, text, width) {
      if (text !== tipText) {
        tip.textContent = tipText = text
        tipWidth = tip.hidden ? 0 : tip.offsetWidth
      }
      if (tip.hidden) {
        tip.hidden = false
        tipWidth = tip.offsetWidth
      }
      // Right of and below the pointer (the CSS margin), or left of it near the right edge.
      const rx = Math.round(x + TIP_GAP + tipWidth > width - TIP_GAP ? x - TIP_GAP - tipWidth : x + TIP_GAP)
      const ry = Math.round(y + TIP_GAP)
      // Written only when it moved by a whole pixel (a style needs a string).
      if (rx !== tipX || ry !== tipY) {
        tip.style.transform = `translate(${rx}px, ${ry}px)`
        tipX = rx
        tipY = ry
      }
    },
    hideTip() {
      if (!tip.hidden) tip.hidden = true
    },
    dispose() {
      svg.remove()
      tip.remove()
    },
  }
}
