/**
 * `npm run shots [-- --only name,name] [--theme dark] [--format png --out dir]`: the pictures of the main views in docs/screenshots/, in every
 * theme, for the README and for looking at what a change did. Serves dist/ (run `npm run build` first), opens each
 * view in headless Chromium with a fixed seed and the clock paused, and saves a JPEG of modest size. A development
 * tool, not a test.
 */

import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { Page } from 'playwright-core'
import type { PageRenderStats } from '../src/scene/RenderProbe.tsx'
import { BUILTIN_STORY } from '../src/story/builtin.ts'
import type { Theme } from '../src/store/store.ts'
import { sceneIdle } from '../tests/browser/stage.ts'
import { startDistBrowser } from './dist-browser.ts'

interface View {
  name: string
  /** What it shows, for the index printed at the end. */
  title: string
  width: number
  height: number
  query: string
  /** Simulated minutes to run after the page is ready (paused), for a failure under way. */
  steps?: number
  /** Waits for this many globes (two in the compare view). */
  globes?: number
}

const DISASTER = 'scenario=region&at=ashburn'

const VIEWS: View[] = [
  {
    name: 'centralized',
    title: 'The centralized cloud, healthy',
    width: 1280,
    height: 720,
    query: 'network=centralized',
  },
  {
    name: 'decentralized',
    title: 'The multi-region cloud, healthy',
    width: 1280,
    height: 720,
    query: 'network=decentralized',
  },
  { name: 'p2p', title: 'The peer-to-peer grid, healthy', width: 1280, height: 720, query: 'network=p2p' },
  {
    name: 'disaster-centralized',
    title: 'A disaster in Northern Virginia: the centralized cloud',
    width: 1280,
    height: 720,
    query: `network=centralized&${DISASTER}`,
    steps: 4,
  },
  {
    name: 'disaster-decentralized',
    title: 'The same disaster: the multi-region cloud',
    width: 1280,
    height: 720,
    query: `network=decentralized&${DISASTER}`,
    steps: 4,
  },
  {
    name: 'disaster-p2p',
    title: 'The same disaster: the peer-to-peer grid',
    width: 1280,
    height: 720,
    query: `network=p2p&${DISASTER}`,
    steps: 4,
  },
  {
    name: 'compare',
    title: 'Side by side under the same disaster',
    width: 1280,
    height: 720,
    query: `compare=centralized,p2p&${DISASTER}`,
    steps: 4,
    globes: 2,
  },
  {
    name: 'story-last',
    title: "The story's last step",
    width: 1920,
    height: 1080,
    query: `story=builtin&step=${BUILTIN_STORY.steps.length}`,
    steps: 3,
    globes: 2,
  },
  {
    name: 'phone',
    title: 'On a phone, the centralized cloud under the disaster',
    width: 390,
    height: 844,
    query: `network=centralized&${DISASTER}`,
    steps: 4,
  },
  {
    name: 'embed-800x500',
    title: 'Embedded at 800×500, side by side',
    width: 800,
    height: 500,
    query: `embed=1&compare=centralized,p2p&${DISASTER}`,
    steps: 4,
    globes: 2,
  },
  {
    name: 'embed-400x300',
    title: 'Embedded at 400×300, its numbers',
    width: 400,
    height: 300,
    query: `embed=1&ui=minimal&network=centralized&${DISASTER}`,
    steps: 4,
  },
]

const THEMES: Theme[] = ['dark', 'projector', 'light']

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    theme: { type: 'string' },
    out: { type: 'string', default: 'docs/screenshots' },
    quality: { type: 'string', default: '72' },
    /** png: lossless pictures, for looking at a change closely (the README's are JPEG). */
    format: { type: 'string', default: 'jpeg' },
  },
})

const only = values.only?.split(',')
const themes = values.theme ? (values.theme.split(',') as Theme[]) : THEMES
const root = fileURLToPath(new URL('..', import.meta.url))
const { base, browser, close } = await startDistBrowser()

async function settle(page: Page, globes: number): Promise<void> {
  await page.waitForFunction(
    (n) => (window.p2pglobe?.stats() as PageRenderStats | undefined)?.globes?.length === n,
    globes,
    {
      timeout: 60_000,
    },
  )
  // Every transition drawn to its end (a colour fading, a label making way, a flight): no frame for 3 s (a busy
  // software renderer can take a second over one frame).
  await sceneIdle(page, 3000, 60_000)
}

try {
  for (const theme of themes) {
    const dir = resolve(root, values.out!, theme)
    mkdirSync(dir, { recursive: true })
    for (const view of VIEWS) {
      if (only && !only.includes(view.name)) continue
      const context = await browser.newContext({ viewport: { width: view.width, height: view.height } })
      const page = await context.newPage()
      page.on('pageerror', (e) => console.log(`[${view.name}] page error: ${e.message}`))
      await page.addInitScript(() => {
        window.addEventListener('p2pglobe:ready', () => ((window as unknown as { __ready: boolean }).__ready = true))
      })
      const query = `${view.query}&theme=${theme}&seed=1&autoplay=0`
      await page.goto(`${base}?${query}`)
      await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, undefined, {
        timeout: 60_000,
      })
      await page.waitForFunction(() => window.p2pglobe?.getState().status === 'ready')
      await page.evaluate(async (steps) => {
        const api = window.p2pglobe!
        api.setAutoRotate(false)
        api.pause()
        if (steps) await api.step(steps)
        api.pause()
      }, view.steps ?? 0)
      await settle(page, view.globes ?? 1)
      const png = values.format === 'png'
      const file = resolve(dir, `${view.name}.${png ? 'png' : 'jpg'}`)
      await page.screenshot(
        png ? { path: file, type: 'png' } : { path: file, type: 'jpeg', quality: Number(values.quality) },
      )
      console.log(`${theme}/${view.name}.${png ? 'png' : 'jpg'}  ${view.title}`)
      await context.close()
    }
  }
} finally {
  await close()
}
