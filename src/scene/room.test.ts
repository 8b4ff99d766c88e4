import { describe, expect, it } from 'vitest'
import { freeRoom, sameRoom, type Rect } from './room'
import { FIT_MARGIN } from './constants'
import { fitDistance, fitDistanceInRoom } from './view'

const canvas: Rect = { left: 0, top: 0, right: 1280, bottom: 720 }

describe('the room a globe has', () => {
  it('is the whole canvas without chrome, and keeps clear of a band at any edge', () => {
    expect(freeRoom(canvas, [])).toEqual({ left: 0, top: 0, width: 1280, height: 720 })
    // A dock along the bottom.
    expect(freeRoom(canvas, [{ left: 12, top: 650, right: 1268, bottom: 708 }])).toEqual({
      left: 0,
      top: 0,
      width: 1280,
      height: 650,
    })
    // A rail down the left.
    expect(freeRoom(canvas, [{ left: 12, top: 12, right: 300, bottom: 480 }])).toEqual({
      left: 300,
      top: 0,
      width: 980,
      height: 720,
    })
  })

  it('keeps clear of each piece by the edge that leaves the widest square', () => {
    // The rail on the left and the dock at the bottom of a 16:9 screen: right of the one, above the other.
    const room = freeRoom(canvas, [
      { left: 12, top: 12, right: 300, bottom: 480 },
      { left: 12, top: 650, right: 1268, bottom: 708 },
    ])
    expect(room).toEqual({ left: 300, top: 0, width: 980, height: 650 })
    // A band across the top of a phone and a dock at its bottom: between them.
    const phone: Rect = { left: 0, top: 0, right: 390, bottom: 844 }
    expect(
      freeRoom(phone, [
        { left: 8, top: 8, right: 382, bottom: 240 },
        { left: 8, top: 700, right: 382, bottom: 836 },
      ]),
    ).toEqual({ left: 0, top: 240, width: 390, height: 460 })
  })

  it('is measured in the canvas, where the canvas is on the page (a half of the compare view)', () => {
    const right: Rect = { left: 650, top: 100, right: 1270, bottom: 600 }
    const room = freeRoom(right, [
      { left: 12, top: 10, right: 1268, bottom: 90 }, // the bar above both halves: not over this canvas
      { left: 12, top: 560, right: 1268, bottom: 700 }, // the dock over the bottom of both
    ])
    expect(room).toEqual({ left: 0, top: 0, width: 620, height: 460 })
  })

  it('ignores chrome that only touches the canvas, and falls back to the whole canvas when nothing is left', () => {
    expect(freeRoom(canvas, [{ left: 0, top: 719, right: 1280, bottom: 760 }])).toEqual({
      left: 0,
      top: 0,
      width: 1280,
      height: 720,
    })
    expect(freeRoom(canvas, [{ left: -10, top: -10, right: 1290, bottom: 730 }])).toEqual({
      left: 0,
      top: 0,
      width: 1280,
      height: 720,
    })
  })

  it('handles many pieces (one by one) without trying every way', () => {
    const pieces: Rect[] = Array.from({ length: 12 }, (_, i) => ({
      left: 1200,
      top: i * 60,
      right: 1280,
      bottom: i * 60 + 50,
    }))
    expect(freeRoom(canvas, pieces)).toEqual({ left: 0, top: 0, width: 1200, height: 720 })
  })

  it('compares to the pixel', () => {
    expect(sameRoom({ left: 0.2, top: 0, width: 10, height: 10 }, { left: 0, top: 0.4, width: 10.3, height: 10 })).toBe(
      true,
    )
    expect(sameRoom({ left: 0, top: 0, width: 10, height: 10 }, { left: 0, top: 0, width: 12, height: 10 })).toBe(false)
  })
})

describe('fitting the globe in its room', () => {
  it('is fitDistance when the room is the whole canvas, in either orientation', () => {
    expect(fitDistanceInRoom(1.16, 40, 720, 720)).toBeCloseTo(fitDistance(1.16, 40, 1280 / 720), 10)
    expect(fitDistanceInRoom(1.16, 40, 844, 390)).toBeCloseTo(fitDistance(1.16, 40, 390 / 844), 10)
  })

  it('backs off so the sphere fills FIT_MARGIN of a smaller room', () => {
    const d = fitDistanceInRoom(1, 40, 720, 360)
    // The sphere's angular radius, asin(1/d), is FIT_MARGIN of the half-angle the room's side spans.
    const half = Math.atan(Math.tan((20 * Math.PI) / 180) * (360 / 720))
    expect(Math.asin(1 / d)).toBeCloseTo(half * FIT_MARGIN, 10)
    expect(d).toBeGreaterThan(fitDistanceInRoom(1, 40, 720, 720))
  })
})
