/**
 * The robustness panel in the built app under its CSP, driven by clicks and keys: opened from its button, a bad
 * choice refused, a long sweep run in the worker while the page keeps drawing frames with no long task, cancelled
 * (the worker itself stops), run again to the end; the chart drawn, the table and the sentence the store's
 * figures, the note on why the lines cross read from them, the key drawing each network's marker; Esc closes it
 * and focus goes back. Then the chart itself: no axis text cut off or run into another at the usual sizes in every
 * theme, and the two clouds' survivability lines, which coincide, both visible. window.p2pglobe is only read, to
 * check what happened (and applyParams sets the theme, as a URL would).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { SweepPoint } from '../../src/sim/sweep'
import type { SweepRequest } from '../../src/store/store'
import { PALETTE } from '../../src/scene/constants'
import { findCrossing } from '../../src/ui/robustness/crossing'
import { NETWORK_MARKS, describeSweep, markerPath } from '../../src/ui/robustness/robustnessData'
import { launchBrowser, openPage, waitForReady } from './chromium'
import { openDrawer } from './stage'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

interface WorkerMessage {
  type: string
  id: number
  message?: string
}

declare global {
  interface Window {
    /** Progress and error messages from the simulation's worker, in order (see WATCH_WORKER). */
    __sweepWorkerMessages?: WorkerMessage[]
    __sweepLongTasks?: number[]
    __sweepFrames?: number
  }
}

/** Records what the worker says about sweeps, before the app starts it: a cancel must stop the worker itself. */
const WATCH_WORKER = `
  window.__sweepWorkerMessages = [];
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const d = e.data;
        if (d && (d.type === 'progress' || d.type === 'error')) window.__sweepWorkerMessages.push({ type: d.type, id: d.id, message: d.message });
      });
    }
  };
`

const robustness = (page: Page) => page.evaluate(() => window.p2pglobe!.getState().robustness)

const inDialog = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('dialog.robust') !== null && document.activeElement !== null)

