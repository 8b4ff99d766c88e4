/**
 * Vitest globalSetup for the 'browser' project: builds the app into dist/ with Vite's JS API, serves dist/ with
 * Vite's preview server on 127.0.0.1 (a free port picked by the OS), and provides the base URL to the tests
 * (`inject('baseUrl')`). The server is closed on teardown.
 *
 * P2PGLOBE_SKIP_BUILD=1 reuses an existing dist/ instead of building: CI (.ci/run) builds right before the
 * tests, so building again would only cost time. Without dist/ the build runs anyway. P2PGLOBE_DIST=dir builds
 * into and serves another folder than dist/.
 *
 * The preview server sends the Content-Security-Policy the app must run under (no inline script or style, no
 * other origin), so a violation shows up in the tests as a console error.
 */
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, preview } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built app is served, ending in '/'. */
    baseUrl: string
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url))
// P2PGLOBE_DIST: another folder to build into and serve (two people testing in one checkout at once).
const outDir = process.env.P2PGLOBE_DIST
  ? resolve(root, process.env.P2PGLOBE_DIST)
  : fileURLToPath(new URL('../../dist', import.meta.url))

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ')

async function buildApp(): Promise<void> {
  // Vitest sets NODE_ENV=test, and Vite would pass that on to the bundle (React's development build). The
  // tests are about the production build, so build as production and put NODE_ENV back afterwards.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ root, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const skipBuild = process.env.P2PGLOBE_SKIP_BUILD === '1' && existsSync(`${outDir}/index.html`)
  if (!skipBuild) await buildApp()

  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: {
      host: '127.0.0.1',
      port: 0,
      strictPort: true,
      open: false,
      headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    },
  })
  const address = server.httpServer.address() as AddressInfo | null
  if (!address || typeof address === 'string') throw new Error('vite preview did not start listening')
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`)

  return async () => {
    await server.close()
  }
}
