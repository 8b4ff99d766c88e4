/**
 * The dock and the drawer of controls in the built app under its CSP, driven as a person would: by clicks and keys
 * on the controls (never through window.p2pglobe, which is only read to check what happened). The dock: the
 * networks and Fail in one click, the failure menu, the clock, the doors to the rest. The drawer: switching
 * networks, rebuilding one with new parameters, every scenario from the list (and the form showing what runs
 * however it started), the clock, the speed, the seed, importing files (picked, dropped, too large, malformed),
 * the tools, the other panels; then the keyboard, the sizes, and the phone sheet.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { SCENARIO_KINDS, type ScenarioKind } from '../../src/sim/scenarios'
import { SCENARIO_NAMES } from '../../src/ui/controls/scenarioForm'
import { launchBrowser, openPage, type OpenedPage } from './chromium'
import { openDrawer, readyForChecks } from './stage'

let browser: Browser
let dir: string

/** A small network with places: twelve nodes around the world in a ring, with a few chords across. */
const GOOD_GRAPH = {
  nodes: Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, lat: -50 + ((i * 37) % 100), lon: -180 + i * 30 })),
  links: [
    ...Array.from({ length: 12 }, (_, i) => ({ source: `n${i}`, target: `n${(i + 1) % 12}` })),
    { source: 'n0', target: 'n6' },
    { source: 'n3', target: 'n9' },
  ],
}
/** The second link names a node that does not exist. */
const BAD_GRAPH = {
  nodes: [
    { id: 'a', lat: 10, lon: 10 },
    { id: 'b', lat: 20, lon: 20 },
  ],
  links: [
    { source: 'a', target: 'b' },
    { source: 'a', target: 'zzz' },
  ],
}

beforeAll(async () => {
  browser = await launchBrowser()
  dir = mkdtempSync(join(tmpdir(), 'p2pglobe-controls-'))
  writeFileSync(join(dir, 'ring.json'), JSON.stringify(GOOD_GRAPH))
  writeFileSync(join(dir, 'broken.json'), JSON.stringify(BAD_GRAPH))
})

