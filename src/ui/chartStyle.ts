/**
 * What the two uPlot charts (the timeline's, src/ui/timeline/Chart.tsx, and the robustness sweep's,
 * src/ui/robustness/SweepChart.tsx) and their legends share: colours follow the theme. Canvas colours are not CSS,
 * so they are read from the theme's variables when a chart is made, and a new theme makes a new chart.
 */
import { PRINT_INK } from '../scene/constants'
import type { NetworkKind, Theme } from '../store/store'

/** Where the theme's variables cannot be read (they always can in the page). */
const AXIS_COLOR = '#8a9bb5'
const GRID_COLOR = 'rgba(159, 216, 255, 0.1)'

/** A line's colour: its network's, or that network's ink on the light theme's white. */
export function lineColor(kind: NetworkKind, color: string, theme: Theme): string {
  return theme === 'light' ? PRINT_INK[kind] : color
}

/** An axis in the theme where el sits: muted labels, the theme's hairlines for grid and ticks. */
export function themedAxis(el: HTMLElement, font: string) {
  const css = getComputedStyle(el)
  const line = css.getPropertyValue('--line').trim() || GRID_COLOR
  return {
    stroke: css.getPropertyValue('--muted').trim() || AXIS_COLOR,
    font,
    grid: { stroke: line, width: 1 },
    ticks: { stroke: line, width: 1, size: 4 },
  }
}

/** Where the theme's variables cannot be read. */
const BACKGROUND_COLOR = 'rgb(8, 12, 23)'

/** The solid colour of the panel where el sits: what a hollow marker is filled with, so it reads as hollow. */
export function chartBackground(el: HTMLElement): string {
  return getComputedStyle(el).getPropertyValue('--panel-solid').trim() || BACKGROUND_COLOR
}
