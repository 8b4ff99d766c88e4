/**
 * The simulation from the command line: `npm run sim -- <run|sweep|cascade> [flags]`. Prints JSON (default) or
 * CSV on stdout. A bad flag or value, or a malformed file, exits with code 2 and says what was wrong.
 */

import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import type { z } from '../zod.ts'
import type { NetworkSpec } from '../sim/index.ts'
import type { Network } from '../sim/network.ts'
import { buildNetwork } from '../sim/index.ts'
import { runCascade } from '../sim/cascade.ts'
import type { SimOptions } from '../sim/engine.ts'
import { DEFAULT_SIM_OPTIONS, Simulation } from '../sim/engine.ts'
import { DEFAULT_RESPONSE } from '../sim/repair.ts'
import { ImportError, importNetworkText } from '../sim/networks/imported.ts'
import { NetworkSpecSchema, SCENARIO_DEFAULTS, ScenarioSchema, SimOptionsSchema, firstIssue } from '../sim/params.ts'
import { METROS } from '../sim/regions.ts'
import type { Scenario } from '../sim/scenarios.ts'
import { SCENARIO_DESCRIPTIONS, SCENARIO_KINDS, largestSite, nearestNode } from '../sim/scenarios.ts'
import { sweep } from '../sim/sweep.ts'
import type { SweepFailure } from '../sim/sweep.ts'
import { INCIDENTS } from '../sim/incidents/data.ts'
import { INCIDENT_IDS } from '../sim/incidents/replay.ts'
import { validIncidents } from '../sim/incidents/schema.ts'
import { INCIDENT_TABLE_DEFINITIONS, incidentTable } from '../sim/incidents/table.ts'
import { sensitivityTable } from '../sim/sensitivity.ts'
import { loadWorld } from './load-world.ts'

/** A problem with the command line or its input: exit code 2. */
export class UsageError extends Error {}