afterAll(async () => {
  await browser?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** The page ready, the globe still; the drawer of controls opened from the dock unless asked otherwise. */
async function prepare(opened: OpenedPage, drawer = true): Promise<Page> {
  const { page } = opened
  await readyForChecks(page)
  if (drawer) await openDrawer(page)
  return page
}

const state = (page: Page) => page.evaluate(() => window.p2pglobe!.getState())

async function waitForNetwork(page: Page, kind: string): Promise<void> {
  await page.waitForFunction((k) => window.p2pglobe!.getState().network === k, kind)
}

/** Stops the clock from the panel, and waits for any step under way to land. */
async function pause(page: Page): Promise<void> {
  // A scenario may stop playing by itself between the look and the click, which turns the button back to Play.
  const button = page.locator('.controls [data-action="pause"]')
  if ((await state(page)).playing) await button.click({ timeout: 5_000 }).catch(() => undefined)
  await page.waitForFunction(() => !window.p2pglobe!.getState().playing)
  await page.evaluate(() => window.p2pglobe!.step(0))
}

/** One step from the panel: waits until the simulated time has moved on. */
async function step(page: Page): Promise<void> {
  const before = (await state(page)).metrics!.t
  await page.locator('.controls [data-action="step"]').click()
  await page.waitForFunction((t) => window.p2pglobe!.getState().metrics!.t > t, before)
}

describe('control panel', () => {
  test('switches networks and rebuilds one with new parameters, with a message naming a bad field', async () => {
    const opened = await openPage(browser)
    const page = await prepare(opened)
    const panel = page.getByRole('complementary', { name: 'Controls' })
    expect(await panel.getByRole('button', { name: 'Controls' }).getAttribute('aria-expanded')).toBe('true')

    // No file imported yet: the imported network cannot be picked.
    expect(await panel.getByRole('radio', { name: 'Imported' }).isDisabled()).toBe(true)
    for (const [name, kind] of [
      ['Multi-region', 'decentralized'],
      ['Peer-to-peer', 'p2p'],
      ['Centralized', 'centralized'],
      ['Peer-to-peer', 'p2p'],
    ] as const) {
      await panel.getByRole('radio', { name }).check()
      await waitForNetwork(page, kind)
      expect(await panel.getByRole('radio', { name }).isChecked()).toBe(true)
    }

    // The peer-to-peer grid's parameters: 3,000 nodes by default.
    const facts = panel.locator('.ctl-facts')
    expect(await facts.getAttribute('data-nodes')).toBe('3000')
    await panel.getByText('Parameters').click()
    const nodes = panel.getByRole('spinbutton', { name: 'Nodes' })
    expect(await nodes.inputValue()).toBe('3000')

    // A bad value: refused with the field named, the keyboard taken to it, nothing rebuilt.
    await nodes.fill('5')
    await panel.getByRole('button', { name: 'Apply' }).click()
    await expect
      .poll(() => panel.locator('.ctl-field__error').textContent())
      .toBe('Nodes: expected a whole number from 10 to 100,000')
    expect(await nodes.getAttribute('aria-invalid')).toBe('true')
    expect(await nodes.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await facts.getAttribute('data-nodes')).toBe('3000')

    // 2,000 nodes: built in the worker, shown when ready, and the globe draws the new network.
    const before = await page.evaluate(() => window.p2pglobe!.stats())
    await nodes.fill('2000')
    expect(await nodes.getAttribute('aria-invalid')).toBeNull()
    await panel.getByRole('button', { name: 'Apply' }).click()
    await page.waitForFunction(() => document.querySelector('.ctl-facts')?.getAttribute('data-nodes') === '2000')
    expect(await facts.textContent()).toMatch(/2,000 nodes/)
    await page.waitForFunction(
      ({ points, triangles }) => {
        const s = window.p2pglobe!.stats()
        return s.points !== points || s.triangles !== triangles
      },
      { points: before.points, triangles: before.triangles },
    )
    expect(await panel.getByRole('button', { name: 'Apply' }).isEnabled()).toBe(true)
    expect((await state(page)).network).toBe('p2p')

    // Self-healing is a switch; the other networks have their own parameters.
    expect(await panel.getByRole('checkbox', { name: /Self-healing/ }).isChecked()).toBe(true)
    await panel.getByRole('radio', { name: 'Multi-region' }).check()
    await waitForNetwork(page, 'decentralized')
    await panel.getByText('Parameters').click()
    const replicas = panel.getByRole('spinbutton', { name: 'Replicas' })
    await replicas.fill('4')
    await panel.getByRole('button', { name: 'Apply' }).click()
    await expect
      .poll(() => panel.locator('.ctl-field__error').textContent())
      .toBe('Replicas: expected a whole number from 2 to 3')

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })

  test('runs every scenario from the list, with the clock, play, pause, step, reset and speed', async () => {
    const opened = await openPage(browser)
    const page = await prepare(opened)
    // Ten scenarios step three networks each: a lighter canvas leaves the CPU to the simulation.
    await page.evaluate(() => window.p2pglobe!.setPixelRatio(0.5))
    const panel = page.getByRole('complementary', { name: 'Controls' })
    await panel.getByRole('radio', { name: 'Peer-to-peer' }).check()
    await waitForNetwork(page, 'p2p')

    const scenario = panel.getByRole('combobox', { name: 'Scenario' })
    const clock = panel.getByRole('timer', { name: 'Simulated time' })
    expect(await clock.textContent()).toBe('T+ 0 min')
    const failsNodes = (kind: ScenarioKind) => !['none', 'links', 'churn'].includes(kind)

    for (const kind of SCENARIO_KINDS) {
      await scenario.selectOption({ label: SCENARIO_NAMES[kind] })
      // Its one-line description is shown and read out with the list.
      const describedBy = (await scenario.getAttribute('aria-describedby'))!
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBeTruthy()
      await panel.getByRole('button', { name: 'Run on every network' }).click()
      await page.waitForFunction((k) => window.p2pglobe!.getState().scenario.kind === k, kind)
      // Running plays it.
      await page.waitForFunction(
        () => window.p2pglobe!.getState().playing || window.p2pglobe!.getState().metrics!.t > 0,
      )
      await pause(page)
      // The failure starts at the first step after the start; a cascade or a push may take a round or two more.
      const hit = (m: { failedNodes: number; failedLinks: number }) =>
        failsNodes(kind) ? m.failedNodes > 0 : kind === 'links' ? m.failedLinks > 0 : true
      await step(page)
      for (let i = 0; i < 2 && !hit((await state(page)).metrics!); i++) await step(page)
      const { metrics, scenario: spec } = await state(page)
      expect(spec.kind).toBe(kind)
      if (failsNodes(kind)) expect(metrics!.failedNodes, kind).toBeGreaterThan(0)
      if (kind === 'links') expect(metrics!.failedLinks).toBeGreaterThan(0)
      expect(await clock.textContent()).toMatch(/^T\+ [1-9]\d* min$/)
    }

    // A regional disaster at a typed place; a bad latitude is refused and named.
    await scenario.selectOption({ label: SCENARIO_NAMES.region })
    await panel.getByRole('combobox', { name: 'Where' }).selectOption({ label: 'Latitude and longitude…' })
    const lat = panel.getByRole('spinbutton', { name: 'Latitude' })
    await lat.fill('95')
    await panel.getByRole('button', { name: 'Run on every network' }).click()
    await expect
      .poll(() => panel.locator('.ctl-field__error').textContent())
      .toBe('Latitude: expected a number from -90 to 90')
    expect(await lat.evaluate((el) => el === document.activeElement)).toBe(true)
    await lat.fill('48.85')
    await panel.getByRole('spinbutton', { name: 'Longitude' }).fill('2.35')
    await panel.getByRole('spinbutton', { name: 'Radius (km)' }).fill('800')
    await panel.getByRole('button', { name: 'Run on every network' }).click()
    await page.waitForFunction(() => {
      const s = window.p2pglobe!.getState().scenario
      return s.kind === 'region' && s.lat === 48.85 && s.lon === 2.35 && s.radiusKm === 800
    })

    // Play and pause.
    await pause(page)
    await panel.getByRole('button', { name: 'Play' }).click()
    await page.waitForFunction(() => window.p2pglobe!.getState().playing)
    expect(await panel.locator('[data-action="pause"]').textContent()).toBe('Pause')
    await panel.getByRole('button', { name: 'Pause' }).click()
    await page.waitForFunction(() => !window.p2pglobe!.getState().playing)

    // Reset: healthy again at T+ 0.
    await panel.getByRole('button', { name: 'Reset' }).click()
    await page.waitForFunction(() => {
      const m = window.p2pglobe!.getState().metrics!
      return m.t === 0 && m.failedNodes === 0
    })
    await expect.poll(() => clock.textContent()).toBe('T+ 0 min')

    // Speed: a logarithmic slider from 0.5 to 120 simulated minutes per second, shown beside it.
    const speed = panel.getByRole('slider', { name: 'Speed' })
    const shown = panel.locator('.ctl-speed__value')
    expect(await shown.textContent()).toBe('2 min/s')
    await speed.focus()
    await page.keyboard.press('End')
    await expect.poll(() => shown.textContent()).toBe('2 h/s')
    expect(await speed.getAttribute('aria-valuetext')).toBe('2 simulated hours per second')
    await page.keyboard.press('Home')
    await expect.poll(() => shown.textContent()).toBe('0.5 min/s')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => shown.textContent()).toBe('0.56 min/s')
    // Kept between visits (the store's preferences).
    expect(await page.evaluate(() => localStorage.getItem('p2pglobe:prefs'))).toContain('0.56')

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  }, 240_000)

  test('sets the seed, refuses a bad one, draws a new one', async () => {
    const opened = await openPage(browser)
    const page = await prepare(opened)
    const panel = page.getByRole('complementary', { name: 'Controls' })
    const seed = panel.getByRole('spinbutton', { name: 'Seed' })
    expect(await seed.inputValue()).toBe('1')

    await seed.fill('1.5')
    await panel.getByRole('button', { name: 'Set', exact: true }).click()
    await expect
      .poll(() => panel.getByRole('alert').textContent())
      .toBe('Seed: expected a whole number from 0 to 4294967295')
    expect(await seed.getAttribute('aria-invalid')).toBe('true')

    // A new seed rebuilds every network: the grid's nodes land elsewhere, so the picture changes.
    await seed.fill('42')
    await panel.getByRole('button', { name: 'Set', exact: true }).click()
    await page.waitForFunction(() => document.querySelector('#ctl-seed-hint')?.textContent?.startsWith('Same seed'))
    expect(await seed.inputValue()).toBe('42')
    expect(await seed.getAttribute('aria-invalid')).toBeNull()

    await panel.getByRole('button', { name: 'New seed' }).click()
    await page.waitForFunction(() => {
      const v = (document.querySelector('#ctl-seed') as HTMLInputElement).value
      return v !== '42' && document.querySelector('#ctl-seed-hint')?.textContent?.startsWith('Same seed')
    })
    expect(Number(await seed.inputValue())).toBeGreaterThan(0)
    expect((await state(page)).status).toBe('ready')

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })

  test('imports a file picked or dropped; a bad, large or foreign file gets a message and the network stays', async () => {
    const opened = await openPage(browser)
    const page = await prepare(opened)
    const panel = page.getByRole('complementary', { name: 'Controls' })
    const input = page.locator('.controls input[type="file"]')
    expect(await input.getAttribute('accept')).toContain('.json')
    const status = panel.locator('.ctl-import-status')

    // A good file: shown at once as the imported network.
    await input.setInputFiles(join(dir, 'ring.json'))
    await waitForNetwork(page, 'imported')
    await expect.poll(() => status.textContent()).toMatch(/Imported ring\.json/)
    expect(await panel.getByRole('radio', { name: 'Imported' }).isChecked()).toBe(true)
    expect(await panel.locator('.ctl-facts').getAttribute('data-nodes')).toBe('12')
    expect(await panel.locator('.ctl-facts').textContent()).toMatch(/ring\.json: 12 nodes, 14 links/)

    // A malformed file: the JSON path of the problem, and the network on screen stays.
    await panel.getByRole('radio', { name: 'Centralized' }).check()
    await waitForNetwork(page, 'centralized')
    await input.setInputFiles(join(dir, 'broken.json'))
    await page.waitForFunction(
      () => document.querySelector('.ctl-import-status')?.getAttribute('data-state') === 'failed',
    )
    const error = (await status.textContent())!
    expect(error).toContain('broken.json could not be imported')
    expect(error).toContain('$.links[1].target')
    expect(error).toContain('The network on screen stays')
    expect((await state(page)).network).toBe('centralized')
    // The earlier import is still there to go back to.
    expect(await panel.getByRole('radio', { name: 'Imported' }).isEnabled()).toBe(true)

    // Over 10 MB: refused before it is read.
    await input.setInputFiles({
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 32),
    })
    await expect.poll(() => status.textContent()).toMatch(/huge\.json is 10 MB: files over 10 MB are refused/)
    // Not JSON: refused too.
    await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([137, 80, 78, 71]) })
    await expect.poll(() => status.textContent()).toMatch(/photo\.png is not a \.json file/)
    expect((await state(page)).network).toBe('centralized')

    // Dropped anywhere on the page (here with the drawer closed: it opens to show the outcome).
    await panel.getByRole('button', { name: 'Controls' }).click()
    expect(await panel.locator('.controls__body').isVisible()).toBe(false)
    await page.evaluate((graph) => {
      const file = new File([JSON.stringify(graph)], 'dropped.json', { type: 'application/json' })
      const data = new DataTransfer()
      data.items.add(file)
      const at = { clientX: 640, clientY: 360, bubbles: true, cancelable: true, dataTransfer: data }
      const target = document.elementFromPoint(640, 360)!
      target.dispatchEvent(new DragEvent('dragenter', at))
      target.dispatchEvent(new DragEvent('dragover', at))
      target.dispatchEvent(new DragEvent('drop', at))
    }, GOOD_GRAPH)
    await waitForNetwork(page, 'imported')
    await expect.poll(() => status.textContent()).toMatch(/Imported dropped\.json/)
    expect(await panel.locator('.controls__body').isVisible()).toBe(true)
    expect(await page.locator('.controls-drop').count()).toBe(0)

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })

  test('sets the tool, opens the other panels, turns compare on and off', async () => {
    const opened = await openPage(browser)
    const page = await prepare(opened)
    const panel = page.getByRole('complementary', { name: 'Controls' })
    const pressed = () =>
      panel
        .locator('.ctl-tool[aria-pressed="true"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-tool')))
    expect(await pressed()).toEqual(['rotate'])
    for (const [name, tool] of [
      ['Fail a node', 'failNode'],
      ['Cut a link', 'cutLink'],
      ['Draw a disaster area', 'drawDisaster'],
      ['Turn the globe', 'rotate'],
    ] as const) {
      await panel.getByRole('button', { name }).click()
      expect(await pressed()).toEqual([tool])
    }
    // Escape leaves a tool for turning the globe.
    await panel.getByRole('button', { name: 'Cut a link' }).click()
    expect(await pressed()).toEqual(['cutLink'])
    await page.keyboard.press('Escape')
    await expect.poll(pressed).toEqual(['rotate'])

    const compare = panel.getByRole('button', { name: 'Compare side by side' })
    expect(await compare.getAttribute('aria-pressed')).toBe('false')
    await compare.click()
    await expect.poll(() => compare.getAttribute('aria-pressed')).toBe('true')
    await compare.click()
    await expect.poll(() => compare.getAttribute('aria-pressed')).toBe('false')

    // The methodology and robustness panels open over the page and may cover these buttons: press them by script
    // (what the panels show is for their own tests); opening one closes the other.
    for (const name of ['How it works', 'Robustness']) {
      const button = panel.getByRole('button', { name })
      expect(await button.getAttribute('aria-expanded')).toBe('false')
      await button.evaluate((el: HTMLElement) => el.click())
      await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true')
    }
    expect(await panel.getByRole('button', { name: 'How it works' }).getAttribute('aria-expanded')).toBe('false')

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })
})

