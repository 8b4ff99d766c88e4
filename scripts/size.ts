/**
 * `npm run size`: what a visitor downloads, gzip-compressed, from the build in dist/ (or the folder given with
 * --dist), against the budgets (scripts/size-budget.ts: initial JavaScript at most 350 kB, world data at most
 * 250 kB). Every production build checks the same (vite.config.ts); this prints it again, and with --record
 * writes bench-results/size.json and the size section of BENCHMARKS.md. Exits 1 when a budget is exceeded.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { BUDGET_INITIAL_KB, BUDGET_WORLD_KB, formatSize, measureSize, overBudget, type SizeReport } from './size-budget'

const root = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, record: { type: 'boolean', default: false } },
})

let report: SizeReport
try {
  report = measureSize(resolve(root, values.dist!))
} catch (e) {
  console.error(`size: ${(e as Error).message}; run \`npm run build\` first.`)
  process.exit(2)
}
console.log(formatSize(report))

if (values.record) {
  const result = {
    date: new Date().toISOString().slice(0, 10),
    initialKb: report.initialKb,
    worldKb: report.worldKb,
    budgets: { initialKb: BUDGET_INITIAL_KB, worldKb: BUDGET_WORLD_KB },
    initialFiles: report.initial,
    later: report.later,
  }
  mkdirSync(join(root, 'bench-results'), { recursive: true })
  writeFileSync(join(root, 'bench-results/size.json'), `${JSON.stringify(result, null, 2)}\n`)
  const status = (ok: boolean) => (ok ? 'met' : 'MISSED')
  const section = [
    '<!-- bench:size:start -->',
    '## Download size',
    '',
    `\`npm run size -- --record\` after \`npm run build\`, ${result.date}; gzip level 9. Every production build checks`,
    'the same budgets and fails when over (vite.config.ts); `npm run size` exits 1 then.',
    '',
    '| What | gzip | Budget | |',
    '| --- | --- | --- | --- |',
    `| Initial JavaScript (entry, its imports, the globe's chunk) | ${report.initialKb} kB | ${BUDGET_INITIAL_KB} kB | ${status(report.initialOk)} |`,
    `| World data (land, population) | ${report.worldKb} kB | ${BUDGET_WORLD_KB} kB | ${status(report.worldOk)} |`,
    `| Loaded later (the simulation's worker, panels, the chart): ${report.later.length} files | ${report.laterKb} kB | — | |`,
    '<!-- bench:size:end -->',
  ].join('\n')
  const path = join(root, 'BENCHMARKS.md')
  let doc = readFileSync(path, 'utf8')
  doc = doc.includes('<!-- bench:size:start -->')
    ? doc.replace(/<!-- bench:size:start -->[\s\S]*<!-- bench:size:end -->/, section)
    : `${doc.trimEnd()}\n\n${section}\n`
  writeFileSync(path, doc)
  console.log('wrote BENCHMARKS.md and bench-results/size.json')
}

const over = overBudget(report)
if (over) {
  console.error(`size: ${over}`)
  process.exit(1)
}