const HELP = `p2p-globe simulation

Usage: npm run sim -- <command> [flags]

Commands
  run        advance a network through a scenario, print the metrics of every step
  sweep      robustness: metrics against the fraction of nodes or links failed, over trials
  cascade    a Motter-Lai overload cascade on a graph, run to the end
  incidents  recorded outages replayed on the three networks: the model beside the record
  sensitivity  the grid's latency under each cost of a hop through a small node, and what the centralized cloud
             loses to a disaster at Northern Virginia under each skew of services over its regions (JSON)
  help       this text

The network (run, sweep, cascade)
  --network centralized|decentralized|p2p   (default p2p), or
  --graph FILE              a node-link JSON graph or a ThreeFold grid node list
  --regions N               cloud regions, 10..16 (default 16)
  --pops N                  cloud points of presence, 10..1000 (default 120)
  --uplinks N               regions each point of presence links to, 1..4 (default 2)
  --pop-links N             other points of presence each links to (the edge's mesh), 0..8 (default 3)
  --region-skew S           how unevenly services are homed over regions, a Zipf exponent 0..3 (default 1:
                            the largest hosts about 30%; 0: all alike)
  --placement diverse|nearest   decentralized: a service's other copies in regions at least 1,000 km apart
                            (default diverse), or in the regions nearest its home
  --services N              services people use, 1..10000 (default 100)
  --replicas N              regions (decentralized: 2..3, default 3) or nodes (p2p: 1..16, default 3) per service
  --nodes N                 p2p nodes, 10..100000 (default 3000)
  --links N                 nearest peers each p2p node links to, 1..16 (default 4)
  --long-links X            mean long links per p2p node, 0..8 (default 0.5)
  --self-healing on|off     p2p re-creates lost replicas (default on)
  --scale-copies on|off     p2p: more copies the more a service is used, --replicas at least (default on;
                            off: --replicas of every service)
  --hop-ms MS               p2p: what a hop through a small node adds to a round trip, 0..100 (default 5)

run
  --scenario KIND           (default none), one of:
${SCENARIO_KINDS.map((k) => `                              ${k.padEnd(8)} ${SCENARIO_DESCRIPTIONS[k]}`).join('\n')}
  --node ID                 site: a node index, a region id (${METROS.map((m) => m.id).join(', ')}) or "largest"
  --lat DEG --lon DEG       region: the centre (default Northern Virginia); site: the node nearest this place
  --radius-km KM            region: the radius (default 500)
  --fraction F              random, links, attack: share of nodes or links, 0..1
  --by degree|load          attack: what is taken out first (default degree)
  --alpha A                 cascade: capacity is (1 + A) x initial load (default 0.2)
  --trigger random|degree|load   cascade: the first node to fail (default load)
  --transmissibility T      spread, push: chance of passing the failure on, 0..1
  --source N                spread: the node it starts at (default random)
  --operator N|largest|all  push: whose machines take the push (default largest)
  --steps N                 entries in the series, the first at t = 0 (default 60)
  --dt MIN                  simulated minutes per step (default 1)
  --start MIN               when the failure starts (default 1)
  --repair-after MIN|response|never
                            how failed parts come back (default response): each by whoever runs it, after
                            their time (below); every part after MIN minutes; or never
  --cloud-detect MIN        response: the cloud provider's engineers learn of a failure (default ${DEFAULT_RESPONSE.cloudDetectMin},
                            the median of the recorded outages that report it)
  --cloud-restore MIN       response: the provider has restored what failed (default ${DEFAULT_RESPONSE.cloudRestoreMin}, the median
                            of the recorded outages its engineers put right)
  --node-repair MIN         response: a small node's operator has repaired it (default ${DEFAULT_RESPONSE.nodeRepairMin})
  --area-restore MIN        response: an area a disaster hit is back, on every network (default ${DEFAULT_RESPONSE.areaRestoreMin})
  --heal-after MIN          self-healing: a copy's node gone this long counts as lost (default ${DEFAULT_SIM_OPTIONS.healAfterMin})
  --copy-gb GB              self-healing: the data one copy holds (default ${DEFAULT_SIM_OPTIONS.copyGb})
  --copy-mbps MBPS          self-healing: what a node sends a copy at, shared by the copies it sends
                            (default ${DEFAULT_SIM_OPTIONS.copyMbps})
  --churn                   background churn of every node at its realistic rate
  --seed S                  seed (default 1); the network and the failures use separate streams

sweep
  --failure random|attack|links|places  (default random); places: disasters 1,000 km across at random places
                            where people live, the same on every network, by the share of people inside them
  --by degree|load          attack: what is taken out first (default degree)
  --fractions F,F,...       (default 0,0.05,...,0.95)
  --trials N                (default 10)

cascade
  --alpha A --trigger random|degree|load

incidents (the three default networks; one row per incident and network in CSV)
  --incident ID             one incident only (default all): ${INCIDENT_IDS.join(', ')}

Output
  --format json|csv         (default json)

Examples
  npm run sim -- run --network centralized --scenario site --node ashburn --steps 30
  npm run sim -- run --network p2p --nodes 10000 --scenario region --lat 50.1 --lon 8.7 --radius-km 800
  npm run sim -- sweep --graph graph.json --failure attack --fractions 0,0.1,0.2 --trials 5 --format csv
  npm run sim -- cascade --graph graph.json --alpha 0.3 --trigger load --seed 7
  npm run sim -- incidents --format csv
`