/** Every control the keyboard reaches in the panel, with what a check of it needs. */
function readControls(page: Page) {
  return page.locator('.controls').evaluate((root) => {
    const focusable = root.querySelectorAll<HTMLElement>('button, input:not([type="file"]), select, summary')
    return [...focusable]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const target = el.closest('label') ?? el
        const r = target.getBoundingClientRect()
        const labels = (el as HTMLInputElement).labels
        const name =
          el.getAttribute('aria-label') ??
          (labels && labels.length > 0 ? labels[0]!.textContent : null) ??
          el.textContent ??
          ''
        return { tag: el.tagName, name: name.trim(), height: r.height, width: r.width }
      })
  })
}

describe('control panel: keyboard, sizes and layouts', () => {
  test('every control has a name, a 44px target, readable text and a visible focus ring', async () => {
    const opened = await openPage(browser)
    const page = await prepare(opened)
    await page.locator('.controls summary').first().click()
    const controls = await readControls(page)
    expect(controls.length).toBeGreaterThan(20)
    for (const c of controls) {
      expect(c.name, `${c.tag} has no accessible name`).not.toBe('')
      expect(c.height, `${c.tag} "${c.name}" is ${c.height}px tall`).toBeGreaterThanOrEqual(44)
      expect(c.width, `${c.tag} "${c.name}" is ${c.width}px wide`).toBeGreaterThanOrEqual(44)
    }
    const sizes = await page.locator('.controls').evaluate((root) =>
      [...root.querySelectorAll<HTMLElement>('*')]
        .filter(
          (el) =>
            el.getClientRects().length > 0 && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
        )
        .map((el) => ({
          text: el.textContent!.trim().slice(0, 30),
          size: Number.parseFloat(getComputedStyle(el).fontSize),
        })),
    )
    for (const s of sizes) expect(s.size, `"${s.text}"`).toBeGreaterThanOrEqual(14)

    // Tab through the whole panel: each stop inside it shows a ring (its own outline, or its label's).
    // Reach the panel's first control by Tab (a focus by script alone would not show the keyboard's ring).
    await page.locator('.controls__toggle').focus()
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('controls__toggle')
    const seen = new Set<string>()
    for (let i = 0; i < 60; i++) {
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        if (!el || !el.closest('.controls')) return null
        const ring = (e: Element) => {
          const s = getComputedStyle(e)
          return s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2
        }
        return {
          id: `${el.tagName}:${el.id || el.textContent?.trim() || (el as HTMLInputElement).value}`,
          ring: ring(el) || (el.closest('label') !== null && ring(el.closest('label')!)),
        }
      })
      if (!stop) break
      expect(stop.ring, `${stop.id} shows no focus ring`).toBe(true)
      seen.add(stop.id)
      await page.keyboard.press('Tab')
    }
    expect(seen.size).toBeGreaterThan(15)

    // Operable from the keyboard alone: the network by arrow keys, play by Enter, the drawer closes by Space and
    // gives the focus back to the dock's button, which opens it again by Enter.
    const panel = page.getByRole('complementary', { name: 'Controls' })
    await panel.getByRole('radio', { name: 'Centralized' }).focus()
    await page.keyboard.press('ArrowDown')
    await waitForNetwork(page, 'decentralized')
    await panel.getByRole('button', { name: 'Play' }).focus()
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => window.p2pglobe!.getState().playing)
    const toggle = page.locator('.controls__toggle')
    await toggle.focus()
    await page.keyboard.press('Space')
    await page.locator('.controls').waitFor({ state: 'hidden' })
    const door = page.locator('[data-action="open-drawer"]')
    expect(await door.getAttribute('aria-expanded')).toBe('false')
    expect(await door.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await page.locator('.controls__body').waitFor({ state: 'visible' })
    expect(await door.getAttribute('aria-expanded')).toBe('true')
    // Esc inside the drawer closes it too.
    await panel.getByRole('button', { name: 'Step 1 simulated minute' }).focus()
    await page.keyboard.press('Escape')
    await page.locator('.controls').waitFor({ state: 'hidden' })

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })

  test('sits in the right column at 1280×720 and 1920×1080, within the window', async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      const opened = await openPage(browser, '', { viewport })
      const page = await prepare(opened)
      const box = (await page.locator('.controls').boundingBox())!
      const rem = await page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize))
      expect(box.width / rem).toBeGreaterThanOrEqual(20)
      expect(box.width / rem).toBeLessThanOrEqual(26)
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width)
      expect(box.x).toBeGreaterThan(viewport.width * 0.6)
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height)
      // Scrolls inside itself when it is taller than the window, the clock staying in sight.
      const body = page.locator('.controls__body')
      await body.evaluate((el) => el.scrollTo(0, el.scrollHeight))
      expect(await page.locator('.controls').getByRole('timer', { name: 'Simulated time' }).isVisible()).toBe(true)
      expect(await page.getByRole('button', { name: 'Compare side by side' }).isVisible()).toBe(true)
      expect(opened.pageErrors).toEqual([])
      expect(opened.console).toEqual([])
      await page.context().close()
    }
  })

  test('on a phone it is a sheet at the bottom, closed at first, off the globe’s centre', async () => {
    const opened = await openPage(browser, '', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    const page = await prepare(opened, false)
    const door = page.locator('[data-action="open-drawer"]')
    expect(await door.getAttribute('aria-expanded')).toBe('false')
    expect(await page.locator('.controls').isVisible()).toBe(false)
    // The dock's button to it is at the bottom, and the middle of the screen is the globe's.
    const dock = (await page.locator('.dock').boundingBox())!
    expect(dock.y).toBeGreaterThan(844 * 0.7)
    expect(await page.evaluate(() => document.elementFromPoint(195, 422)?.tagName)).toBe('CANVAS')

    await door.click()
    const toggle = page.locator('.controls__toggle')
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    const open = (await page.locator('.controls').boundingBox())!
    expect(open.y + open.height).toBeCloseTo(844, 0)
    expect(open.y).toBeGreaterThan(844 * 0.2)
    // Everything in it can be reached and used: scroll to a control at the end and press it.
    const compare = page.getByRole('button', { name: 'Compare side by side' })
    await compare.scrollIntoViewIfNeeded()
    await compare.click()
    await expect.poll(() => compare.getAttribute('aria-pressed')).toBe('true')
    for (const c of await readControls(page)) expect(c.height, c.name).toBeGreaterThanOrEqual(44)

    await toggle.click()
    await page.locator('.controls').waitFor({ state: 'hidden' })
    expect(await door.getAttribute('aria-expanded')).toBe('false')

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })
})

