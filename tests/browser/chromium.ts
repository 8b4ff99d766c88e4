/**
 * Finds a locally installed Chromium or Chrome and drives it with playwright-core (which never downloads a
 * browser by itself). WebGL runs on SwiftShader, the CPU rasteriser, so the tests need no GPU.
 */
import { accessSync, constants } from 'node:fs'
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core'
import { inject } from 'vitest'

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
]

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** CHROME_PATH, else the first usual install location that exists. Throws (never skips) when there is none. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH
  if (fromEnv) {
    if (!isExecutable(fromEnv))
      throw new Error(
        `CHROME_PATH is set to ${fromEnv}, which is not an executable file. Point it at a Chromium or Chrome ` +
          'executable, or unset it to use an installed one (Debian/Ubuntu: `sudo apt-get install chromium`).',
      )
    return fromEnv
  }
  const found = CANDIDATES.find(isExecutable)
  if (found) return found
  throw new Error(
    [
      'The browser tests need Chromium or Chrome, and none was found. Looked in:',
      ...CANDIDATES.map((c) => `  ${c}`),
      'Install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google Chrome),',
      'or point CHROME_PATH at a Chromium/Chrome executable.',
    ].join('\n'),
  )
}

export const CHROMIUM_ARGS = [
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export async function launchBrowser(): Promise<Browser> {
  const args = [...CHROMIUM_ARGS]
  // Chromium refuses to start its sandbox as root (containers, CI).
  if (process.getuid?.() === 0) args.push('--no-sandbox')
  return chromium.launch({ executablePath: findChromium(), headless: true, args })
}

export interface ConsoleEntry {
  type: 'error' | 'warning'
  text: string
  location: string
}

export interface OpenedPage {
  page: Page
  /** The page's own URL (the preview server's). */
  url: URL
  /** Console errors and warnings, in order. */
  console: ConsoleEntry[]
  /** Uncaught exceptions in the page. */
  pageErrors: Error[]
  /** Every request the page made, in order. */
  requests: string[]
  /** Response headers of the page itself. */
  headers: Record<string, string>
}

export interface OpenPageOptions {
  viewport?: { width: number; height: number }
  deviceScaleFactor?: number
  reducedMotion?: 'reduce' | 'no-preference'
  /** Script run in the page before any of its own (e.g. to take WebGL away). */
  initScript?: string
}

/** The flag and counter the init script keeps for the ready event; installed before the app's code runs. */
const READY_LISTENER = `
  window.__p2pglobeReadyCount = 0;
  window.addEventListener('p2pglobe:ready', () => { window.__p2pglobeReadyCount += 1; });
`

declare global {
  interface Window {
    __p2pglobeReadyCount?: number
  }
}

/** Opens `path` (relative to the served app) in a fresh context, recording console output, errors and requests. */
export async function openPage(browser: Browser, path = '', options: OpenPageOptions = {}): Promise<OpenedPage> {
  const url = new URL(path, inject('baseUrl'))
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    reducedMotion: options.reducedMotion ?? 'no-preference',
  })
  const page = await context.newPage()
  const opened: OpenedPage = { page, url, console: [], pageErrors: [], requests: [], headers: {} }
  page.on('console', (msg: ConsoleMessage) => {
    const type = msg.type()
    if (type === 'error' || type === 'warning') {
      const loc = msg.location()
      opened.console.push({ type, text: msg.text(), location: loc.url ? `${loc.url}:${loc.lineNumber}` : '' })
    }
  })
  page.on('pageerror', (err) => opened.pageErrors.push(err))
  page.on('request', (req) => opened.requests.push(req.url()))
  await page.addInitScript(READY_LISTENER)
  if (options.initScript) await page.addInitScript(options.initScript)
  const response = await page.goto(url.href, { waitUntil: 'load' })
  if (!response?.ok()) throw new Error(`${url.href} answered ${response?.status() ?? 'nothing'}`)
  opened.headers = await response.allHeaders()
  return opened
}

/** Waits for the app's `p2pglobe:ready` event (the first frame with the land drawn). */
export async function waitForReady(page: Page, timeout = 45_000): Promise<void> {
  await page.waitForFunction(() => (window.__p2pglobeReadyCount ?? 0) > 0, undefined, { timeout, polling: 50 })
}
