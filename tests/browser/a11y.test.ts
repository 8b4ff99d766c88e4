/**
 * Accessibility of each main view, checked by axe-core (WCAG 2 A and AA rules) in the built page: no serious or
 * critical violation. The views: the demo as it opens (in each theme), with a scenario running, the methodology,
 * the robustness panel after a sweep, the comparison side by side, the presenter mode with its help, and an
 * embed. (Colour contrast over the globe's canvas cannot be computed by axe; the themes' unit test checks it.)
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, openPage, waitForReady } from './chromium'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/** Serious and critical violations on the page as it is, one line each. */
async function audit(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP does not apply to the checker itself.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown, c: unknown): Promise<{ violations: unknown[] }> } }).axe
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    })
    return r.violations
  })) as Violation[]
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => `${n.target.join(' ')} [${n.failureSummary ?? ''}]`).join(', ')}`,
    )
}

async function ready(page: Page): Promise<void> {
  await waitForReady(page)
  await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })
  await page.evaluate(() => window.p2pglobe!.setAutoRotate(false))
}

describe('accessibility (axe-core)', () => {
  test('the demo, in every theme, with a scenario running, and its panels', async () => {
    const opened = await openPage(browser)
    const { page } = opened
    await ready(page)
    expect(await audit(page), 'as it opens').toEqual([])

    await page.evaluate(async () => {
      await window.p2pglobe!.runScenario({ kind: 'site', at: 'ashburn' })
      window.p2pglobe!.pause()
      await window.p2pglobe!.step(3)
    })
    expect(await audit(page), 'a scenario running').toEqual([])

    for (const theme of ['Projector', 'Light', 'Dark']) {
      await page.getByRole('radio', { name: theme }).check()
      // Colours ease from one theme to the next: measure them once every transition has ended.
      await page.waitForFunction(
        () => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState === 'finished'),
        undefined,
        { timeout: 10_000 },
      )
      expect(await audit(page), `${theme} theme`).toEqual([])
    }

    await page.getByRole('button', { name: 'How it works' }).first().click()
    await page.getByRole('dialog', { name: 'How this works' }).waitFor()
    expect(await audit(page), 'methodology').toEqual([])
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Robustness' }).click()
    const dialog = page.getByRole('dialog', { name: 'Robustness' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: /Run/ }).first().click()
    await page.waitForFunction(() => window.p2pglobe!.getState().robustness?.status === 'done', undefined, {
      timeout: 120_000,
    })
    expect(await audit(page), 'robustness').toEqual([])
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Compare side by side' }).click()
    await page.waitForFunction(() => document.querySelectorAll('.globe canvas').length === 2)
    expect(await audit(page), 'compare').toEqual([])
    expect(opened.pageErrors).toEqual([])
    await page.context().close()
  }, 240_000)

  test('the presenter mode with its help, and an embed', async () => {
    const opened = await openPage(browser, '?story=builtin')
    const { page } = opened
    await ready(page)
    await page.waitForFunction(() => window.p2pglobe!.getState().story !== null)
    await page.keyboard.press('?')
    await page.getByRole('dialog').filter({ hasText: /Space/ }).first().waitFor()
    expect(await audit(page), 'presenter help').toEqual([])
    await page.context().close()

    const embed = await openPage(browser, '?embed=1&network=p2p')
    await ready(embed.page)
    expect(await audit(embed.page), 'embed').toEqual([])
    await embed.page.context().close()
  }, 180_000)
})
