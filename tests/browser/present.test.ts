/**
 * Presenting and sharing, in the built app driven through its panel: the three themes (root attribute, colours,
 * the canvas), the choice kept across a reload and a broken stored value ignored, Save PNG (a real picture of
 * the globe), recording a WebM clip, the embed code (whose URL opens the same view), and the notice for bad URL
 * parameters (text only, the globe still drawn).
 */
import { readFileSync } from 'node:fs'
import type { Browser, Download, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { SCENE_THEMES } from '../../src/scene/constants'
import { launchBrowser, openPage, waitForReady, type OpenedPage, type OpenPageOptions } from './chromium'
import { census, hexToRgb } from './pixels'
import { decodePng } from './png'
import { openDrawer } from './stage'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** Every page a test opened, closed after it (the machine is shared). */
const pages: Page[] = []
afterEach(async () => {
  for (const page of pages.splice(0)) await page.context().close()
})

async function open(path = '', options: OpenPageOptions = {}): Promise<OpenedPage> {
  const opened = await openPage(browser, path, options)
  pages.push(opened.page)
  await prepare(opened.page)
  return opened
}

/** The machine running the tests may be shared and slow: generous waits, never a timing assertion. */
async function prepare(page: Page): Promise<void> {
  await waitForReady(page, 90_000)
  await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 90_000 })
  await page.evaluate(() => window.p2pglobe!.setAutoRotate(false))
  // Its controls are in the drawer, which opens on demand.
  if (await page.locator('[data-action="open-drawer"]').isVisible()) await openDrawer(page)
}

function clean(opened: OpenedPage): void {
  expect(opened.pageErrors).toEqual([])
  expect(opened.console.filter((c) => c.type === 'error')).toEqual([])
}

const panel = (page: Page) => page.getByRole('complementary', { name: 'Controls' })
const rootTheme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme)

/** Mean brightness (0–255) of a patch of the page left of the globe, where only the canvas's background shows. */
async function backgroundBrightness(page: Page): Promise<number> {
  const png = await page.screenshot({ clip: { x: 4, y: 230, width: 40, height: 40 } })
  const { data } = decodePng(png)
  let sum = 0
  for (let i = 0; i < data.length; i += 4) sum += (data[i]! + data[i + 1]! + data[i + 2]!) / 3
  return sum / (data.length / 4)
}

async function downloaded(download: Download): Promise<Uint8Array> {
  const path = await download.path()
  return new Uint8Array(readFileSync(path))
}

describe('themes', () => {
  test('each theme sets the root attribute, the overlays’ colours and type, and the canvas background', async () => {
    const opened = await open()
    const { page } = opened
    expect(await rootTheme(page)).toBe('dark')
    const look = () =>
      page.evaluate(() => {
        const controls = getComputedStyle(document.querySelector('.controls')!)
        const hud = getComputedStyle(document.querySelector('.hud__panel') ?? document.querySelector('.hud')!)
        return {
          controlsBg: controls.backgroundColor,
          text: controls.color,
          controlsFont: parseFloat(controls.fontSize),
          hudBg: hud.backgroundColor,
        }
      })
    const dark = await look()
    const darkBackground = await backgroundBrightness(page)
    expect(darkBackground).toBeLessThan(30)

    await panel(page).getByRole('radio', { name: 'Projector' }).check()
    await expect.poll(() => rootTheme(page)).toBe('projector')
    const projector = await look()
    expect(projector.text).toBe('rgb(255, 255, 255)')
    expect(projector.controlsFont).toBeGreaterThan(dark.controlsFont)
    expect(projector.controlsBg).not.toBe(dark.controlsBg)

    await panel(page).getByRole('radio', { name: 'Light' }).check()
    await expect.poll(() => rootTheme(page)).toBe('light')
    const light = await look()
    expect(light.text).not.toBe(dark.text)
    expect(light.controlsBg).toMatch(/^rgba?\(255, 255, 255/)
    expect(light.hudBg).not.toBe(dark.hudBg)
    // The canvas clears to the light background: [238, 242, 247].
    await expect.poll(() => backgroundBrightness(page), { timeout: 15_000 }).toBeGreaterThan(200)

    await panel(page).getByRole('radio', { name: 'Dark' }).check()
    await expect.poll(() => backgroundBrightness(page), { timeout: 15_000 }).toBeLessThan(30)
    clean(opened)
  })

  test('the choice survives a reload, and a broken stored value is ignored', async () => {
    const opened = await open()
    const { page } = opened
    await panel(page).getByRole('radio', { name: 'Light' }).check()
    await expect.poll(() => rootTheme(page)).toBe('light')

    await page.reload()
    await prepare(page)
    expect(await rootTheme(page)).toBe('light')
    expect(await panel(page).getByRole('radio', { name: 'Light' }).isChecked()).toBe(true)

    // A value no version wrote, then one that is not even JSON: the page starts dark either way.
    for (const stored of ['{"theme":"neon","speed":5}', '{theme: light']) {
      await page.evaluate((v) => localStorage.setItem('p2pglobe:prefs', v), stored)
      await page.reload()
      await prepare(page)
      expect(await rootTheme(page)).toBe('dark')
      expect(await panel(page).getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true)
    }
    clean(opened)
  })
})

describe('pictures and clips', () => {
  test('Save PNG downloads a picture of the globe named for the network and the time', async () => {
    const opened = await open()
    const { page } = opened
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel(page).getByRole('button', { name: 'Save PNG' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^p2p-globe_centralized_none_t0min_\d{4}-\d\d-\d\d_\d{6}\.png$/)
    const img = decodePng(await downloaded(download))
    const canvasSize = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('.globe canvas')!
      return { width: c.width, height: c.height }
    })
    expect({ width: img.width, height: img.height }).toEqual(canvasSize)
    // The globe, not a blank frame: background, ocean and land dots, each a fair share of the picture.
    const counts = census(img, hexToRgb(SCENE_THEMES.dark.background))
    expect(counts.background / counts.total).toBeGreaterThan(0.1)
    expect(counts.ocean / counts.total).toBeGreaterThan(0.05)
    expect(counts.land / counts.total).toBeGreaterThan(0.01)
    await expect.poll(() => panel(page).locator('.present [role="status"]').textContent()).toContain('Saved p2p-globe_')
    clean(opened)
  })

  test('Record clip shows it is recording, and Stop downloads a WebM clip', async () => {
    const opened = await open()
    const { page } = opened
    const record = panel(page).locator('[data-action="record"]')
    await record.click()
    await expect.poll(() => record.getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => record.textContent(), { timeout: 20_000 }).toMatch(/Stop recording 0:0[2-9]/)
    const [download] = await Promise.all([page.waitForEvent('download'), record.click()])
    expect(download.suggestedFilename()).toMatch(/^p2p-globe_centralized_none_t\d+min_.*\.webm$/)
    const clip = await downloaded(download)
    expect(clip.length).toBeGreaterThan(1000)
    // A Matroska/WebM file starts with the EBML magic number.
    expect([...clip.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3])
    expect(await record.getAttribute('aria-pressed')).toBe('false')
    clean(opened)
  })

  test('without MediaRecorder the panel says so instead of offering a button that fails', async () => {
    const opened = await open('', { initScript: 'delete window.MediaRecorder' })
    const { page } = opened
    expect(await panel(page).locator('[data-action="record"]').count()).toBe(0)
    expect(await panel(page).locator('[data-role="no-recording"]').textContent()).toContain('cannot record WebM')
    clean(opened)
  })
})