describe('robustness chart', () => {
  test('runs a sweep in the worker with progress, cancels it, runs it to the end and shows the figures', async () => {
    const opened = await openPage(browser, '', { initScript: WATCH_WORKER })
    const { page } = opened
    await waitForReady(page)
    await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })
    await page.evaluate(() => window.p2pglobe!.setAutoRotate(false))
    expect(await page.evaluate(() => window.p2pglobe!.getState().backend)).toBe('worker')

    // Opened from its button: a labelled modal dialog with the keyboard inside.
    await openDrawer(page)
    const opener = page.locator('.controls [data-panel="robustness"]')
    await opener.click()
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog.robust')?.open === true)
    const dialog = page.getByRole('dialog', { name: 'Robustness' })
    expect(await dialog.getAttribute('aria-modal')).toBe('true')
    expect(await opener.getAttribute('aria-expanded')).toBe('true')
    expect(await inDialog(page)).toBe(true)
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      expect(await inDialog(page)).toBe(true)
    }

    // A bad choice: a message naming the field, the keyboard taken to it, nothing run.
    const trials = dialog.getByRole('spinbutton', { name: 'Trials' })
    await trials.fill('0')
    await dialog.getByRole('button', { name: 'Run sweep' }).click()
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe('Trials: expected a whole number from 1 to 200')
    expect(await trials.getAttribute('aria-invalid')).toBe('true')
    expect(await trials.evaluate((el) => el === document.activeElement)).toBe(true)
    expect((await robustness(page)).status).toBe('idle')

    // A long sweep (200 trials on each of the three networks), watched for long tasks and frames.
    await page.evaluate(() => {
      window.__sweepLongTasks = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__sweepLongTasks!.push(e.duration)
      }).observe({ type: 'longtask' })
    })
    await trials.fill('200')
    await dialog.getByRole('button', { name: 'Run sweep' }).click()
    expect(await dialog.getByRole('alert').count()).toBe(0)
    const bar = dialog.getByRole('progressbar', { name: 'Sweep progress' })
    await bar.waitFor()
    expect(await bar.getAttribute('aria-valuemax')).toBe('600')
    // Run and Cancel swap places; the keyboard follows.
    const cancel = dialog.getByRole('button', { name: 'Cancel' })
    await expect.poll(() => cancel.evaluate((el) => el === document.activeElement)).toBe(true)

    await page.evaluate(() => {
      window.__sweepFrames = 0
      const tick = () => {
        window.__sweepFrames!++
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    const first = Number(await bar.getAttribute('aria-valuenow'))
    // The bar moves, and says how far in trials; meanwhile the page keeps drawing frames (however slowly a busy
    // machine draws them) and never blocks for long while the worker sweeps.
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 })
      .toBeGreaterThan(first + 20)
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^\d+ of 600 trials$/)
    await page.waitForFunction(() => window.__sweepFrames! >= 5, undefined, { timeout: 30_000 })
    const during = await robustness(page)
    expect(during.status).toBe('running')
    expect(during.done).toBeLessThan(during.total)
    const longTasks = await page.evaluate(() => window.__sweepLongTasks!)
    expect(Math.max(0, ...longTasks)).toBeLessThan(200)

    // Cancel: the worker stops (it says so), the progress stops, what was swept is kept as it was.
    await cancel.click()
    await page.waitForFunction(() => window.p2pglobe!.getState().robustness.status === 'cancelled')
    const stopped = await robustness(page)
    expect(stopped.done).toBeLessThan(stopped.total)
    const messages = await page.evaluate(() => window.__sweepWorkerMessages!)
    const cancelled = messages.findIndex((m) => m.type === 'error' && m.message === 'cancelled')
    expect(cancelled).toBeGreaterThanOrEqual(0)
    const sweepId = messages[cancelled]!.id
    await page.waitForTimeout(1000)
    const after = await page.evaluate(() => window.__sweepWorkerMessages!)
    expect(after.slice(cancelled + 1).filter((m) => m.type === 'progress')).toEqual([])
    expect(after.filter((m) => m.id === sweepId && m.type === 'progress').length).toBe(
      messages.filter((m) => m.id === sweepId && m.type === 'progress').length,
    )
    expect((await robustness(page)).done).toBe(stopped.done)
    expect(await bar.count()).toBe(0)
    expect(await dialog.getByRole('status').textContent()).toMatch(/^Cancelled after \d+ of 600 trials/)
    const run = dialog.getByRole('button', { name: 'Run sweep' })
    await expect.poll(() => run.evaluate((el) => el === document.activeElement)).toBe(true)

    // Again, a quick one, to the end.
    await trials.fill('3')
    await run.click()
    await page.waitForFunction(() => window.p2pglobe!.getState().robustness.status === 'done', undefined, {
      timeout: 30_000,
    })
    const final = await robustness(page)
    expect([final.done, final.total]).toEqual([9, 9])
    expect(Object.keys(final.results).sort()).toEqual(['centralized', 'decentralized', 'p2p'])
    expect(await dialog.getByRole('status').textContent()).toBe('Done: 9 of 9 trials.')

    // The chart is drawn: its canvas holds lines in the networks' colours.
    const chart = dialog.getByRole('img', { name: /survivability and services available/i })
    await chart.locator('canvas').waitFor()
    const painted = await chart.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height)
      let n = 0
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++
      return n / (c.width * c.height)
    })
    expect(painted).toBeGreaterThan(0.01)

    // The table holds the store's figures: every mean, in percent to a tenth.
    const table = await dialog.locator('table').evaluate((t: HTMLTableElement) => ({
      columns: [...t.tHead!.rows[0]!.cells].slice(1).map((c) => [c.dataset.kind!, c.dataset.metric!] as const),
      rows: [...t.tBodies[0]!.rows].map((r) => [...r.cells].map((c) => c.textContent!)),
    }))
    expect(table.columns).toHaveLength(6)
    const points = final.results as Record<string, SweepPoint[]>
    const fractions = points.p2p!.map((p) => p.fraction)
    expect(fractions).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    expect(table.rows.map((r) => r[0])).toEqual(fractions.map((f) => `${Math.round(f * 100)}%`))
    table.rows.forEach((row, i) => {
      table.columns.forEach(([kind, metric], c) => {
        const stat = points[kind]![i]![metric as 'survivability' | 'serviceAvailability']!
        expect(row[c + 1]).toBe(`${(stat.mean * 100).toFixed(1)}% ± ${(stat.sd * 100).toFixed(1)}`)
      })
    })
    // And the sentence reads them.
    const request: SweepRequest = { failure: 'random', trials: 3, fractions }
    const sentence = await dialog.locator('.robust__sentence').textContent()
    expect(sentence).toBe(describeSweep(request, points))
    expect(sentence).toMatch(/^With 30% of nodes failed at random, the .+ keeps \d+% of services answering; /)

    // Next to the chart, why the grid's lines fall below the clouds' far out: where they cross and how its
    // largest group shrank there, from the same figures.
    const crossing = findCrossing(request, points)
    expect(crossing).not.toBeNull()
    const why = dialog.locator('.robust__why')
    expect(Number(await why.getAttribute('data-crossing'))).toBeCloseTo(crossing!.fraction, 4)
    const pct = (v: number) => `${Math.round(v * 100)}%`
    const expectedStart =
      `Above about ${pct(crossing!.fraction)} of nodes failed the peer-to-peer grid keeps fewer services answering ` +
      `than the ${crossing!.above === 'decentralized' ? 'multi-region' : 'centralized'} cloud: its small nodes ` +
      `each link to a few neighbours only, so past this percolation threshold the mesh falls apart into islands ` +
      `(its largest connected group holds ${pct(crossing!.before.giantShare)} of its working nodes at ` +
      `${pct(crossing!.before.fraction)} failed, ${pct(crossing!.after.giantShare)} at ${pct(crossing!.after.fraction)})`
    const whyText = (await why.textContent())!
    expect(whyText.startsWith(expectedStart)).toBe(true)
    // The same share of nodes on each side, counted on the networks swept (16 regions, 3,000 small nodes).
    expect(whyText).toMatch(
      new RegExp(
        `for them ${pct(crossing!.fraction)} of nodes is about \\d+ of 16 hyperscale regions down at once, for the grid [\\d,]+ of 3,000 small servers\\.$`,
      ),
    )

    // The key draws each network's line and marker as the chart does; the coinciding lines are named.
    const keys = await dialog.locator('.robust__key[data-kind]').evaluateAll((items) =>
      items.map((li) => ({
        kind: (li as HTMLElement).dataset.kind!,
        marker: (li as HTMLElement).dataset.marker!,
        width: Number(li.querySelector('line')!.getAttribute('stroke-width')),
        d: li.querySelector('path')!.getAttribute('d')!,
        text: li.textContent,
      })),
    )
    expect(keys.map((k) => k.kind)).toEqual(['centralized', 'decentralized', 'p2p'])
    for (const k of keys) {
      const mark = NETWORK_MARKS[k.kind as keyof typeof NETWORK_MARKS]
      expect(k.marker).toBe(mark.marker)
      expect(k.width).toBe(mark.lineWidthPx)
      expect(k.d).toBe(markerPath(mark.marker, 18, 9, mark.markerRadiusPx))
    }
    expect(new Set(keys.map((k) => k.marker)).size).toBe(3)
    expect(await dialog.locator('.robust__overlap').textContent()).toMatch(
      /^The survivability lines of the centralized cloud and the multi-region cloud lie on top of each other/,
    )

    // Esc closes it, and the keyboard is back on its button.
    await page.keyboard.press('Escape')
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog.robust')?.open === false)
    // Still there a task later (the page lets go of the keyboard on an Esc that nothing used).
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)))
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await opener.getAttribute('aria-expanded')).toBe('false')

    // From the keyboard alone: opened again with the last results kept, closed by its button.
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog.robust')?.open === true)
    expect(await dialog.locator('.robust__sentence').textContent()).toBe(sentence)
    expect(await trials.inputValue()).toBe('3')
    await dialog.getByRole('button', { name: 'Close robustness' }).click()
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog.robust')?.open === false)
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true)

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })

  test('the chart cuts off no axis text at the usual sizes in every theme, and shows both coinciding lines', async () => {
    const opened = await openPage(browser, '', { initScript: RECORD_CHART_TEXT })
    const { page } = opened
    await waitForReady(page)
    await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })
    await page.evaluate(() => window.p2pglobe!.setAutoRotate(false))
    await openDrawer(page)
    await page.locator('.controls [data-panel="robustness"]').click()
    const dialog = page.getByRole('dialog', { name: 'Robustness' })
    // An attack on the best connected: the lines stand apart somewhere (under random failures the grid's and the
    // clouds' lines run within a point of each other all along, and the coinciding pair below would be hidden).
    await dialog.getByRole('combobox', { name: 'Failure' }).selectOption('attackDegree')
    await dialog.getByRole('spinbutton', { name: 'Trials' }).fill('2')
    await dialog.getByRole('button', { name: 'Run sweep' }).click()
    await page.waitForFunction(() => window.p2pglobe!.getState().robustness.status === 'done', undefined, {
      timeout: 30_000,
    })

    let theme = 'dark'
    for (const viewport of SIZES) {
      await page.setViewportSize(viewport)
      for (const next of THEMES) {
        if (next !== theme) {
          // A new theme makes a new chart: wait for that one.
          await page.evaluate(() => {
            const c = document.querySelector('dialog.robust .robust__chart canvas') as RecordedCanvas | null
            if (c) c.__stale = true
          })
          expect(await page.evaluate((t) => window.p2pglobe!.applyParams(`?theme=${t}`), next)).toEqual([])
          theme = next
        }
        const where = `${viewport.width}×${viewport.height}, ${theme}`
        await page.waitForFunction(chartDrawn, undefined, { timeout: 10_000 })
        const chart = await page.evaluate(readChart)
        expect(chart.theme, where).toBe(theme)
        const titles = chart.texts.filter((t) => !/^\d+%$/.test(t.text)).map((t) => t.text)
        expect(titles.sort(), where).toEqual(['Nodes failed', 'Still working'])
        expect(chart.texts.length, where).toBeGreaterThanOrEqual(8)
        // The canvas fills its box and no more; every title and tick label is inside it…
        expect(chart.canvas.left, where).toBeGreaterThanOrEqual(chart.host.left - 0.5)
        expect(chart.canvas.top, where).toBeGreaterThanOrEqual(chart.host.top - 0.5)
        expect(chart.canvas.right, where).toBeLessThanOrEqual(chart.host.right + 0.5)
        expect(chart.canvas.bottom, where).toBeLessThanOrEqual(chart.host.bottom + 0.5)
        for (const t of chart.texts) {
          const inside =
            t.left >= chart.canvas.left &&
            t.top >= chart.canvas.top &&
            t.right <= chart.canvas.right &&
            t.bottom <= chart.canvas.bottom
          expect(inside, `${where}: "${t.text}" at ${JSON.stringify(t)} in ${JSON.stringify(chart.canvas)}`).toBe(true)
        }
        // …and the box itself is not cut by the panel's sides.
        expect(chart.host.left, where).toBeGreaterThanOrEqual(chart.panel.left)
        expect(chart.host.right, where).toBeLessThanOrEqual(chart.panel.right)
        // No two texts run into each other (a tick label into a title).
        for (const [i, a] of chart.texts.entries())
          for (const b of chart.texts.slice(i + 1)) {
            const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top
            expect(apart, `${where}: "${a.text}" runs into "${b.text}"`).toBe(true)
          }
      }
    }

    // The two clouds' survivability lines coincide (the same graph): halfway along a stretch where no other line
    // comes near, both colours must show, not only the one drawn last.
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.evaluate(() => {
      const c = document.querySelector('dialog.robust .robust__chart canvas') as RecordedCanvas | null
      if (c) c.__stale = true
    })
    await page.evaluate(() => window.p2pglobe!.applyParams('?theme=dark'))
    await page.waitForFunction(chartDrawn, undefined, { timeout: 10_000 })
    const results = (await robustness(page)).results as Record<string, SweepPoint[]>
    const [central, multi] = [results.centralized!, results.decentralized!]
    expect(central.map((p) => p.survivability.mean)).toEqual(multi.map((p) => p.survivability.mean))
    const others = (i: number) => [
      central[i]!.serviceAvailability!.mean,
      multi[i]!.serviceAvailability!.mean,
      results.p2p![i]!.survivability.mean,
      results.p2p![i]!.serviceAvailability!.mean,
    ]
    // The stretch whose both ends are farthest from every other line.
    const clearance = (i: number) => Math.min(...others(i).map((v) => Math.abs(v - central[i]!.survivability.mean)))
    let best = 1
    for (let i = 1; i + 1 < central.length; i++)
      if (Math.min(clearance(i), clearance(i + 1)) > Math.min(clearance(best), clearance(best + 1))) best = i
    expect(Math.min(clearance(best), clearance(best + 1))).toBeGreaterThan(0.05)
    const seen = await page.evaluate(countColours, {
      from: [central[best]!.fraction * 100, central[best]!.survivability.mean * 100],
      to: [central[best + 1]!.fraction * 100, central[best + 1]!.survivability.mean * 100],
      colours: [PALETTE.centralized.node, PALETTE.decentralized.node],
    })
    expect(seen.centre, 'the middle of the stretch lies on the plot').toBe(true)
    expect(seen.counts[0], 'centralized cloud line visible').toBeGreaterThanOrEqual(3)
    expect(seen.counts[1], 'multi-region cloud line visible').toBeGreaterThanOrEqual(3)

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })
})

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
]
const THEMES = ['dark', 'projector', 'light']

