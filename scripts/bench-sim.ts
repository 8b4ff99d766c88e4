/**
 * `npm run bench:sim`: how fast the simulation is on this machine. Prints a table, writes
 * bench-results/sim.json and the simulation section of BENCHMARKS.md. A benchmark, not a test: it records
 * figures and says where a target is missed; it never fails a build.
 *
 * Run with --quick for fewer repetitions (a smoke run of the script itself).
 */

import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadWorld } from '../src/cli/load-world.ts'
import { Simulation, buildNetwork, createRng, erdosRenyi, toNodeLink } from '../src/sim/index.ts'
import type { Network } from '../src/sim/index.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const quick = process.argv.includes('--quick')
const reps = quick ? 2 : 7

interface Row {
  what: string
  median: number
  unit: 'ms' | 'MB'
  /** The issue's target; null for a figure recorded for information. */
  target: number | null
  note?: string
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

function time(fn: () => void, n = reps): number {
  fn() // warm-up: the first call includes compiling the code
  const xs: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    fn()
    xs.push(performance.now() - t)
  }
  return median(xs)
}

function gc(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

const rows: Row[] = []
const world = loadWorld()

// 1. Build the distributed network with 10,000 nodes.
rows.push({
  what: 'build the p2p network, 10,000 nodes',
  median: time(() => buildNetwork(world, { kind: 'p2p', nodes: 10_000 }, 1)),
  unit: 'ms',
  target: 200,
})

/** A simulation after 10% random failures, ready to re-measure. */
function failed(net: Network): Simulation {
  const sim = new Simulation(net, { kind: 'random', fraction: 0.1 }, 1, { latencyEvery: 1_000_000 })
  sim.step()
  return sim
}

function connectivity(sim: Simulation): void {
  sim.refreshConnectivity()
}

const p2p10k = buildNetwork(world, { kind: 'p2p', nodes: 10_000 }, 1)
const sim10k = failed(p2p10k)
rows.push({
  what: `connectivity metrics after a failure, 10,000 nodes (${p2p10k.graph.m.toLocaleString('en')} links)`,
  median: time(() => connectivity(sim10k), reps * 3),
  unit: 'ms',
  target: 5,
})
rows.push({
  what: 'latency p50/p95 after a failure, 10,000 nodes',
  median: time(() => sim10k.refresh()),
  unit: 'ms',
  target: 50,
})

// 100,000 nodes with about 500,000 links: 7 nearest peers and half a long link per node.
// (In a function, so the network can be collected before the sweeps run.)
function bench100k(): void {
  gc()
  const heapBefore = process.memoryUsage()
  const t0 = performance.now()
  const p2p100k = buildNetwork(world, { kind: 'p2p', nodes: 100_000, links: 7 }, 1)
  rows.push({
    what: 'build the p2p network, 100,000 nodes (one run)',
    median: performance.now() - t0,
    unit: 'ms',
    target: null,
  })
  const sim100k = failed(p2p100k)
  gc()
  const heapAfter = process.memoryUsage()
  const heldMB = (heapAfter.heapUsed - heapBefore.heapUsed + heapAfter.arrayBuffers - heapBefore.arrayBuffers) / 2 ** 20
  rows.push({
    what: `connectivity metrics after a failure, 100,000 nodes (${p2p100k.graph.m.toLocaleString('en')} links)`,
    median: time(() => connectivity(sim100k), reps),
    unit: 'ms',
    target: 100,
  })
  rows.push({
    what: '100,000-node network and its simulation state, held in memory',
    median: heldMB,
    unit: 'MB',
    target: 60,
    note: `JS heap ${((heapAfter.heapUsed - heapBefore.heapUsed) / 2 ** 20).toFixed(1)} MB + typed arrays ${((heapAfter.arrayBuffers - heapBefore.arrayBuffers) / 2 ** 20).toFixed(1)} MB`,
  })
}
bench100k()

// Sweeps end to end from the command line: start Node, load the file, compute, print.
const dir = mkdtempSync(join(tmpdir(), 'p2pglobe-bench-'))
const fractions = Array.from({ length: 20 }, (_, i) => i / 20).join(',')
for (const [n, m] of [
  [10_000, 20_000],
  [100_000, 250_000],
] as const) {
  const file = join(dir, `er-${n}.json`)
  writeFileSync(file, JSON.stringify(toNodeLink(erdosRenyi(n, (2 * m) / n, createRng(1, 'bench')))))
  const args = [
    '--import',
    'tsx',
    'src/cli/sim.ts',
    'sweep',
    '--graph',
    file,
    '--failure',
    'random',
    '--fractions',
    fractions,
    '--trials',
    '10',
  ]
  const run = () => execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  rows.push({
    what: `sweep 20 fractions × 10 trials from the command line, ${n.toLocaleString('en')} nodes, ${m.toLocaleString('en')} links`,
    median: time(run, quick ? 1 : 5),
    unit: 'ms',
    target: n === 10_000 ? 500 : 5000,
  })
}
// npm's own start-up, paid on top by `npm run sim`.
const npmOverhead = time(
  () => execFileSync('npm', ['run', '-s', 'env', '--', 'true'], { cwd: root, stdio: 'ignore' }),
  3,
)

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`
const fmt = (r: Row) =>
  r.unit === 'MB' ? `${r.median.toFixed(1)} MB` : `${r.median.toFixed(r.median < 10 ? 2 : 0)} ms`
const status = (r: Row) => (r.target === null ? '' : r.median <= r.target ? 'met' : 'MISSED')
const target = (r: Row) => (r.target === null ? '—' : `≤ ${r.target} ${r.unit}`)

console.log(`\nSimulation benchmark (${machine}; medians)\n`)
for (const r of rows)
  console.log(
    `${fmt(r).padStart(10)}  ${target(r).padEnd(10)} ${status(r).padEnd(7)} ${r.what}${r.note ? ` (${r.note})` : ''}`,
  )
console.log(`\n(npm run adds about ${npmOverhead.toFixed(0)} ms of its own start-up to every command)`)

mkdirSync(join(root, 'bench-results'), { recursive: true })
const result = { date: new Date().toISOString(), machine, quick, rows, npmOverheadMs: npmOverhead }
writeFileSync(join(root, 'bench-results', 'sim.json'), JSON.stringify(result, null, 2) + '\n')

if (!quick) {
  const table = [
    '| What | Median | Target | |',
    '| --- | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.what}${r.note ? ` (${r.note})` : ''} | ${fmt(r)} | ${target(r)} | ${status(r)} |`),
  ].join('\n')
  const section = [
    '<!-- bench:sim:start -->',
    '## Simulation',
    '',
    `\`npm run bench:sim\` on ${machine}, ${result.date.slice(0, 10)}. Medians of ${reps} runs after a warm-up; the sweeps`,
    'are whole `node --import tsx src/cli/sim.ts sweep …` processes on Erdős–Rényi graphs of the stated size. `npm run sim`',
    `adds npm's own start-up, about ${npmOverhead.toFixed(0)} ms here. Raw figures: bench-results/sim.json.`,
    '',
    table,
    '<!-- bench:sim:end -->',
  ].join('\n')
  const path = join(root, 'BENCHMARKS.md')
  let doc: string
  try {
    doc = readFileSync(path, 'utf8')
  } catch {
    doc = '# Benchmarks\n\nFigures measured on the development machine, with the command that reproduces each.\n\n'
  }
  doc = doc.includes('<!-- bench:sim:start -->')
    ? doc.replace(/<!-- bench:sim:start -->[\s\S]*<!-- bench:sim:end -->/, section)
    : `${doc.trimEnd()}\n\n${section}\n`
  writeFileSync(path, doc)
  console.log('\nwrote BENCHMARKS.md and bench-results/sim.json')
}
