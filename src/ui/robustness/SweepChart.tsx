import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { useAppStore } from '../../store/appStore'
import type { Theme } from '../../store/store'
import { chartBackground, lineColor, themedAxis } from '../chartStyle'
import { drawOrder, markerPath, sweepColumns, type SweepLine, type SweepResults } from './robustnessData'

const DASH = [8, 6]
/** Ticks on the share failed: round percentages only. */
const PERCENT_INCRS = [1, 2, 5, 10, 20, 25, 50]
/** Tick marks, and the gap between a tick and its label, CSS px. */
const TICK_PX = 4
const GAP_PX = 6
/** Room kept around every text, CSS px, so that no glyph touches an edge. */
const MARGIN_PX = 3
/** Between the share failed's labels and its title, CSS px. */
const TITLE_GAP_PX = 4
/** Markers closer together than this (CSS px) would pile up into a thick line: then every n-th point has one. */
const MARKER_SPACING_PX = 18
/** The widest label the share failed can have, to keep room for the last one at the right edge. */
const WIDEST_X_LABEL = '100%'

/** The sweep's lines over the share failed (uPlot); drawn again whenever the results change. */
export function SweepChart({
  lines,
  results,
  xTitle,
  label,
}: {
  lines: readonly SweepLine[]
  results: SweepResults
  xTitle: string
  label: string
}) {
  const host = useRef<HTMLDivElement>(null)
  // Colours are drawn into the canvas, not styled: a new theme makes a new chart (as the timeline's, Chart.tsx).
  const theme = useAppStore((s) => s.theme)

  useEffect(() => {
    const el = host.current
    if (!el || lines.length === 0) return
    const data = sweepColumns(drawOrder(lines), results) as uPlot.AlignedData
    // The canvas text follows the panel's type, which follows the window and the theme: a new size makes a new
    // chart, measured again; a resize at the same type size only resizes it.
    let type = typeOf(el)
    let u: uPlot | null = null
    const make = () => {
      u?.destroy()
      u = new uPlot(options(lines, el, xTitle, theme, type), data, el)
    }
    // Made in a task of its own, after the panel's render: together they were one long task on a slow machine.
    const later = setTimeout(make, 0)
    const resize = new ResizeObserver(() => {
      if (!u) return
      const now = typeOf(el)
      if (now.font === type.font && now.sizePx === type.sizePx) return u.setSize(sizeOf(el))
      type = now
      make()
    })
    resize.observe(el)
    return () => {
      clearTimeout(later)
      resize.disconnect()
      u?.destroy()
    }
  }, [lines, results, xTitle, theme])

  return <div ref={host} className="robust__chart" role="img" aria-label={label} />
}

/** The panel's type where the chart sits: its font family and size (CSS px). */
interface ChartType {
  font: string
  sizePx: number
}

function typeOf(el: HTMLElement): ChartType {
  const css = getComputedStyle(el)
  return { font: css.fontFamily || 'system-ui, sans-serif', sizePx: parseFloat(css.fontSize) || 15 }
}

function sizeOf(el: HTMLElement): { width: number; height: number } {
  // clientHeight rounds (322.6 to 323, a canvas taller than its box): the floor of the box's own size keeps it
  // inside. Computed, not measured on screen, so that a transform (a panel opening) does not shrink it.
  const css = getComputedStyle(el)
  const px = (v: string) => Math.max(50, Math.floor(parseFloat(v) || 0))
  return { width: px(css.width), height: px(css.height) }
}

let measurer: CanvasRenderingContext2D | null = null

/** The inked extent of a text in a font, CSS px, from a baseline: what must fit for nothing to be cut off. */
function inked(font: string, text: string, baseline: CanvasTextBaseline) {
  measurer ??= document.createElement('canvas').getContext('2d')
  if (!measurer) return { width: text.length * 10, above: 16, below: 16 }
  measurer.font = font
  measurer.textBaseline = baseline
  const m = measurer.measureText(text)
  return {
    width: Math.ceil(m.actualBoundingBoxLeft + m.actualBoundingBoxRight),
    above: Math.ceil(m.actualBoundingBoxAscent),
    below: Math.ceil(m.actualBoundingBoxDescent),
  }
}