/** A chart canvas with what its last drawing wrote on it (RECORD_CHART_TEXT). */
type RecordedCanvas = HTMLCanvasElement & {
  __texts?: { text: string; box: [number, number, number, number] }[]
  /** The canvas size when it was last cleared to be drawn. */
  __drawnAt?: [number, number]
  __stale?: boolean
}

/**
 * uPlot writes its axis titles and tick labels into the canvas (no DOM element holds them): every fillText is
 * recorded with its inked box in canvas pixels (measureText's actual bounds through the current transform, which
 * turns the y title), and a clear of the whole canvas, at each drawing, starts the list again.
 */
const RECORD_CHART_TEXT = `
  const proto = CanvasRenderingContext2D.prototype;
  const fillText = proto.fillText;
  const clearRect = proto.clearRect;
  proto.clearRect = function (x, y, w, h) {
    const c = this.canvas;
    if (x <= 0 && y <= 0 && w >= c.width && h >= c.height) { c.__texts = []; c.__drawnAt = [c.width, c.height]; }
    return clearRect.call(this, x, y, w, h);
  };
  proto.fillText = function (text, x, y, maxWidth) {
    const c = this.canvas;
    if (c.__texts) {
      const m = this.measureText(text);
      const t = this.getTransform();
      const xs = [], ys = [];
      for (const px of [x - m.actualBoundingBoxLeft, x + m.actualBoundingBoxRight])
        for (const py of [y - m.actualBoundingBoxAscent, y + m.actualBoundingBoxDescent]) {
          xs.push(t.a * px + t.c * py + t.e);
          ys.push(t.b * px + t.d * py + t.f);
        }
      c.__texts.push({ text: String(text), box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] });
    }
    return fillText.call(this, text, x, y, maxWidth);
  };
`

