/**
 * The presenter mode in the built app under its CSP: the built-in story started from the heading's button (a
 * first-time visitor's way in) or from the drawer of controls, and played
 * through by a clicker's keys, each step's caption and state checked; the help drawn from the key table; the black
 * screen; hiding the controls; keys the demo does not use left to the page; story files, a bad one refused with the
 * field at fault while the story on screen stays; the unattended loop coming round to the start; a story from the
 * address.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { BUILTIN_STORY } from '../../src/story/builtin'
import { KEY_BINDINGS } from '../../src/story/keys'
import type { Story } from '../../src/story/schema'
import { launchBrowser, openPage, type OpenedPage } from './chromium'
import { openDrawer, readyForChecks } from './stage'

let browser: Browser
let dir: string

/** Three short steps, a scenario on the second: the unattended loop comes round in seconds. */
const SHORT: Story = {
  version: 1,
  title: 'A short one',
  steps: [
    { title: 'First, the grid', caption: 'Small computers everywhere.', network: 'p2p', seconds: 2 },
    {
      title: 'Then the cloud fails',
      caption: 'One region goes dark.',
      network: 'centralized',
      scenario: { kind: 'site', at: 'ashburn' },
      seconds: 2,
    },
    { title: 'Last, the copies', caption: 'Copies in other regions.', network: 'decentralized', seconds: 2 },
  ],
}
/** The second step names a network that does not exist. */
const BAD = { ...SHORT, steps: [SHORT.steps[0], { ...SHORT.steps[1], network: 'mesh' }] }

// The folder the browser tests serve (tests/browser/global-setup.ts), for a story file given by its address.
const served = process.env.P2PGLOBE_DIST
  ? resolve(fileURLToPath(new URL('../..', import.meta.url)), process.env.P2PGLOBE_DIST)
  : fileURLToPath(new URL('../../dist', import.meta.url))
const URL_STORY = `story-test-${process.pid}.json`
const URL_BAD = `story-test-bad-${process.pid}.json`

beforeAll(async () => {
  browser = await launchBrowser()
  dir = mkdtempSync(join(tmpdir(), 'p2pglobe-story-'))
  writeFileSync(join(dir, 'short.json'), JSON.stringify(SHORT))
  writeFileSync(join(dir, 'bad.json'), JSON.stringify(BAD))
  writeFileSync(join(served, URL_STORY), JSON.stringify(SHORT))
  writeFileSync(join(served, URL_BAD), JSON.stringify(BAD))
})

afterAll(async () => {
  await browser?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
  rmSync(join(served, URL_STORY), { force: true })
  rmSync(join(served, URL_BAD), { force: true })
})

async function prepare(opened: OpenedPage): Promise<Page> {
  const { page } = opened
  await readyForChecks(page)
  return page
}

const storyState = (page: Page) => page.evaluate(() => window.p2pglobe!.getState().story)

/** Waits for a step to be on screen, then checks its caption and that its network and scenario are running. */
async function expectStep(page: Page, story: Story, index: number): Promise<void> {
  await page.waitForFunction((i) => window.p2pglobe!.getState().story?.index === i, index)
  const step = story.steps[index]!
  const panel = page.locator('.story')
  expect(await panel.locator('.story__count').innerText()).toMatch(
    new RegExp(`^step ${index + 1} of ${story.steps.length}`, 'i'),
  )
  expect(await panel.locator('.story__title').innerText()).toBe(step.title)
  expect(await panel.locator('.story__caption').innerText()).toBe(step.caption)
  const kind = step.scenario?.kind ?? 'none'
  await page.waitForFunction(
    ({ network, kind }) => {
      const s = window.p2pglobe!.getState()
      return s.network === network && s.scenario.kind === kind
    },
    { network: step.network, kind },
  )
}

