/**
 * `npm run size`: what a visitor downloads, gzip-compressed, from the build
 * in dist/ (or the folder given with --dist), against the budgets:
 *  - initial JavaScript: the entry chunk and every chunk it imports statically, plus the globe's chunk (loaded
 *    at once, for the first frame) and its static imports: at most 350 kB;
 *  - world data (land and population, loaded separately): at most 250 kB.
 * Everything else (the simulation's worker, panels loaded later) is listed but not counted. Writes
 * bench-results/size.json and the size section of BENCHMARKS.md with --record; exits 1 when a budget is exceeded.
 */

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, record: { type: 'boolean', default: false } },
})
const dist = resolve(root, values.dist!)

export const BUDGET_INITIAL_KB = 350
export const BUDGET_WORLD_KB = 250

interface Chunk {
  file: string
  name?: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}

let manifest: Record<string, Chunk>
try {
  manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>
} catch {
  console.error(`size: no ${values.dist}/.vite/manifest.json; run \`npm run build\` first (it writes the manifest).`)
  process.exit(2)
}

const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
const kb = (bytes: number) => bytes / 1000

/** A chunk and everything it imports statically, as manifest keys. */
function closure(key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into
  into.add(key)
  for (const dep of manifest[key]?.imports ?? []) closure(dep, into)
  return into
}

const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry && k.endsWith('index.html'))
if (!entry) {
  console.error('size: the manifest has no index.html entry')
  process.exit(2)
}
const globe = Object.keys(manifest).find((k) => /src\/scene\/Globe\.tsx$/.test(k))
const initial = closure(entry)
if (globe) closure(globe, initial)
const world = Object.keys(manifest).filter((k) => /src\/data\/(land|population)\.json$/.test(k))

const jsOf = (keys: Iterable<string>) => [...keys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'))
const initialFiles = [...new Set(jsOf(initial))]
const worldFiles = [...new Set(jsOf(world))]
const initialBytes = initialFiles.reduce((s, f) => s + gz(f), 0)
const worldBytes = worldFiles.reduce((s, f) => s + gz(f), 0)
const counted = new Set([...initialFiles, ...worldFiles])
// Everything else the build holds (the worker is not in the manifest: it is emitted on its own).
const later = readdirSync(join(dist, 'assets'))
  .map((f) => `assets/${f}`)
  .filter((f) => f.endsWith('.js') && !counted.has(f))

const line = (f: string) => `  ${kb(gz(f)).toFixed(1).padStart(7)} kB  ${f}`
console.log('Initial JavaScript (gzip):')
for (const f of initialFiles) console.log(line(f))
console.log(`  ${kb(initialBytes).toFixed(1).padStart(7)} kB  total, budget ${BUDGET_INITIAL_KB} kB`)
console.log('World data (gzip):')
for (const f of worldFiles) console.log(line(f))
console.log(`  ${kb(worldBytes).toFixed(1).padStart(7)} kB  total, budget ${BUDGET_WORLD_KB} kB`)
if (later.length) {
  console.log('Loaded later, not counted (gzip):')
  for (const f of later) console.log(line(f))
}

const initialOk = kb(initialBytes) <= BUDGET_INITIAL_KB
const worldOk = kb(worldBytes) <= BUDGET_WORLD_KB

if (values.record) {
  const result = {
    date: new Date().toISOString().slice(0, 10),
    initialKb: +kb(initialBytes).toFixed(1),
    worldKb: +kb(worldBytes).toFixed(1),
    budgets: { initialKb: BUDGET_INITIAL_KB, worldKb: BUDGET_WORLD_KB },
    initialFiles: initialFiles.map((f) => ({ file: f, gzipKb: +kb(gz(f)).toFixed(1) })),
    later: later.map((f) => ({ file: f, gzipKb: +kb(gz(f)).toFixed(1) })),
  }
  mkdirSync(join(root, 'bench-results'), { recursive: true })
  writeFileSync(join(root, 'bench-results/size.json'), `${JSON.stringify(result, null, 2)}\n`)
  const section = [
    '<!-- bench:size:start -->',
    '## Download size',
    '',
    `\`npm run size -- --record\` after \`npm run build\`, ${result.date}; gzip level 9. \`npm run size\` exits 1 when a budget`,
    'is exceeded; it becomes part of `npm run build` once the initial JavaScript fits (it would fail every build now).',
    '',
    '| What | gzip | Budget | |',
    '| --- | --- | --- | --- |',
    `| Initial JavaScript (entry, its imports, the globe's chunk) | ${result.initialKb} kB | ${BUDGET_INITIAL_KB} kB | ${initialOk ? 'met' : 'MISSED'} |`,
    `| World data (land, population) | ${result.worldKb} kB | ${BUDGET_WORLD_KB} kB | ${worldOk ? 'met' : 'MISSED'} |`,
    `| Loaded later (the simulation's worker and its data): ${later.length} files | ${kb(later.reduce((s, f) => s + gz(f), 0)).toFixed(1)} kB | — | |`,
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

if (!initialOk || !worldOk) {
  console.error(
    `size: over budget: ${!initialOk ? `initial JavaScript ${kb(initialBytes).toFixed(1)} kB > ${BUDGET_INITIAL_KB} kB` : ''}${!initialOk && !worldOk ? '; ' : ''}${!worldOk ? `world data ${kb(worldBytes).toFixed(1)} kB > ${BUDGET_WORLD_KB} kB` : ''}`,
  )
  process.exit(1)
}
