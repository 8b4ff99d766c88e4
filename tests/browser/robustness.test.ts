/**
 * The robustness panel in the built app under its CSP, driven by clicks and keys: opened from its button, a bad
 * choice refused, a long sweep run in the worker while the page keeps drawing frames with no long task, cancelled
 * (the worker itself stops), run again to the end; the chart drawn, the table and the sentence the store's
 * figures; Esc closes it and focus goes back. window.p2pglobe is only read, to check what happened.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { SweepPoint } from '../../src/sim/sweep'
import type { SweepRequest } from '../../src/store/store'
import { describeSweep } from '../../src/ui/robustness/robustnessData'
import { launchBrowser, openPage, waitForReady } from './chromium'

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
})
