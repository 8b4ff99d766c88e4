import { useEffect, useMemo, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { appStore, useAppStore } from '../../store/appStore'
import type { NetworkKind, Theme } from '../../store/store'
import { PALETTE } from '../../scene/constants'
import { lineColor, themedAxis } from '../chartStyle'
import { formatAxisMinutes } from '../hud/format'
import { chartColumns, chartLines, chartMarks, type ChartLine, type ChartMode } from './chartData'

/** Canvas text is not CSS: the axis font is set here (px are CSS pixels; uPlot scales for the display). */
const AXIS_FONT = '600 13px system-ui, sans-serif'
/** The marks' words, smaller than the axis's. */
const MARK_FONT_PX = 11
const MARK_DASH = [3, 3]
const DASH = [7, 5]
const MINUTE_INCRS = [1, 2, 5, 10, 15, 30, 60, 120, 240, 360, 720, 1440, 2880, 7200, 14400]
/** The x axis spans at least this many simulated minutes, so the first steps do not fill the width. */
const MIN_SPAN_MIN = 10

/** The run's metrics as lines over simulated time, for the networks given; a uPlot chart updated step by step. */
export function Chart({ networks, mode, label }: { networks: readonly NetworkKind[]; mode: ChartMode; label: string }) {
  const host = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const key = networks.join(',')
  const lines = useMemo(() => chartLines(key.split(',') as NetworkKind[], mode), [key, mode])
  // The series arrays grow in place; `frame` changes with every snapshot, so read them again then.
  const frame = useAppStore((s) => s.frame)
  // Colours are drawn into the canvas, not styled: a new theme makes a new chart.
  const theme = useAppStore((s) => s.theme)

  // One chart per set of lines (the networks or the mode changed); it follows its container's size.
  useEffect(() => {
    const el = host.current
    if (!el) return
    const u = new uPlot(options(lines, el, theme), read(lines), el)
    plot.current = u
    const resize = new ResizeObserver(() => u.setSize(sizeOf(el)))
    resize.observe(el)
    return () => {
      resize.disconnect()
      u.destroy()
      plot.current = null
    }
  }, [lines, theme])

  // New steps: new data into the same chart, no re-creation.
  useEffect(() => {
    plot.current?.setData(read(lines))
  }, [frame, lines])

  return <div ref={host} className="timeline__chart" role="img" aria-label={label} />
}

function read(lines: readonly ChartLine[]): uPlot.AlignedData {
  const { slots } = appStore.getState()
  return chartColumns(lines, (kind) => slots[kind]?.series) as uPlot.AlignedData
}

function sizeOf(el: HTMLElement): { width: number; height: number } {
  return { width: Math.max(50, Math.floor(el.clientWidth)), height: Math.max(50, Math.floor(el.clientHeight)) }
}

function options(lines: readonly ChartLine[], el: HTMLElement, theme: Theme): uPlot.Options {
  const percent = lines[0]?.metric === 'serviceAvailability'
  const axis = themedAxis(el, AXIS_FONT)
  const kinds = [...new Set(lines.map((l) => l.kind))]
  return {
    hooks: { draw: [(u) => drawMarks(u, kinds, theme, axis.stroke)] },
    ...sizeOf(el),
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 7 } },
    scales: {
      x: { time: false, range: (_u, _min, max) => [0, Math.max(MIN_SPAN_MIN, max ?? 0)] },
      y: percent ? { range: [0, 100] } : { range: (_u, _min, max) => [0, niceCeil(max ?? 0)] },
    },
    axes: [
      // Whole minutes, then round hours and days: a step is a minute, so no tick falls between steps.
      { ...axis, size: 30, space: 56, incrs: MINUTE_INCRS, values: (_u, splits) => splits.map(formatAxisMinutes) },
      {
        ...axis,
        size: percent ? 48 : 60,
        values: (_u, splits) => splits.map((v) => (percent ? `${v}%` : `${v} ms`)),
      },
    ],
    series: [
      {},
      ...lines.map((l): uPlot.Series => ({
        label: l.label,
        stroke: lineColor(l.kind, l.color, theme),
        width: 2.5,
        dash: l.dashed ? DASH : undefined,
        // A metric holds from one step to the next: drawn as steps, not slopes.
        paths: uPlot.paths.stepped!({ align: 1 }),
        points: { show: false },
        spanGaps: false,
      })),
    ],
  }
}

/**
 * Where people or the grid's own software acted (chartMarks): a dashed line in the network's colour across the
 * plot, its word at the top, after the line (before it, near the right edge). Marks closer than their words are
 * long keep the first word only.
 */
function drawMarks(u: uPlot, kinds: readonly NetworkKind[], theme: Theme, ink: string): void {
  const { slots } = appStore.getState()
  const { ctx, bbox } = u
  const ratio = uPlot.pxRatio
  ctx.save()
  ctx.font = `600 ${Math.round(MARK_FONT_PX * ratio)}px system-ui, sans-serif`
  ctx.textBaseline = 'top'
  ctx.textAlign = 'left'
  ctx.lineWidth = Math.max(1, ratio)
  let textEnd = -Infinity
  let row = 0
  for (const kind of kinds) {
    const slot = slots[kind]
    if (!slot) continue
    const color = lineColor(kind, PALETTE[kind].node, theme)
    for (const mark of chartMarks(slot.view.milestones)) {
      const x = u.valToPos(mark.t, 'x', true)
      if (!(x >= bbox.left && x <= bbox.left + bbox.width)) continue
      ctx.strokeStyle = color
      ctx.setLineDash(MARK_DASH.map((d) => d * ratio))
      ctx.beginPath()
      ctx.moveTo(x, bbox.top)
      ctx.lineTo(x, bbox.top + bbox.height)
      ctx.stroke()
      const w = ctx.measureText(mark.label).width
      const pad = 4 * ratio
      const left = x + pad + w <= bbox.left + bbox.width ? x + pad : x - pad - w
      // A word that would run into the last one goes one row down (two rows at most).
      row = left < textEnd ? row + 1 : 0
      if (row > 1) continue
      ctx.fillStyle = ink
      ctx.fillText(mark.label, left, bbox.top + pad + row * (MARK_FONT_PX + 3) * ratio)
      textEnd = Math.max(textEnd, left + w + pad)
    }
  }
  ctx.restore()
}

/** A round upper bound for latency (at least 100 ms), so the axis does not jitter with every step. */
function niceCeil(max: number): number {
  const top = Math.max(100, max * 1.1)
  const step = top <= 200 ? 50 : top <= 500 ? 100 : top <= 1000 ? 250 : 500
  return Math.ceil(top / step) * step
}