/** The panel's chart is drawn at its box's present size, and is not the one from before a change of theme. */
function chartDrawn(): boolean {
  const host = document.querySelector('dialog.robust .robust__chart')
  const c = host?.querySelector('canvas') as RecordedCanvas | null | undefined
  if (!host || !c || c.__stale || !c.__texts?.length || !c.__drawnAt) return false
  const box = host.getBoundingClientRect()
  const shown = c.getBoundingClientRect()
  return (
    c.__drawnAt[0] === c.width &&
    c.__drawnAt[1] === c.height &&
    Math.abs(shown.width - box.width) < 1 &&
    Math.abs(shown.height - box.height) < 1
  )
}

/** The chart's box, its canvas, the panel's inside, and every text the canvas holds, in page CSS pixels. */
function readChart() {
  const host = document.querySelector('dialog.robust .robust__chart')!
  const c = host.querySelector('canvas') as RecordedCanvas
  const dialog = document.querySelector('dialog.robust')!
  const rect = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })
  const shown = c.getBoundingClientRect()
  const k = shown.width / c.width
  const d = dialog.getBoundingClientRect()
  return {
    theme: document.documentElement.dataset.theme ?? 'dark',
    host: rect(host.getBoundingClientRect()),
    canvas: rect(shown),
    panel: { left: d.left + dialog.clientLeft, right: d.left + dialog.clientLeft + dialog.clientWidth },
    texts: c.__texts!.map((t) => ({
      text: t.text,
      left: shown.left + t.box[0] * k,
      top: shown.top + t.box[1] * k,
      right: shown.left + t.box[2] * k,
      bottom: shown.top + t.box[3] * k,
    })),
  }
}