/** Presses a key and reports whether the page kept it (preventDefault), as seen by a listener after the app's. */
async function pressAndSee(page: Page, key: string): Promise<boolean> {
  await page.evaluate(() => {
    const w = window as unknown as { __kept: boolean | null }
    w.__kept = null
    window.addEventListener('keydown', (e) => (w.__kept = e.defaultPrevented), { once: true })
  })
  await page.keyboard.press(key)
  return page.evaluate(() => (window as unknown as { __kept: boolean }).__kept)
}

/** No page error and no console message, then the page closed (two pages rendering at once slow each other). */
async function expectCleanAndClose(opened: OpenedPage): Promise<void> {
  expect(opened.pageErrors).toEqual([])
  expect(opened.console).toEqual([])
  await opened.page.context().close()
}

describe('presenter mode', () => {
  test('plays the built-in story by a clicker’s keys, with each step’s caption, network and scenario', async () => {
    const opened = await openPage(browser, '', { viewport: { width: 1600, height: 900 } })
    const page = await prepare(opened)
    expect(await storyState(page)).toBeNull()
    // Before a story, stepping keys are not the demo's.
    expect(await pressAndSee(page, 'ArrowRight')).toBe(false)

    // The heading's "Watch the story": one press from the first view.
    await page.locator('[data-action="watch-story"]').click()
    await expectStep(page, BUILTIN_STORY, 0)
    expect(await storyState(page)).toEqual({ index: 0, count: BUILTIN_STORY.steps.length, kiosk: false })
    // Presenting shows the globe and its numbers: the dock and the drawer step aside for the caption.
    await expect.poll(() => page.locator('.controls').count()).toBe(0)
    expect(await page.locator('.dock').count()).toBe(0)

    const keys: [string, number][] = [
      [' ', 1],
      ['ArrowRight', 2],
      ['PageDown', 3],
      ['ArrowLeft', 2],
      ['PageUp', 1],
      ['Home', 0],
      ['6', 5],
      ['8', 7],
      ['2', 1],
    ]
    for (const [key, index] of keys) {
      expect(await pressAndSee(page, key === ' ' ? 'Space' : key)).toBe(true)
      await expectStep(page, BUILTIN_STORY, index)
    }
    // A digit goes to its step; the ones past the ninth (the last: two networks side by side) are Next further.
    const last = BUILTIN_STORY.steps.length - 1
    await page.keyboard.press('9')
    await expectStep(page, BUILTIN_STORY, 8)
    for (let index = 9; index <= last; index++) {
      await page.keyboard.press('Space')
      await expectStep(page, BUILTIN_STORY, index)
    }
    // Keys the demo does not use go on to the page untouched.
    for (const key of ['x', 'ArrowDown', 'ArrowUp']) expect(await pressAndSee(page, key), key).toBe(false)
    expect((await storyState(page))!.index).toBe(last)

    // The buttons, for a mouse: back, next; the click leaves no focus on them, so Space goes on as before.
    await page.locator('[data-action="story-previous"]').click()
    await expectStep(page, BUILTIN_STORY, last - 1)
    await page.locator('[data-action="story-previous"]').click()
    await expectStep(page, BUILTIN_STORY, last - 2)
    await page.keyboard.press('Space')
    await expectStep(page, BUILTIN_STORY, last - 1)
    await page.locator('[data-action="story-next"]').click()
    await expectStep(page, BUILTIN_STORY, last)
    expect(await page.locator('[data-action="story-next"]').isDisabled()).toBe(true)
    // Space on the last step stays there: the side by side is not started again.
    const run = await page.evaluate(() => window.p2pglobe!.getState().metrics!.t)
    await page.keyboard.press('Space')
    await page.waitForTimeout(300)
    expect((await storyState(page))!.index).toBe(last)
    expect((await page.evaluate(() => window.p2pglobe!.getState().metrics!.t)) >= run).toBe(true)

    // Exit: the story ends and the dock comes back.
    await page.locator('[data-action="story-exit"]').click()
    await page.waitForFunction(() => window.p2pglobe!.getState().story === null)
    expect(await page.locator('.story').count()).toBe(0)
    await page.locator('.dock').waitFor()
    await expectCleanAndClose(opened)
  })

  test('shows the help from the key table, blanks the screen and hides the controls, and gives them back', async () => {
    const opened = await openPage(browser)
    const page = await prepare(opened)
    await openDrawer(page)
    await page.getByRole('button', { name: 'Present the story' }).click()
    await expectStep(page, BUILTIN_STORY, 0)
    await page.keyboard.press('3')
    await expectStep(page, BUILTIN_STORY, 2)

    // ?: every binding of the table, its keys and what they do.
    expect(await pressAndSee(page, '?')).toBe(true)
    const help = page.getByRole('dialog', { name: 'Keys' })
    await help.waitFor()
    const rows = help.locator('tr')
    expect(await rows.count()).toBe(KEY_BINDINGS.length)
    for (const [i, b] of KEY_BINDINGS.entries()) {
      expect(await rows.nth(i).locator('th').innerText()).toBe(b.label)
      expect(await rows.nth(i).locator('td').innerText()).toBe(b.description)
    }
    // Esc closes it and nothing else.
    expect(await pressAndSee(page, 'Escape')).toBe(true)
    await help.waitFor({ state: 'detached' })
    expect((await storyState(page))!.index).toBe(2)

    // Esc with nothing of the presenter's to close is not taken: it goes on (in a slide deck, to the host).
    expect(await pressAndSee(page, 'Escape')).toBe(false)
    expect((await storyState(page))!.index).toBe(2)

    // B: black over everything; B again brings the step back.
    const blank = page.locator('.story-blank')
    await page.keyboard.press('b')
    await blank.waitFor()
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.story-blank')!).backgroundColor)).toBe(
      'rgb(0, 0, 0)',
    )
    await page.keyboard.press('b')
    await blank.waitFor({ state: 'detached' })
    // ".": the same; a clicker's next brings the picture back without moving on.
    await page.keyboard.press('.')
    await blank.waitFor()
    await page.keyboard.press('PageDown')
    await blank.waitFor({ state: 'detached' })
    expect((await storyState(page))!.index).toBe(2)
    expect(await page.locator('.story__title').innerText()).toBe(BUILTIN_STORY.steps[2]!.title)

    // H: every control away (the story's buttons and the numbers); the caption stays. H again: all back.
    await page.locator('.hud').waitFor()
    await page.locator('.story__bar').waitFor()
    await page.keyboard.press('h')
    await page.locator('.story__bar').waitFor({ state: 'detached' })
    await page.locator('.hud').waitFor({ state: 'hidden' })
    expect(await page.locator('.story__caption').isVisible()).toBe(true)
    await page.keyboard.press('h')
    await page.locator('.story__bar').waitFor()
    await page.locator('.hud').waitFor()

    // F: full screen on and off again (or, where refused, a note; never an error).
    await page.keyboard.press('f')
    await expect
      .poll(() =>
        page.evaluate(() => document.fullscreenElement !== null || document.querySelector('.story__note') !== null),
      )
      .toBe(true)
    await page.keyboard.press('f')
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull()

    // H outside a story, in steps: the controls away (the globe and its numbers stay), then the numbers too, then
    // everything back.
    await page.locator('[data-action="story-exit"]').click()
    await page.locator('.dock').waitFor()
    await page.keyboard.press('h')
    await page.locator('.dock').waitFor({ state: 'detached' })
    expect(await page.locator('.hud').isVisible()).toBe(true)
    await page.keyboard.press('h')
    await page.locator('.hud').waitFor({ state: 'hidden' })
    await page.keyboard.press('h')
    await page.locator('.dock').waitFor()
    await page.locator('.hud').waitFor()

    // Keys typed into a field are the field's: no step moves.
    await openDrawer(page)
    const speed = page.locator('.controls input[type="range"]').first()
    await speed.focus()
    expect(await pressAndSee(page, 'ArrowRight')).toBe(false)
    expect(await pressAndSee(page, 'b')).toBe(false)
    expect(await page.locator('.story-blank').count()).toBe(0)
    await expectCleanAndClose(opened)
  })

  test('loads a story file, refuses a bad one naming the field while the story stays, and loops it unattended', async () => {
    const opened = await openPage(browser)
    const page = await prepare(opened)
    await openDrawer(page)
    await page.getByRole('button', { name: 'Present the story' }).click()
    await expectStep(page, BUILTIN_STORY, 0)
    await page.keyboard.press('4')
    await expectStep(page, BUILTIN_STORY, 3)

    const input = page.locator('[data-role="story-file"]')
    await input.setInputFiles(join(dir, 'bad.json'))
    const error = page.locator('.story [data-role="story-error"]')
    await error.waitFor()
    expect(await error.innerText()).toContain('bad.json')
    expect(await error.locator('code').innerText()).toBe('$.steps[1].network')
    // The story in progress stays, at its step.
    expect(await storyState(page)).toEqual({ index: 3, count: BUILTIN_STORY.steps.length, kiosk: false })
    expect(await page.locator('.story__title').innerText()).toBe(BUILTIN_STORY.steps[3]!.title)

    // A good one replaces it, from its first step, and the refusal goes away.
    await input.setInputFiles(join(dir, 'short.json'))
    await expectStep(page, SHORT, 0)
    expect(await error.count()).toBe(0)
    expect(await storyState(page)).toEqual({ index: 0, count: 3, kiosk: false })

    // Loop: each step for its seconds, then on; after the last, the first again. Nothing is touched meanwhile.
    await page.locator('[data-action="story-loop"]').click()
    await page.waitForFunction(() => window.p2pglobe!.getState().story?.kiosk === true)
    expect(await page.locator('.story__count').innerText()).toMatch(/looping/i)
    await page.evaluate(() => {
      const w = window as unknown as { __seen: number[] }
      w.__seen = []
      const seen = () => {
        const i = window.p2pglobe!.getState().story?.index
        if (i !== undefined && w.__seen[w.__seen.length - 1] !== i) w.__seen.push(i)
      }
      seen()
      setInterval(seen, 50)
    })
    await page.waitForFunction(
      () => {
        const seen = (window as unknown as { __seen: number[] }).__seen
        return seen.includes(2) && seen[seen.length - 1] === 0 && seen.length >= 3
      },
      undefined,
      { timeout: 40_000 },
    )
    const seen = await page.evaluate(() => (window as unknown as { __seen: number[] }).__seen)
    expect(seen.slice(0, 4)).toEqual([0, 1, 2, 0])
    await expectStep(page, SHORT, 0)
    await expectCleanAndClose(opened)
  })

  test('presents a story named in the address, from its step and looping, and reports a bad one', async () => {
    const opened = await openPage(browser, `?story=${URL_STORY}&step=2&kiosk=1`)
    const page = await prepare(opened)
    await page.waitForFunction(() => window.p2pglobe!.getState().story !== null, undefined, { timeout: 30_000 })
    // Looping from step 2: it comes round to the start.
    await page.waitForFunction(() => window.p2pglobe!.getState().story?.index === 0, undefined, { timeout: 40_000 })
    expect(await storyState(page)).toEqual({ index: 0, count: 3, kiosk: true })
    await expectStep(page, SHORT, 0)
    await expectCleanAndClose(opened)

    const bad = await openPage(browser, `?story=${URL_BAD}`)
    const badPage = await prepare(bad)
    const notice = badPage.locator('.notices')
    await notice.waitFor({ timeout: 30_000 })
    expect(await notice.innerText()).toContain('$.steps[1].network')
    expect(await storyState(badPage)).toBeNull()
    expect(bad.pageErrors).toEqual([])
    // The one message is the report of the bad story.
    expect(bad.console.map((c) => c.type)).toEqual(['warning'])
    await bad.page.context().close()
  })
})