const FLAGS = {
  network: { type: 'string' },
  graph: { type: 'string' },
  regions: { type: 'string' },
  pops: { type: 'string' },
  uplinks: { type: 'string' },
  'pop-links': { type: 'string' },
  placement: { type: 'string' },
  'region-skew': { type: 'string' },
  'hop-ms': { type: 'string' },
  services: { type: 'string' },
  replicas: { type: 'string' },
  nodes: { type: 'string' },
  links: { type: 'string' },
  'long-links': { type: 'string' },
  'self-healing': { type: 'string' },
  'scale-copies': { type: 'string' },
  scenario: { type: 'string' },
  node: { type: 'string' },
  lat: { type: 'string' },
  lon: { type: 'string' },
  'radius-km': { type: 'string' },
  fraction: { type: 'string' },
  by: { type: 'string' },
  alpha: { type: 'string' },
  trigger: { type: 'string' },
  transmissibility: { type: 'string' },
  source: { type: 'string' },
  operator: { type: 'string' },
  steps: { type: 'string' },
  dt: { type: 'string' },
  start: { type: 'string' },
  'repair-after': { type: 'string' },
  'cloud-detect': { type: 'string' },
  'cloud-restore': { type: 'string' },
  'node-repair': { type: 'string' },
  'area-restore': { type: 'string' },
  'heal-after': { type: 'string' },
  'copy-gb': { type: 'string' },
  'copy-mbps': { type: 'string' },
  churn: { type: 'boolean' },
  seed: { type: 'string' },
  failure: { type: 'string' },
  fractions: { type: 'string' },
  trials: { type: 'string' },
  incident: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

type Flags = Partial<Record<keyof typeof FLAGS, string | boolean>>

/** Flag names by the schema field they fill, to name the flag at fault in a message. */
const FLAG_OF: Record<string, string> = {
  longLinks: 'long-links',
  popLinks: 'pop-links',
  regionSkew: 'region-skew',
  hopMs: 'hop-ms',
  selfHealing: 'self-healing',
  scaleCopies: 'scale-copies',
  radiusKm: 'radius-km',
  dtMin: 'dt',
  startMin: 'start',
  repairAfterMin: 'repair-after',
  cloudDetectMin: 'cloud-detect',
  cloudRestoreMin: 'cloud-restore',
  nodeRepairMin: 'node-repair',
  areaRestoreMin: 'area-restore',
  healAfterMin: 'heal-after',
  copyGb: 'copy-gb',
  copyMbps: 'copy-mbps',
}

function str(flags: Flags, name: keyof typeof FLAGS): string | undefined {
  const v = flags[name]
  return typeof v === 'string' ? v : undefined
}

/** A number from a flag, or undefined when the flag is absent. */
function numberFlag(flags: Flags, name: keyof typeof FLAGS): number | undefined {
  const raw = str(flags, name)
  if (raw === undefined) return undefined
  const x = raw.trim() === '' ? NaN : Number(raw)
  if (!Number.isFinite(x)) throw new UsageError(`--${name}: expected a number, got ${JSON.stringify(raw)}`)
  return x
}

/** An on/off flag (true and false accepted too), or undefined when absent. */
function onOff(flags: Flags, name: keyof typeof FLAGS): boolean | undefined {
  const raw = str(flags, name)
  if (raw === undefined) return undefined
  if (!['on', 'off', 'true', 'false'].includes(raw))
    throw new UsageError(`--${name}: expected on or off, got ${JSON.stringify(raw)}`)
  return raw === 'on' || raw === 'true'
}

function choice<T extends string>(flags: Flags, name: keyof typeof FLAGS, values: readonly T[], fallback: T): T {
  const raw = str(flags, name)
  if (raw === undefined) return fallback
  if (!(values as readonly string[]).includes(raw)) {
    throw new UsageError(`--${name}: expected one of ${values.join(', ')}, got ${JSON.stringify(raw)}`)
  }
  return raw as T
}

function validate<T>(schema: z.ZodMiniType<T>, value: unknown, flags: Flags): T {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  const { path, message } = firstIssue(r.error)
  const field = String(path[path.length - 1] ?? '')
  const flag = FLAG_OF[field] ?? field
  const given = flag && flag in FLAGS ? flags[flag as keyof typeof FLAGS] : undefined
  throw new UsageError(
    `--${flag}: ${message.toLowerCase()}${given !== undefined ? ` (got ${JSON.stringify(given)})` : ''}`,
  )
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

function networkFrom(flags: Flags, seed: number): Network {
  const graphPath = str(flags, 'graph')
  if (graphPath !== undefined) {
    if (flags.network !== undefined) throw new UsageError('--graph and --network: give one or the other')
    checkApplies(flags, NETWORK_FLAGS, 'graph', 'a network from --graph')
    let text: string
    try {
      text = readFileSync(graphPath, 'utf8')
    } catch (e) {
      throw new UsageError(
        `--graph: cannot read ${JSON.stringify(graphPath)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      )
    }
    try {
      const net = importNetworkText(
        text,
        loadWorld(),
        dropUndefined({
          name: basename(graphPath),
          seed,
          services: numberFlag(flags, 'services'),
          replicas: numberFlag(flags, 'replicas'),
        }),
      )
      for (const w of net.warnings) process.stderr.write(`sim: note: ${w}\n`)
      return net
    } catch (e) {
      if (e instanceof ImportError) throw new UsageError(`--graph ${graphPath}: ${e.path}: ${e.detail}`)
      throw e
    }
  }
  const kind = choice(flags, 'network', ['centralized', 'decentralized', 'p2p'] as const, 'p2p')
  checkApplies(flags, NETWORK_FLAGS, kind, `the ${kind} network`)
  const selfHealing = onOff(flags, 'self-healing')
  const scaleCopies = onOff(flags, 'scale-copies')
  const given = dropUndefined({
    kind,
    regions: numberFlag(flags, 'regions'),
    pops: numberFlag(flags, 'pops'),
    uplinks: numberFlag(flags, 'uplinks'),
    popLinks: numberFlag(flags, 'pop-links'),
    placement: str(flags, 'placement'),
    regionSkew: numberFlag(flags, 'region-skew'),
    hopMs: numberFlag(flags, 'hop-ms'),
    services: numberFlag(flags, 'services'),
    replicas: numberFlag(flags, 'replicas'),
    nodes: numberFlag(flags, 'nodes'),
    links: numberFlag(flags, 'links'),
    longLinks: numberFlag(flags, 'long-links'),
    selfHealing,
    scaleCopies,
  })
  const spec = validate(NetworkSpecSchema, given, flags) as NetworkSpec
  return buildNetwork(loadWorld(), spec, seed)
}

function siteNode(flags: Flags, net: Network): number {
  const raw = str(flags, 'node')
  const lat = numberFlag(flags, 'lat')
  const lon = numberFlag(flags, 'lon')
  if (raw === undefined && lat !== undefined && lon !== undefined) return nearestNode(net, lat, lon)
  if (raw === undefined || raw === 'largest') return largestSite(net)
  const metro = METROS.find((m) => m.id === raw.toLowerCase())
  if (metro) {
    for (const [v, label] of net.labels) if (label === metro.name) return v
    return nearestNode(net, metro.lat, metro.lon)
  }
  if (net.ids) {
    const byId = net.ids.indexOf(raw)
    if (byId >= 0) return byId
  }
  const x = Number(raw)
  if (Number.isInteger(x) && x >= 0 && x < net.graph.n) return x
  throw new UsageError(
    `--node: expected a node index from 0 to ${net.graph.n - 1}, a region id (${METROS.map((m) => m.id).join(', ')}) or "largest", got ${JSON.stringify(raw)}`,
  )
}

/** Flags that set a scenario's parameters, and the scenarios each applies to. */
const SCENARIO_FLAGS: Partial<Record<keyof typeof FLAGS, readonly string[]>> = {
  node: ['site'],
  lat: ['site', 'region'],
  lon: ['site', 'region'],
  'radius-km': ['region'],
  fraction: ['random', 'links', 'attack'],
  by: ['attack'],
  alpha: ['cascade'],
  trigger: ['cascade'],
  transmissibility: ['spread', 'push'],
  source: ['spread'],
  operator: ['push'],
}

/** Flags that set a network's parameters, and the networks each applies to. */
const NETWORK_FLAGS: Partial<Record<keyof typeof FLAGS, readonly string[]>> = {
  regions: ['centralized', 'decentralized'],
  pops: ['centralized', 'decentralized'],
  uplinks: ['centralized', 'decentralized'],
  'pop-links': ['centralized', 'decentralized'],
  placement: ['decentralized'],
  'region-skew': ['centralized', 'decentralized'],
  'hop-ms': ['p2p'],
  replicas: ['decentralized', 'p2p', 'graph'],
  services: ['centralized', 'decentralized', 'p2p', 'graph'],
  nodes: ['p2p'],
  links: ['p2p'],
  'long-links': ['p2p'],
  'self-healing': ['p2p'],
  'scale-copies': ['p2p'],
}

/** Refuses a flag given for a kind it does not apply to, rather than silently ignoring it. */
function checkApplies(
  flags: Flags,
  table: Partial<Record<keyof typeof FLAGS, readonly string[]>>,
  kind: string,
  what: string,
) {
  for (const [flag, kinds] of Object.entries(table) as [keyof typeof FLAGS, readonly string[]][]) {
    if (flags[flag] !== undefined && !kinds.includes(kind)) {
      const to = kinds.map((k) => (k === 'graph' ? '--graph' : k)).join(', ')
      throw new UsageError(`--${flag} does not apply to ${what} (only to ${to})`)
    }
  }
}

function scenarioFrom(flags: Flags, net: Network): Scenario {
  const kind = choice(flags, 'scenario', SCENARIO_KINDS, 'none')
  checkApplies(flags, SCENARIO_FLAGS, kind, `the ${kind} scenario`)
  let given: Record<string, unknown> = { kind }
  switch (kind) {
    case 'site':
      given.node = siteNode(flags, net)
      break
    case 'region':
      given = {
        ...given,
        ...SCENARIO_DEFAULTS.region,
        ...dropUndefined({
          lat: numberFlag(flags, 'lat'),
          lon: numberFlag(flags, 'lon'),
          radiusKm: numberFlag(flags, 'radius-km'),
        }),
      }
      break
    case 'random':
    case 'links':
      given.fraction = numberFlag(flags, 'fraction') ?? SCENARIO_DEFAULTS[kind].fraction
      break
    case 'attack':
      given = {
        ...given,
        fraction: numberFlag(flags, 'fraction') ?? SCENARIO_DEFAULTS.attack.fraction,
        by: str(flags, 'by') ?? SCENARIO_DEFAULTS.attack.by,
      }
      break
    case 'cascade':
      given = {
        ...given,
        alpha: numberFlag(flags, 'alpha') ?? SCENARIO_DEFAULTS.cascade.alpha,
        trigger: str(flags, 'trigger') ?? SCENARIO_DEFAULTS.cascade.trigger,
      }
      break
    case 'spread':
      given = {
        ...given,
        transmissibility: numberFlag(flags, 'transmissibility') ?? SCENARIO_DEFAULTS.spread.transmissibility,
        source: numberFlag(flags, 'source') ?? null,
      }
      break
    case 'push': {
      const op = str(flags, 'operator')
      given = {
        ...given,
        transmissibility: numberFlag(flags, 'transmissibility') ?? SCENARIO_DEFAULTS.push.transmissibility,
        operator:
          op === undefined
            ? SCENARIO_DEFAULTS.push.operator
            : op === 'largest' || op === 'all'
              ? op
              : numberFlag(flags, 'operator'),
      }
      break
    }
  }
  return validate(ScenarioSchema, given, flags) as Scenario
}

function optionsFrom(flags: Flags): Partial<SimOptions> {
  const repair = str(flags, 'repair-after')
  const times = dropUndefined({
    cloudDetectMin: numberFlag(flags, 'cloud-detect'),
    cloudRestoreMin: numberFlag(flags, 'cloud-restore'),
    nodeRepairMin: numberFlag(flags, 'node-repair'),
    areaRestoreMin: numberFlag(flags, 'area-restore'),
  })
  if (repair !== undefined && repair !== 'never' && repair !== 'response' && !Number.isFinite(Number(repair || 'x')))
    throw new UsageError(`--repair-after: expected minutes, response or never, got ${JSON.stringify(repair)}`)
  const timed = Object.keys(times).length > 0
  if (timed && repair !== undefined && repair !== 'response') {
    const flag = Object.entries(FLAG_OF).find(([field]) => field in times)![1]
    throw new UsageError(`--${flag} applies to --repair-after response only (got --repair-after ${repair})`)
  }
  const given = dropUndefined({
    dtMin: numberFlag(flags, 'dt'),
    startMin: numberFlag(flags, 'start'),
    repairAfterMin: repair === 'never' ? null : repair === 'response' ? 'response' : numberFlag(flags, 'repair-after'),
    response: timed ? { ...DEFAULT_RESPONSE, ...times } : undefined,
    healAfterMin: numberFlag(flags, 'heal-after'),
    copyGb: numberFlag(flags, 'copy-gb'),
    copyMbps: numberFlag(flags, 'copy-mbps'),
    churn: flags.churn === true ? true : undefined,
  })
  return validate(SimOptionsSchema, given, flags) as Partial<SimOptions>
}

function intFlag(flags: Flags, name: keyof typeof FLAGS, min: number, max: number, fallback: number): number {
  const x = numberFlag(flags, name)
  if (x === undefined) return fallback
  if (!Number.isInteger(x) || x < min || x > max) {
    throw new UsageError(
      `--${name}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(str(flags, name))}`,
    )
  }
  return x
}

function seedFrom(flags: Flags): number {
  return intFlag(flags, 'seed', 0, Number.MAX_SAFE_INTEGER, 1)
}

function fractionsFrom(flags: Flags): number[] {
  const raw = str(flags, 'fractions')
  if (raw === undefined) return Array.from({ length: 20 }, (_, i) => Math.round(i * 5) / 100)
  const parts = raw.split(',').map((s) => s.trim())
  const values = parts.map(Number)
  const bad = parts.findIndex((p, i) => p === '' || !Number.isFinite(values[i]) || values[i]! < 0 || values[i]! > 1)
  if (bad >= 0 || parts.length === 0) {
    throw new UsageError(
      `--fractions: expected comma-separated numbers from 0 to 1, got ${JSON.stringify(parts[bad] ?? raw)} in ${JSON.stringify(raw)}`,
    )
  }
  if (parts.length > 1000) throw new UsageError('--fractions: at most 1000 values')
  return values
}

type Row = Record<string, number | string | boolean | null>

/** A CSV field: empty for null, quoted where it holds a comma, a quote or a line break. */
function csvField(v: number | string | boolean | null | undefined): string {
  if (v === null || v === undefined) return ''
  const s = String(v)
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

function toCsv(rows: Row[]): string {
  if (rows.length === 0) return ''
  const keys = Object.keys(rows[0]!)
  const lines = [keys.join(',')]
  for (const r of rows) lines.push(keys.map((k) => csvField(r[k])).join(','))
  return lines.join('\n') + '\n'
}

const ALLOWED: Record<string, (keyof typeof FLAGS)[]> = {
  network: [
    'network',
    'graph',
    'regions',
    'pops',
    'uplinks',
    'pop-links',
    'placement',
    'region-skew',
    'hop-ms',
    'services',
    'replicas',
    'nodes',
    'links',
    'long-links',
    'self-healing',
    'scale-copies',
    'seed',
    'format',
    'help',
  ],
  run: [
    'scenario',
    'node',
    'lat',
    'lon',
    'radius-km',
    'fraction',
    'by',
    'alpha',
    'trigger',
    'transmissibility',
    'source',
    'operator',
    'steps',
    'dt',
    'start',
    'repair-after',
    'cloud-detect',
    'cloud-restore',
    'node-repair',
    'area-restore',
    'heal-after',
    'copy-gb',
    'copy-mbps',
    'churn',
  ],
  sweep: ['failure', 'by', 'fractions', 'trials'],
  cascade: ['alpha', 'trigger'],
  incidents: ['incident'],
  sensitivity: [],
}

/** Joins `--flag -12.5` into `--flag=-12.5`: node's parser would take a negative number for a flag. */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const next = argv[i + 1]
    const name = arg.startsWith('--') ? arg.slice(2) : ''
    const takesValue = name in FLAGS && FLAGS[name as keyof typeof FLAGS].type === 'string'
    if (takesValue && next !== undefined && /^-\d|^-\.\d/.test(next)) {
      out.push(`${arg}=${next}`)
      i++
    } else out.push(arg)
  }
  return out
}

/** The model against the record (sim/incidents/table.ts), as JSON or as CSV with one row per network. */
function incidentsCommand(flags: Flags, seed: number, format: 'json' | 'csv'): string {
  const id = str(flags, 'incident')
  let list = validIncidents(INCIDENTS)
  if (id !== undefined) {
    const inc = list.find((i) => i.id === id)
    if (!inc) throw new UsageError(`--incident: no incident ${JSON.stringify(id)}; known: ${INCIDENT_IDS.join(', ')}`)
    list = [inc]
  }
  const world = loadWorld()
  const nets = (['centralized', 'decentralized', 'p2p'] as const).map((kind) => buildNetwork(world, { kind }, seed))
  const rows = incidentTable(nets, list, seed)
  if (format === 'json') return JSON.stringify({ definitions: INCIDENT_TABLE_DEFINITIONS, incidents: rows }) + '\n'
  const round = (x: number, d: number) => Number(x.toFixed(d))
  return toCsv(
    rows.flatMap((r) =>
      r.networks.map((n) => ({
        id: r.id,
        date: r.date,
        mechanism: r.mechanism,
        layer: r.layer,
        network: n.network,
        reportedDurationMin: r.reportedDurationMin,
        modelOutageMin: n.outageMin,
        servicesDown: round(n.servicesDown, 4),
        usersOffline: round(n.usersOffline, 4),
        personHours: Math.round(n.personHours),
        reportedShare: r.reportedShare,
        modelShare: r.modelShare === null ? null : round(r.modelShare, 4),
        offByOrder: r.offByOrder,
        replay: n.how,
      })),
    ),
  )
}

/** Runs one command; returns what to print. Throws UsageError for bad input. */
export function main(argv: string[]): string {
  let parsed
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv), options: FLAGS, allowPositionals: true, strict: true })
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '')
    throw new UsageError(`${msg}. Run "npm run sim -- help" for the flags.`)
  }
  const flags = parsed.values as Flags
  const [command, ...extra] = parsed.positionals
  if (flags.help || command === 'help' || command === undefined) return HELP
  if (!['run', 'sweep', 'cascade', 'incidents', 'sensitivity'].includes(command)) {
    throw new UsageError(
      `unknown command ${JSON.stringify(command)}: expected run, sweep, cascade, incidents, sensitivity or help`,
    )
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}; flags start with --`)
  // The incidents table builds the three default networks: of the network flags, only the seed and the format.
  const base =
    command === 'incidents' || command === 'sensitivity' ? (['seed', 'format', 'help'] as const) : ALLOWED.network!
  const allowed = new Set([...base, ...ALLOWED[command]!])
  for (const name of Object.keys(flags)) {
    if (!allowed.has(name as keyof typeof FLAGS)) throw new UsageError(`--${name} does not apply to "${command}"`)
  }
  const format = choice(flags, 'format', ['json', 'csv'] as const, 'json')
  const seed = seedFrom(flags)

  if (command === 'run') {
    const steps = intFlag(flags, 'steps', 1, 100_000, 60)
    const options = optionsFrom(flags)
    const net = networkFrom(flags, seed)
    const scenario = scenarioFrom(flags, net)
    const sim = new Simulation(net, scenario, seed, options)
    const series = sim.run(steps)
    if (format === 'csv') return toCsv(series as unknown as Row[])
    return JSON.stringify({ steps: series, milestones: sim.milestones }) + '\n'
  }
  if (command === 'sweep') {
    const failure = choice<SweepFailure>(flags, 'failure', ['random', 'attack', 'links', 'places'], 'random')
    const by = choice(flags, 'by', ['degree', 'load'] as const, 'degree')
    const fractions = fractionsFrom(flags)
    const trials = intFlag(flags, 'trials', 1, 10_000, 10)
    const net = networkFrom(flags, seed)
    if (failure === 'places' && !net.users)
      throw new UsageError(
        '--failure places needs a network with places and people (a built-in one, or a graph with coordinates)',
      )
    const points = sweep(net, { failure, by, fractions, trials, seed })
    if (format === 'json') return JSON.stringify({ points }) + '\n'
    return toCsv(
      points.map((p) => ({
        fraction: p.fraction,
        survivability_mean: p.survivability.mean,
        survivability_sd: p.survivability.sd,
        usersOnline_mean: p.usersOnline?.mean ?? null,
        usersOnline_sd: p.usersOnline?.sd ?? null,
        serviceAvailability_mean: p.serviceAvailability?.mean ?? null,
        serviceAvailability_sd: p.serviceAvailability?.sd ?? null,
      })),
    )
  }
  if (command === 'incidents') return incidentsCommand(flags, seed, format)
  if (command === 'sensitivity') {
    if (format !== 'json') throw new UsageError('--format: sensitivity prints JSON only')
    return JSON.stringify(sensitivityTable(loadWorld(), seed)) + '\n'
  }
  const alpha = numberFlag(flags, 'alpha') ?? SCENARIO_DEFAULTS.cascade.alpha
  if (alpha < 0 || alpha > 100)
    throw new UsageError(`--alpha: expected a number from 0 to 100, got ${JSON.stringify(str(flags, 'alpha'))}`)
  const trigger = choice(flags, 'trigger', ['random', 'degree', 'load'] as const, 'load')
  const net = networkFrom(flags, seed)
  const result = runCascade(net.graph, alpha, trigger, seed)
  return format === 'csv' ? toCsv([result as unknown as Row]) : JSON.stringify(result) + '\n'
}

const isEntry = process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))
if (isEntry) {
  try {
    process.stdout.write(main(process.argv.slice(2)))
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`sim: ${e.message}\n`)
      process.exit(2)
    }
    throw e
  }
}
