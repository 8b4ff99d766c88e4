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
import { openDrawer, openLegend, openTimeline, readyForChecks } from './stage'
import { launchBrowser, openPage } from './chromium'

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

/**
 * Waits until the globe draws no more frames (a camera flight over, labels done fading in and out with the view):
 * the labels' colours are measured at rest, as a viewer reads them.
 */
async function still(page: Page): Promise<void> {
  const frames = () => page.evaluate(() => window.p2pglobe?.stats().frameTimesMs.join() ?? '')
  let last = await frames()
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(400)
    const now = await frames()
    if (now === last) return
    last = now
  }
}

/** Serious and critical violations on the page as it is (once the globe is at rest), one line each. */
async function audit(page: Page): Promise<string[]> {
  await still(page)
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

/**
 * The contrast of the open dialog's text against its own background. axe leaves a modal dialog's colours for a
 * person to review (it cannot tell the top layer's background), so they are measured here.
 */
function dialogContrast(page: Page): Promise<number> {
  return page.evaluate(() => {
    const dialog = document.querySelector('dialog[open]')!
    const rgb = (c: string) =>
      c
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map(Number)
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => {
        const x = v / 255
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    const style = getComputedStyle(dialog)
    const [a, b] = [lum(style.color), lum(style.backgroundColor)]
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)
  })
}

async function ready(page: Page): Promise<void> {
  await readyForChecks(page)
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

    // Every part of the chrome open: the further numbers, the timeline, the legend, the drawer, the failure menu.
    await page.locator('[data-action="hud-details"]').click()
    await openTimeline(page)
    await openLegend(page)
    await page.locator('[data-action="fail-menu"]').click()
    await page.getByRole('menu').waitFor()
    expect(await audit(page), 'the dock, the timeline and the legend open').toEqual([])
    await page.keyboard.press('Escape')
    await openDrawer(page)
    expect(await audit(page), 'the drawer open').toEqual([])

    const useTheme = async (theme: string) => {
      await page.getByRole('radio', { name: theme }).check()
      // Colours ease from one theme to the next: measure them once every transition has ended.
      await page.waitForFunction(
        () => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState === 'finished'),
        undefined,
        { timeout: 10_000 },
      )
    }
    // The panels below open in the last of these (light: the robustness panel once drew there dark on dark).
    for (const theme of ['Projector', 'Dark', 'Light']) {
      await useTheme(theme)
      expect(await audit(page), `${theme} theme`).toEqual([])
    }

    await page.getByRole('button', { name: 'How it works' }).first().click()
    await page.getByRole('dialog', { name: 'How this works' }).waitFor()
    expect(await audit(page), 'methodology').toEqual([])
    expect(await dialogContrast(page), 'methodology').toBeGreaterThanOrEqual(4.5)
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Robustness' }).click()
    const dialog = page.getByRole('dialog', { name: 'Robustness' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: /Run/ }).first().click()
    await page.waitForFunction(() => window.p2pglobe!.getState().robustness?.status === 'done', undefined, {
      timeout: 120_000,
    })
    expect(await audit(page), 'robustness').toEqual([])
    expect(await dialogContrast(page), 'robustness').toBeGreaterThanOrEqual(4.5)
    await page.keyboard.press('Escape')
    // And in the dark theme, with the same results.
    await useTheme('Dark')
    await page.getByRole('button', { name: 'Robustness' }).click()
    await dialog.locator('.robust__chart canvas').waitFor()
    expect(await audit(page), 'robustness, dark theme').toEqual([])
    expect(await dialogContrast(page), 'robustness, dark theme').toBeGreaterThanOrEqual(4.5)
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
