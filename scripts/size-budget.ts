/**
 * What a visitor downloads, gzip-compressed, from a build (read from its .vite/manifest.json), against the
 * budgets:
 *  - initial JavaScript: the entry chunk and every chunk it imports statically, plus the globe's chunk (loaded
 *    at once, for the first frame) and its static imports: at most 350 kB;
 *  - world data (land and population, loaded separately): at most 250 kB.
 * Everything else (the simulation's worker, panels loaded later) is listed but not counted. Used by every
 * production build (vite.config.ts: the build fails when over) and by `npm run size` (scripts/size.ts).
 */

import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export const BUDGET_INITIAL_KB = 350
export const BUDGET_WORLD_KB = 250

interface Chunk {
  file: string
  isEntry?: boolean
  imports?: string[]
}

export interface SizedFile {
  file: string
  gzipKb: number
}

export interface SizeReport {
  initial: SizedFile[]
  initialKb: number
  world: SizedFile[]
  worldKb: number
  /** Everything else the build holds, loaded later or never. */
  later: SizedFile[]
  laterKb: number
  initialOk: boolean
  worldOk: boolean
}

const round = (kb: number) => Math.round(kb * 10) / 10
const sum = (files: SizedFile[]) => round(files.reduce((s, f) => s + f.gzipKb, 0))

/** Measures the build in dist; throws when it has no manifest or no index.html entry. */
export function measureSize(dist: string): SizeReport {
  let manifest: Record<string, Chunk>
  try {
    manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>
  } catch {
    throw new Error(`no ${join(dist, '.vite/manifest.json')}: build with the manifest on (vite.config.ts does)`)
  }
  const sized = (file: string): SizedFile => ({
    file,
    gzipKb: round(gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1000),
  })
  /** A chunk and everything it imports statically, as manifest keys. */
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    if (into.has(key)) return into
    into.add(key)
    for (const dep of manifest[key]?.imports ?? []) closure(dep, into)
    return into
  }
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry && k.endsWith('index.html'))
  if (!entry) throw new Error('the manifest has no index.html entry')
  const globe = Object.keys(manifest).find((k) => /src\/scene\/Globe\.tsx$/.test(k))
  const initialKeys = closure(entry)
  if (globe) closure(globe, initialKeys)
  const worldKeys = Object.keys(manifest).filter((k) => /src\/data\/(land|population)\.json$/.test(k))
  const jsOf = (keys: Iterable<string>) => [
    ...new Set([...keys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'))),
  ]
  const initial = jsOf(initialKeys).map(sized)
  const world = jsOf(worldKeys).map(sized)
  const counted = new Set([...initial, ...world].map((f) => f.file))
  // The worker is not in the manifest: it is emitted on its own.
  const later = readdirSync(join(dist, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => f.endsWith('.js') && !counted.has(f))
    .map(sized)
  const initialKb = sum(initial)
  const worldKb = sum(world)
  return {
    initial,
    initialKb,
    world,
    worldKb,
    later,
    laterKb: sum(later),
    initialOk: initialKb <= BUDGET_INITIAL_KB,
    worldOk: worldKb <= BUDGET_WORLD_KB,
  }
}

/** The report as lines of text, per file and in total. */
export function formatSize(r: SizeReport): string {
  const line = (f: SizedFile) => `  ${f.gzipKb.toFixed(1).padStart(7)} kB  ${f.file}`
  const total = (kb: number, budget: number) => `  ${kb.toFixed(1).padStart(7)} kB  total, budget ${budget} kB`
  return [
    'Initial JavaScript (gzip):',
    ...r.initial.map(line),
    total(r.initialKb, BUDGET_INITIAL_KB),
    'World data (gzip):',
    ...r.world.map(line),
    total(r.worldKb, BUDGET_WORLD_KB),
    ...(r.later.length ? ['Loaded later, not counted (gzip):', ...r.later.map(line)] : []),
  ].join('\n')
}

/** Why the build is over budget, or null when it is within both. */
export function overBudget(r: SizeReport): string | null {
  const over = [
    r.initialOk ? null : `initial JavaScript ${r.initialKb.toFixed(1)} kB > ${BUDGET_INITIAL_KB} kB`,
    r.worldOk ? null : `world data ${r.worldKb.toFixed(1)} kB > ${BUDGET_WORLD_KB} kB`,
  ].filter((s) => s !== null)
  return over.length ? `over budget: ${over.join('; ')}` : null
}