/**
 * Pixels near each colour in a small square halfway between two points of the chart (x in percent failed, y in
 * percent), placed from the tick labels' centres: "30%" on x stands centred on its tick, "0%" and "100%" on y too.
 */
function countColours({ from, to, colours }: { from: number[]; to: number[]; colours: string[] }) {
  const c = document.querySelector('dialog.robust .robust__chart canvas') as RecordedCanvas
  const texts = c.__texts!
  const labels = texts
    .filter((t) => /^\d+%$/.test(t.text))
    .map((t) => ({ v: Number(t.text.slice(0, -1)), x: (t.box[0] + t.box[2]) / 2, y: (t.box[1] + t.box[3]) / 2 }))
  // The share failed's labels are the lowest row; the rest are the y axis's.
  const lowest = Math.max(...labels.map((t) => t.y))
  const xs = labels.filter((t) => t.y > lowest - 2).sort((a, b) => a.v - b.v)
  const ys = labels.filter((t) => t.y <= lowest - 2)
  const x0 = xs[0]!
  const x1 = xs.at(-1)!
  const y0 = ys.find((t) => t.v === 0)!
  const y100 = ys.find((t) => t.v === 100)!
  const px = (v: number) => x0.x + ((x1.x - x0.x) * (v - x0.v)) / (x1.v - x0.v)
  const py = (v: number) => y0.y + ((y100.y - y0.y) * v) / 100
  const cx = Math.round(px((from[0]! + to[0]!) / 2))
  const cy = Math.round(py((from[1]! + to[1]!) / 2))
  const r = Math.round(4 * (c.width / c.getBoundingClientRect().width))
  const { data } = c.getContext('2d')!.getImageData(cx - r, cy - r, 2 * r + 1, 2 * r + 1)
  const rgb = colours.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)))
  const counts = rgb.map(() => 0)
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3]! < 200) continue
    rgb.forEach((col, j) => {
      if (Math.hypot(data[i]! - col[0]!, data[i + 1]! - col[1]!, data[i + 2]! - col[2]!) < 30) counts[j]!++
    })
  }
  return { centre: cx > x0.x && cx < x1.x && cy < y0.y && cy > y100.y, counts }
}