describe('dock', () => {
  test('the networks and Fail in one click each; the failure menu; the drawer shows what runs however it started', async () => {
    const opened = await openPage(browser)
    const page = await prepare(opened, false)
    const dock = page.getByRole('navigation', { name: 'Dock' })
    for (const [name, kind] of [
      ['Peer-to-peer', 'p2p'],
      ['Multi-region', 'decentralized'],
      ['Centralized', 'centralized'],
    ] as const) {
      await dock.getByRole('radio', { name }).click()
      await waitForNetwork(page, kind)
      expect(await dock.getByRole('radio', { name }).getAttribute('aria-checked')).toBe('true')
    }

    // Fail, at first: a regional disaster around Northern Virginia, on every network at once.
    await dock.locator('[data-action="fail"]').click()
    await page.waitForFunction(() => {
      const s = window.p2pglobe!.getState().scenario
      return s.kind === 'region' && s.lat === 39.04 && s.lon === -77.49 && s.radiusKm === 500
    })
    await page.waitForFunction(() => window.p2pglobe!.getState().metrics!.failedNodes > 0)
    await openDrawer(page)
    const panel = page.getByRole('complementary', { name: 'Controls' })
    const kind = panel.getByRole('combobox', { name: 'Scenario' })
    expect(await kind.inputValue()).toBe('region')
    expect(await panel.getByRole('combobox', { name: 'Where' }).inputValue()).toBe('ashburn')

    // Another failure from the menu, in one more click; the drawer follows.
    await dock.locator('[data-action="fail-menu"]').click()
    await page
      .getByRole('menu', { name: 'Failures' })
      .getByRole('menuitem', { name: /targeted attack/i })
      .click()
    await page.waitForFunction(() => window.p2pglobe!.getState().scenario.kind === 'attack')
    await expect.poll(() => kind.inputValue()).toBe('attack')
    expect(await page.getByRole('menu').count()).toBe(0)

    // Started by the address (or a story step, the page API, a message): the drawer shows that one too.
    await page.evaluate(() => window.p2pglobe!.applyParams('?scenario=site&at=tokyo'))
    await page.waitForFunction(() => window.p2pglobe!.getState().scenario.kind === 'site')
    await expect.poll(() => kind.inputValue()).toBe('site')
    expect(await panel.getByRole('combobox', { name: 'Where' }).inputValue()).toBe('tokyo')

    // The menu from the keyboard: Enter opens it on its first item, the arrows move, Esc closes it.
    const more = dock.locator('[data-action="fail-menu"]')
    await more.focus()
    await page.keyboard.press('Enter')
    const items = page.getByRole('menuitem')
    await expect.poll(() => items.first().evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('ArrowDown')
    expect(await items.nth(1).evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('menu').count()).toBe(0)
    expect(await more.evaluate((el) => el === document.activeElement)).toBe(true)
    // Esc in the menu closed the menu only.
    expect(await page.locator('.controls').isVisible()).toBe(true)

    // Reset: healthy again at T+0, from the dock.
    await dock.locator('[data-action="dock-reset"]').click()
    await page.waitForFunction(() => {
      const m = window.p2pglobe!.getState().metrics!
      return m.t === 0 && m.failedNodes === 0
    })
    expect(await dock.getByRole('timer', { name: 'Simulated time' }).textContent()).toBe('T+0')

    expect(opened.pageErrors).toEqual([])
    expect(opened.console).toEqual([])
    await page.context().close()
  })
})
