import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { useAppStore } from '../../store/appStore'
import type { Theme } from '../../store/store'
import { lineColor, themedAxis } from '../chartStyle'
import { sweepColumns, type SweepLine, type SweepResults } from './robustnessData'

/** Canvas text is not CSS: the fonts are set here (px are CSS pixels; uPlot scales for the display). */
const AXIS_FONT = '600 13px system-ui, sans-serif'
const LABEL_FONT = '600 14px system-ui, sans-serif'
const DASH = [8, 6]
/** Ticks on the share failed: round percentages only. */
const PERCENT_INCRS = [1, 2, 5, 10, 20, 25, 50]

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
    const data = sweepColumns(lines, results) as uPlot.AlignedData
    const u = new uPlot(options(lines, el, xTitle, theme), data, el)
    const resize = new ResizeObserver(() => u.setSize(sizeOf(el)))
    resize.observe(el)
    return () => {
      resize.disconnect()
      u.destroy()
    }
  }, [lines, results, xTitle, theme])

  return <div ref={host} className="robust__chart" role="img" aria-label={label} />
}

function sizeOf(el: HTMLElement): { width: number; height: number } {
  return { width: Math.max(50, Math.floor(el.clientWidth)), height: Math.max(50, Math.floor(el.clientHeight)) }
}

function options(lines: readonly SweepLine[], el: HTMLElement, xTitle: string, theme: Theme): uPlot.Options {
  const axis = { ...themedAxis(el, AXIS_FONT), labelFont: LABEL_FONT }
  const percent = (_u: uPlot, splits: number[]) => splits.map((v) => `${v}%`)
  return {
    ...sizeOf(el),
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 8 } },
    scales: {
      x: { time: false, range: (_u, min, max) => [Math.min(0, min ?? 0), Math.max(max ?? 0, 1)] },
      y: { range: [0, 100] },
    },
    axes: [
      { ...axis, label: xTitle, labelSize: 24, size: 32, space: 60, incrs: PERCENT_INCRS, values: percent },
      { ...axis, label: 'Still working', labelSize: 24, size: 48, values: percent },
    ],
    series: [
      {},
      ...lines.map((l): uPlot.Series => ({
        label: l.label,
        stroke: lineColor(l.kind, l.color, theme),
        width: 2.5,
        dash: l.dashed ? DASH : undefined,
        points: { show: true, size: 6, fill: lineColor(l.kind, l.color, theme) },
      })),
    ],
  }
}
