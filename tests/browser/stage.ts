/**
 * Helpers for the stage's composition in the browser tests: how much of the globe the page's chrome covers, what
 * overlaps in the HUD, and the doors to the parts of the chrome that start closed (the drawer of controls, the
 * timeline, the legend).
 */
import type { Browser, Page } from 'playwright-core'
import type { PageRenderStats } from '../../src/scene/RenderProbe'
import { openPage, waitForReady, type OpenedPage } from './chromium'

/**
 * Waits for the first frame and the networks built, then stops the globe's turn and lightens the canvas (pixel
 * ratio 0.5): for the checks about what the page says and where, not about its pixels.
 */
export async function readyForChecks(page: Page): Promise<void> {
  await waitForReady(page)
  await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })
  await page.evaluate(() => {
    window.p2pglobe!.setAutoRotate(false)
    window.p2pglobe!.setPixelRatio(0.5)
  })
}

/**
 * The globe alone and still, for its pixels: no chrome (ui=none, so the globe has the whole canvas), 960 × 600 at
 * pixel ratio 1, no turning, a place facing the viewer; `query` adds to the address (`&network=p2p`).
 */
export async function openStill(browser: Browser, at: { lat: number; lon: number }, query = ''): Promise<OpenedPage> {
  const opened = await openPage(browser, `?ui=none${query}`, { viewport: { width: 960, height: 600 } })
  const { page } = opened
  await waitForReady(page)
  await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready', undefined, { timeout: 60_000 })
  await page.evaluate((view) => {
    const api = window.p2pglobe!
    api.setAutoRotate(false)
    api.setPixelRatio(1)
    api.lookAt(view.lat, view.lon, { instant: true })
  }, at)
  return opened
}

/** Two frames of the page later: a change of theme or of text laid out has been drawn. */
export const afterFrames = (page: Page): Promise<unknown> =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))

/** The sizes the stage must work at: a 4:3 projector, the most common projector, a 1080p one, and a phone. */
export const STAGE_SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const

export interface Coverage {
  /** Share of the sample points inside the globe's visible disc that some chrome is on top of. */
  share: number
  /** Sample points inside the disc and the viewport. */
  samples: number
  /** What covers it, by element ("tag.class"), with how many points. */
  by: [string, number][]
  disc: { x: number; y: number; r: number }
}

/**
 * For each globe on the page: sample points on a grid inside its disc (the Earth, as drawn in its last frame: the
 * page API's stats), keep those inside the window, and ask the document what is on top at each. Only the canvas
 * counts as uncovered (elementFromPoint passes through anything with pointer-events: none, as the site labels).
 */