describe('embedding', () => {
  test('the embed button copies iframe code whose URL opens the same view', async () => {
    const opened = await open('?seed=7')
    const { page, url } = opened
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url.origin })
    await panel(page).getByRole('radio', { name: 'Peer-to-peer' }).check()
    await page.waitForFunction(() => window.p2pglobe!.getState().network === 'p2p')
    const scenario = { kind: 'region', lat: 50.1, lon: 8.7, radiusKm: 700 } as const
    await page.evaluate((s) => window.p2pglobe!.runScenario(s), scenario)

    await panel(page).getByRole('button', { name: 'Copy embed code' }).click()
    await expect.poll(() => panel(page).locator('.present [role="status"]').textContent()).toContain('copied')
    const code = await page.evaluate(() => navigator.clipboard.readText())
    expect(code).toMatch(/^<iframe src="[^"]+" [^<>]*><\/iframe>$/)
    const src = /src="([^"]+)"/.exec(code)![1]!.replaceAll('&amp;', '&')
    const embedUrl = new URL(src)
    expect(embedUrl.origin + embedUrl.pathname).toBe(url.origin + url.pathname)
    expect(Object.fromEntries(embedUrl.searchParams)).toEqual({
      embed: '1',
      network: 'p2p',
      scenario: 'region',
      lat: '50.1',
      lon: '8.7',
      radius: '700',
      seed: '7',
    })

    clean(opened)
    // One page at a time: the opener is done.
    await page.context().close()
    const embedded = await open(embedUrl.pathname + embedUrl.search)
    // The address applies once the networks are built (with its seed): wait for it, then compare.
    const state = () => embedded.page.evaluate(() => window.p2pglobe!.getState())
    await expect.poll(async () => (await state()).network, { timeout: 60_000 }).toBe('p2p')
    await expect.poll(async () => (await state()).scenario, { timeout: 60_000 }).toEqual(scenario)
    expect(await embedded.page.locator('.app').getAttribute('data-embed')).toBe('true')
    expect(await embedded.page.locator('.notices').count()).toBe(0)
    clean(embedded)
  })

  test('without a clipboard the code is shown in a selectable field', async () => {
    const opened = await open('', {
      initScript: `Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } })`,
    })
    const { page } = opened
    await panel(page).getByRole('button', { name: 'Copy embed code' }).click()
    const field = panel(page).getByRole('textbox', { name: 'Embed code' })
    await expect
      .poll(() => field.inputValue())
      .toMatch(/^<iframe src=".*embed=1&amp;network=centralized&amp;scenario=none&amp;seed=1"/)
    expect(await field.getAttribute('readonly')).not.toBeNull()
    // Selected, ready for Ctrl+C.
    const selected = await field.evaluate((el: HTMLTextAreaElement) => el.selectionEnd - el.selectionStart)
    expect(selected).toBe((await field.inputValue()).length)
    clean(opened)
  })
})

describe('notices', () => {
  test('bad URL parameters are each named in a notice, as text, while the globe renders', async () => {
    const opened = await open(`?network=mars&speed=fast&theme=${encodeURIComponent('<b>bold</b>')}`)
    const { page } = opened
    const notice = page.locator('.notices[role="status"]')
    const text = (await notice.textContent()) ?? ''
    expect(text).toContain('network="mars" ignored: expected centralized, decentralized, p2p')
    expect(text).toContain('speed="fast" ignored: expected simulated minutes per second')
    expect(text).toContain('theme="<b>bold</b>" ignored: expected dark, projector or light')
    // Never markup: the tag shows as text, and makes no element.
    expect(await notice.locator('b').count()).toBe(0)
    // The rest applies, and the globe is drawn (the ready event came after the first frame with the land).
    expect(await page.evaluate(() => window.p2pglobe!.getState().network)).toBe('centralized')
    expect(await rootTheme(page)).toBe('dark')

    await notice.getByRole('button', { name: 'Dismiss' }).click()
    expect(await notice.count()).toBe(0)
    clean(opened)
  })
})
