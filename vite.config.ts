/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { viteSingleFile } from 'vite-plugin-singlefile'
import { formatSize, measureSize, overBudget } from './scripts/size-budget.ts'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

/**
 * Every production build checks what a visitor downloads against its budgets (scripts/size-budget.ts), prints
 * it, and fails when over. Not the single file: it is one download by design.
 */
function sizeBudget(): Plugin {
  let outDir = ''
  return {
    name: 'p2p-globe:size-budget',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      const report = measureSize(outDir)
      const over = overBudget(report)
      this.info(`download size\n${formatSize(report)}`)
      if (over) this.error(`${over} (scripts/size-budget.ts; \`npm run size\` lists every file)`)
    },
  }
}

export default defineConfig(({ mode }) => ({
  // Relative asset paths: a build works from any subpath, a plain folder or file://.
  base: './',
  // `npm run build:single` (mode "single"): one HTML file with everything inlined, to open from disk.
  plugins: mode === 'single' ? [react(), viteSingleFile()] : [react(), sizeBudget()],
  // window.p2pglobe.version (src/embed/pageApi.ts), without bundling package.json.
  define: { __P2PGLOBE_VERSION__: JSON.stringify(pkg.version) },
  resolve: {
    // One copy of three and React, in the app and under Vitest alike.
    dedupe: ['three', 'react', 'react-dom'],
    // The single file has no worker (see src/store/startWorker.single.ts).
    alias: mode === 'single' ? [{ find: './startWorker', replacement: './startWorker.single' }] : [],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: mode === 'single' ? 4000 : 1200,
    outDir: mode === 'single' ? 'dist-single' : 'dist',
    // dist/.vite/manifest.json: which chunks load first, for the size budget (scripts/size.ts).
    manifest: mode !== 'single',
    // The single file carries its pictures too.
    assetsInlineLimit: mode === 'single' ? 100_000_000 : 4096,
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          // First, on their own: the browser tests after them have the machine to themselves (some watch for long
          // tasks, which a unit test running beside them would make).
          sequence: { groupOrder: 0 },
          maxWorkers: 2,
          // Simulations of whole networks: a test that takes 3 s alone can take 8 beside another on two cores.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}))
