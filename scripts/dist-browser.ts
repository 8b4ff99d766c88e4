/**
 * For the development scripts that look at the built app (shots, screenshot, look): dist/ served on a free port
 * of 127.0.0.1 with Vite's preview server (P2PGLOBE_DIST: another build folder), and headless Chromium launched
 * (never downloaded: the installed one, tests/browser/chromium.ts). `close` stops both.
 */

import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { preview } from 'vite'
import { CHROMIUM_ARGS, findChromium } from '../tests/browser/chromium.ts'

export interface DistBrowser {
  /** The served app's address, ending in '/'. */
  base: string
  browser: Browser
  close(): Promise<void>
}

export async function startDistBrowser(): Promise<DistBrowser> {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir: process.env.P2PGLOBE_DIST ?? 'dist' },
    preview: { host: '127.0.0.1', port: 0, open: false },
  })
  const port = (server.httpServer.address() as AddressInfo).port
  const args = [...CHROMIUM_ARGS]
  if (process.getuid?.() === 0) args.push('--no-sandbox')
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args })
  return {
    base: `http://127.0.0.1:${port}/`,
    browser,
    async close() {
      await browser.close()
      await server.close()
    },
  }
}