export function globeCoverage(page: Page): Promise<Coverage[]> {
  return page.evaluate(() => {
    const width = window.innerWidth
    const height = window.innerHeight
    return (window.p2pglobe!.stats() as PageRenderStats).globes.map(({ view: { disc } }) => {
      const step = Math.max(3, disc.r / 24)
      let samples = 0
      let covered = 0
      const by = new Map<string, number>()
      for (let x = disc.x - disc.r; x <= disc.x + disc.r; x += step) {
        for (let y = disc.y - disc.r; y <= disc.y + disc.r; y += step) {
          if ((x - disc.x) ** 2 + (y - disc.y) ** 2 > disc.r ** 2) continue
          if (x < 0 || y < 0 || x >= width || y >= height) continue
          samples++
          const el = document.elementFromPoint(x, y)
          if (el?.tagName === 'CANVAS') continue
          covered++
          const name = el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` : 'nothing'
          by.set(name, (by.get(name) ?? 0) + 1)
        }
      }
      return { share: samples > 0 ? covered / samples : 1, samples, by: [...by], disc }
    })
  })
}

/** Waits until every globe's disc stays where it is (the room measured, the camera fitted to it). */
export async function discsSettled(page: Page, timeout = 20_000): Promise<void> {
  const read = () =>
    page.evaluate(() =>
      JSON.stringify(
        (window.p2pglobe!.stats() as PageRenderStats).globes.map((g) => [g.view.disc.x, g.view.disc.y, g.view.disc.r]),
      ),
    )
  const end = Date.now() + timeout
  let last = await read()
  for (;;) {
    await page.waitForTimeout(400)
    const now = await read()
    if (now === last && now !== '[]') return
    if (Date.now() > end) throw new Error(`the globes' discs kept moving: ${now}`)
    last = now
  }
}

/**
 * Waits until the camera and the site labels stand still: every globe's pose, and each label's place, visibility
 * and opacity, the same at two reads 400 ms apart. Labels move and fade in frames only, so once they and the
 * camera are still they stand where they will stay; the nodes' colours may still be settling (a failed one
 * darkens over five seconds), which no check of the page's composition looks at.
 */
export async function labelsSettled(page: Page, timeout = 20_000): Promise<void> {
  const read = () =>
    page.evaluate(() =>
      JSON.stringify([
        (window.p2pglobe!.stats() as PageRenderStats).globes.map((g) =>
          [g.view.x, g.view.y, g.view.z, g.view.turn].map((v) => v.toFixed(5)),
        ),
        [...document.querySelectorAll<HTMLElement>('.site-label')].map((el) => {
          const r = el.getBoundingClientRect()
          const style = getComputedStyle(el)
          const layer = el.parentElement as HTMLElement
          return [el.textContent, Math.round(r.left), Math.round(r.top), layer.hidden, style.visibility, style.opacity]
        }),
      ]),
    )
  const end = Date.now() + timeout
  let last = await read()
  for (;;) {
    await page.waitForTimeout(400)
    const now = await read()
    if (now === last) return
    if (Date.now() > end) throw new Error(`the camera or the labels kept moving: ${now}`)
    last = now
  }
}

/**
 * Waits until every globe has drawn no frame for `quietMs`: frames come on demand, so by then every transition (a
 * colour fading, a label making way, a flight) has drawn its last frame. Needs the auto-rotation off and the clock
 * paused (either asks for frames all the time).
 */
export async function sceneIdle(page: Page, quietMs = 1500, timeout = 30_000): Promise<void> {
  const read = () =>
    page.evaluate(() => JSON.stringify((window.p2pglobe!.stats() as PageRenderStats).globes.map((g) => g.view.frame)))
  const end = Date.now() + timeout
  let last = await read()
  let since = Date.now()
  for (;;) {
    await page.waitForTimeout(250)
    const now = await read()
    if (now !== last) {
      last = now
      since = Date.now()
    } else if (Date.now() - since >= quietMs) return
    if (Date.now() > end) throw new Error(`the globes kept drawing: frames ${now}`)
  }
}

export interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

/** The boxes of every visible piece of chrome (marked data-chrome). */
export function chromeBoxes(page: Page): Promise<(Box & { name: string })[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-chrome]')]
      .map((el) => {
        const r = el.getBoundingClientRect()
        return { name: el.className, left: r.left, top: r.top, right: r.right, bottom: r.bottom }
      })
      .filter((b) => b.right > b.left && b.bottom > b.top),
  )
}

/** The site labels a viewer sees (their layer shown, themselves visible and not transparent), with their boxes. */
export function visibleLabels(page: Page): Promise<(Box & { name: string })[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.site-label')]
      .filter((el) => {
        const layer = el.parentElement as HTMLElement
        const style = getComputedStyle(el)
        return !layer.hidden && style.visibility === 'visible' && Number(style.opacity) > 0.05
      })
      .map((el) => {
        const r = el.getBoundingClientRect()
        return {
          // The name shown: the short one on a small globe (its layer compact).
          name:
            el.querySelector(el.closest('.is-compact') ? '.site-label__short' : '.site-label__name')?.textContent ?? '',
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
        }
      }),
  )
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

/**
 * Every line of text in an element, as the boxes of its text runs (one per line fragment), tagged by the element
 * that holds the text: for checking that no two pieces of text overlap and that none is cut off.
 */
export function textBoxes(page: Page, selector: string): Promise<(Box & { owner: number; text: string })[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel)
    if (!root) return []
    const out: (Box & { owner: number; text: string })[] = []
    const owners = new Map<Element, number>()
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!
      const style = getComputedStyle(parent)
      if (!node.textContent?.trim() || style.visibility !== 'visible') continue
      // Text kept for screen readers only (visually hidden) is not on screen.
      if (parent.closest('.hud__live, .hud__label-long, .hud__label-short')) {
        const holder = parent.closest<HTMLElement>('.hud__live, .hud__label-long, .hud__label-short')!
        const hs = getComputedStyle(holder)
        if (hs.display === 'none' || hs.clipPath === 'inset(50%)' || holder.classList.contains('hud__live')) continue
      }
      if (!owners.has(parent)) owners.set(parent, owners.size)
      const range = document.createRange()
      range.selectNodeContents(node)
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue
        out.push({
          owner: owners.get(parent)!,
          text: node.textContent.trim(),
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
        })
      }
    }
    return out
  }, selector)
}

/** Opens the drawer of controls from the dock (it starts closed), and waits for it. */
export async function openDrawer(page: Page): Promise<void> {
  if ((await page.locator('.controls').getAttribute('data-open')) !== 'true')
    await page.locator('[data-action="open-drawer"]').click()
  await page.locator('.controls__body').waitFor({ state: 'visible' })
}

/** Opens the timeline from the dock (it starts closed), and waits for it. */
export async function openTimeline(page: Page): Promise<void> {
  if ((await page.locator('.timeline').count()) === 0) await page.locator('[data-action="open-timeline"]').click()
  await page.locator('.timeline').waitFor({ state: 'visible' })
}

/** Opens the legend from the dock (it starts closed), and waits for it. */
export async function openLegend(page: Page): Promise<void> {
  if ((await page.locator('.legend').count()) === 0) await page.locator('[data-action="open-legend"]').click()
  await page.locator('.legend').waitFor({ state: 'visible' })
}