function options(
  lines: readonly SweepLine[],
  el: HTMLElement,
  xTitle: string,
  theme: Theme,
  type: ChartType,
): uPlot.Options {
  // Tick labels a little smaller than the panel's text, titles about as large (uPlot scales px for the display).
  const tickFont = `600 ${Math.round(type.sizePx * 0.85)}px ${type.font}`
  const titleFont = `600 ${Math.round(type.sizePx * 0.93)}px ${type.font}`
  const yTitle = 'Still working'
  const percent = (_u: uPlot, splits: number[]) => splits.map((v) => `${v}%`)
  const themed = themedAxis(el, tickFont)
  const axis = { ...themed, ticks: { ...themed.ticks, size: TICK_PX }, labelFont: titleFont, labelGap: 0, gap: GAP_PX }

  // Every size from the text it must hold, as uPlot draws it: x labels hang from their top below the ticks, the
  // x title from its top below them; y labels are centred on their ticks, and the y title, turned, stands on its
  // baseline left of them.
  const digits = '0123456789%'
  const hanging = (font: string, text: string) => {
    const ink = inked(font, text, 'top')
    return Math.max(0, ink.above) + ink.below
  }
  const xSize = TICK_PX + GAP_PX + hanging(tickFont, digits) + MARGIN_PX
  const xTitleSize = TITLE_GAP_PX + hanging(titleFont, xTitle) + MARGIN_PX
  const yTitleSize = inked(titleFont, yTitle, 'bottom').above + 2 * MARGIN_PX
  // Called with the labels uPlot will draw (none yet on its first pass: then the widest there can be).
  const ySize = (_u: uPlot, values: string[] | null) =>
    TICK_PX +
    GAP_PX +
    Math.max(...(values?.length ? values : ['100%']).map((v) => inked(tickFont, v, 'middle').width)) +
    MARGIN_PX
  // The top y label is centred on the top edge and the last x label on the right one; the markers stick out too.
  const markerPx = Math.max(...lines.map((l) => l.mark.markerRadiusPx + l.mark.lineWidthPx / 2))
  const middle = inked(tickFont, digits, 'middle')
  const top = Math.ceil(Math.max(middle.above, markerPx)) + MARGIN_PX
  const right = Math.ceil(Math.max(inked(tickFont, WIDEST_X_LABEL, 'top').width / 2, markerPx)) + MARGIN_PX

  const background = chartBackground(el)
  const ordered = drawOrder(lines)
  return {
    ...sizeOf(el),
    padding: [top, right, 0, 0],
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 8 } },
    scales: {
      x: { time: false, range: (_u, min, max) => [Math.min(0, min ?? 0), Math.max(max ?? 0, 1)] },
      y: { range: [0, 100] },
    },
    axes: [
      {
        ...axis,
        label: xTitle,
        labelGap: TITLE_GAP_PX,
        labelSize: xTitleSize,
        size: xSize,
        // Room between ticks grows with the type, so larger labels never crowd.
        space: Math.round(type.sizePx * 4),
        incrs: PERCENT_INCRS,
        values: percent,
      },
      {
        ...axis,
        label: yTitle,
        labelSize: yTitleSize,
        size: ySize,
        space: Math.round(type.sizePx * 2.2),
        values: percent,
      },
    ],
    series: [
      {},
      ...ordered.map((l): uPlot.Series => {
        const color = lineColor(l.kind, l.color, theme)
        const ring = l.mark.marker === 'ring'
        return {
          label: l.label,
          stroke: color,
          width: l.mark.lineWidthPx,
          dash: l.dashed ? DASH : undefined,
          points: {
            show: true,
            // A ring is hollow (the chart's background inside, so what is drawn after it shows within); a filled
            // marker has a rim of the background, so it stands out from the lines under it.
            fill: ring ? background : color,
            stroke: ring ? color : background,
            width: ring ? 2.5 : 1,
            filter: everyNth,
            paths: markers(l),
          },
        }
      }),
    ],
  }
}

/** The points that get a marker: all of them, or every n-th when they are closer than MARKER_SPACING_PX. */
function everyNth(u: uPlot, seriesIdx: number): number[] {
  const count = u.data[seriesIdx]?.length ?? 0
  const spacing = u.bbox.width / uPlot.pxRatio / Math.max(1, count - 1)
  const n = Math.max(1, Math.ceil(MARKER_SPACING_PX / spacing))
  const out: number[] = []
  for (let i = 0; i < count; i += n) out.push(i)
  return out
}

/** A line's markers, as the key draws them (markerPath), in canvas pixels. */
function markers(line: SweepLine): uPlot.Series.Points.PathBuilder {
  return (u, seriesIdx, idx0, idx1, filtIdxs) => {
    const r = line.mark.markerRadiusPx * uPlot.pxRatio
    const path = new Path2D()
    const xs = u.data[0]
    const ys = u.data[seriesIdx]!
    const add = (i: number) => {
      const y = ys[i]
      if (y === null || y === undefined) return
      path.addPath(new Path2D(markerPath(line.mark.marker, u.valToPos(xs[i]!, 'x', true), u.valToPos(y, 'y', true), r)))
    }
    if (filtIdxs) filtIdxs.forEach(add)
    else for (let i = idx0; i <= idx1; i++) add(i)
    return { stroke: path, fill: path }
  }
}
