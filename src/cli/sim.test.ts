import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_RESPONSE } from '../sim/repair.ts'
import { describe, expect, it } from 'vitest'
import { STEP_METRIC_FIELDS } from '../sim/engine.ts'
import { createRng } from '../sim/rng.ts'
import { erdosRenyi, toNodeLink } from '../sim/generators.ts'
import { INCIDENTS } from '../sim/incidents/data.ts'
import { UsageError, main } from './sim.ts'

const dir = mkdtempSync(join(tmpdir(), 'p2pglobe-cli-'))
const graphFile = join(dir, 'er.json')
writeFileSync(graphFile, JSON.stringify(toNodeLink(erdosRenyi(300, 4, createRng(1, 'build')))))
const badFile = join(dir, 'bad.json')
writeFileSync(badFile, JSON.stringify({ nodes: [{ id: 1 }, { id: 2 }], links: [{ source: 1, target: 9 }] }))

function usage(argv: string[]): string {
  try {
    main(argv)
  } catch (e) {
    if (e instanceof UsageError) return e.message
    throw e
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`)
}

const KEYS = [...STEP_METRIC_FIELDS]

describe('sim run', () => {
  it('prints the metrics of every step as JSON', () => {
    const out = JSON.parse(
      main(['run', '--network', 'centralized', '--scenario', 'site', '--node', 'ashburn', '--steps', '4']),
    )
    expect(out.steps).toHaveLength(4)
    expect(Object.keys(out.steps[0])).toEqual(KEYS)
    expect(out.steps[0].serviceAvailability).toBe(1)
    expect(out.steps[1].serviceAvailability).toBeLessThan(0.75)
    expect(out.steps[3].userHoursLost).toBeGreaterThan(0)
  })

  it('counts person-hours lost from the first step with a failure, for the minutes that step lasted', () => {
    const run = (dtMin: number) => {
      const argv = ['run', '--network', 'centralized', '--scenario', 'site', '--node', 'ashburn', '--steps', '3']
      return JSON.parse(main([...argv, '--dt', String(dtMin)])).steps as { t: number; userHoursLost: number }[]
    }
    const [healthy, first, second] = run(1)
    expect(healthy!.userHoursLost).toBe(0)
    expect(first!.t).toBe(1)
    expect(first!.userHoursLost).toBeGreaterThan(0)
    // The same outage for twice as long costs twice as much; in steps five times longer, five times as much.
    expect(second!.userHoursLost).toBeCloseTo(2 * first!.userHoursLost, 6)
    const slow = run(5)
    expect(slow[1]!.t).toBe(5)
    expect(slow[1]!.userHoursLost).toBeCloseTo(5 * first!.userHoursLost, 6)
  })

  it('gives the same numbers for the same seed and other numbers for another', () => {
    const args = [
      'run',
      '--network',
      'p2p',
      '--nodes',
      '500',
      '--scenario',
      'random',
      '--fraction',
      '0.3',
      '--steps',
      '3',
    ]
    expect(main([...args, '--seed', '9'])).toBe(main([...args, '--seed', '9']))
    expect(main([...args, '--seed', '9'])).not.toBe(main([...args, '--seed', '10']))
  })

  it('prints CSV with a header and empty cells for missing values', () => {
    const csv = main([
      'run',
      '--graph',
      graphFile,
      '--scenario',
      'attack',
      '--fraction',
      '0.1',
      '--steps',
      '3',
      '--format',
      'csv',
    ])
    const lines = csv.trim().split('\n')
    expect(lines[0]).toBe(KEYS.join(','))
    expect(lines).toHaveLength(4)
    // An abstract graph has no people: their columns are empty.
    expect(lines[2]!.split(',')[1]).toBe('')
    expect(Number(lines[2]!.split(',')[6])).toBe(30)
  })

  it('takes negative numbers as values (western longitudes, southern latitudes)', () => {
    const out = JSON.parse(
      main([
        'run',
        '--network',
        'centralized',
        '--scenario',
        'region',
        '--lat',
        '39.04',
        '--lon',
        '-77.49',
        '--radius-km',
        '300',
        '--steps',
        '2',
      ]),
    )
    expect(out.steps[1].serviceAvailability).toBeLessThan(0.75)
    expect(
      JSON.parse(main(['run', '--scenario', 'region', '--lat=-33.9', '--lon', '151.2', '--steps', '2'])).steps,
    ).toHaveLength(2)
  })

  it('runs every scenario', () => {
    const scenarios = [
      ['none'],
      ['site', '--lat', '50', '--lon', '8'],
      ['region', '--radius-km', '800'],
      ['random'],
      ['links'],
      ['attack', '--by', 'load'],
      ['cascade', '--alpha', '0.1', '--trigger', 'degree'],
      ['spread', '--transmissibility', '0.5', '--source', '3'],
      ['push', '--operator', 'all'],
      ['churn', '--dt', '60'],
    ]
    for (const [kind, ...rest] of scenarios) {
      const out = JSON.parse(
        main([
          'run',
          '--network',
          'p2p',
          '--nodes',
          '300',
          '--scenario',
          kind!,
          ...rest,
          '--steps',
          '3',
          '--repair-after',
          '30',
        ]),
      )
      expect(out.steps, kind).toHaveLength(3)
    }
  })
})

describe('sim run: who repairs what', () => {
  const failed = (args: string[], steps: number) =>
    JSON.parse(
      main([
        'run',
        '--network',
        'centralized',
        '--scenario',
        'site',
        '--node',
        'ashburn',
        '--steps',
        String(steps),
        ...args,
      ]),
    ).steps.map((s: { failedNodes: number }) => s.failedNodes)

  it("brings the region back after the provider's restore time by default, or the time given", () => {
    expect(failed([], 200).lastIndexOf(1)).toBe(Math.ceil(DEFAULT_RESPONSE.cloudRestoreMin))
    expect(failed(['--cloud-restore', '30'], 40).lastIndexOf(1)).toBe(30)
    expect(failed(['--repair-after', '30'], 40).lastIndexOf(1)).toBe(30)
    expect(failed(['--repair-after', 'never'], 400).at(-1)).toBe(1)
  })

  it('says who repaired what and when, and takes the self-healing copy’s data and bandwidth', () => {
    const healed = (mbps: string) =>
      JSON.parse(
        main(
          ['run', '--network', 'p2p', '--nodes', '400', '--scenario', 'region', '--radius-km', '800'].concat([
            '--steps',
            '60',
            '--copy-gb',
            '10',
            '--copy-mbps',
            mbps,
          ]),
        ),
      ).milestones.filter((m: { kind: string }) => m.kind === 'healed')
    // Noticed after 15 minutes; 10 GB at 100 Mbit/s take 14 more minutes (13⅓), at 20 Mbit/s 67.
    const fast = healed('100')
    expect(fast[0]).toEqual({ t: 1 + 15 + 14, kind: 'healed', by: 'grid', count: expect.any(Number) })
    expect(healed('20')).toEqual([])
    const cloud = JSON.parse(
      main(['run', '--network', 'centralized', '--scenario', 'site', '--steps', '10']),
    ).milestones
    expect(cloud).toEqual([
      { t: 1 + Math.ceil(DEFAULT_RESPONSE.cloudDetectMin), kind: 'detected', by: 'provider', count: 1 },
    ])
  })

  it('names a bad repair flag and what it accepts', () => {
    expect(() => main(['run', '--repair-after', 'soon'])).toThrow(/--repair-after: expected minutes, response or never/)
    expect(() => main(['run', '--repair-after', 'never', '--node-repair', '60'])).toThrow(
      /--node-repair applies to --repair-after response only/,
    )
    expect(() => main(['run', '--copy-mbps', '0'])).toThrow(/--copy-mbps: expected a number from/)
    expect(() => main(['run', '--area-restore', '-5'])).toThrow(/--area-restore: expected a number from 0/)
  })
})

describe('sim sweep', () => {
  it('prints survivability, users online and availability per fraction', () => {
    const out = JSON.parse(
      main(['sweep', '--network', 'p2p', '--nodes', '400', '--fractions', '0,0.5,1', '--trials', '3']),
    )
    expect(out.points).toHaveLength(3)
    expect(out.points[0]).toEqual({
      fraction: 0,
      survivability: { mean: 1, sd: 0 },
      usersOnline: { mean: 1, sd: 0 },
      serviceAvailability: { mean: 1, sd: 0 },
    })
    expect(out.points[1].survivability.mean).toBeLessThan(0.5)
    expect(out.points[2].usersOnline.mean).toBe(0)
  })

  it('gives null for people and services on a graph that has none', () => {
    const out = JSON.parse(
      main(['sweep', '--graph', graphFile, '--failure', 'links', '--fractions', '0.2', '--trials', '2']),
    )
    expect(out.points[0].usersOnline).toBeNull()
    expect(out.points[0].serviceAvailability).toBeNull()
    expect(out.points[0].survivability.mean).toBeGreaterThan(0.8)
  })

  it('prints CSV', () => {
    const csv = main([
      'sweep',
      '--graph',
      graphFile,
      '--failure',
      'attack',
      '--fractions',
      '0,0.1',
      '--trials',
      '2',
      '--format',
      'csv',
    ])
    expect(csv.split('\n')[0]).toBe(
      'fraction,survivability_mean,survivability_sd,usersOnline_mean,usersOnline_sd,serviceAvailability_mean,serviceAvailability_sd',
    )
  })
})

describe('sim cascade', () => {
  it('prints G, the nodes failed and the rounds', () => {
    const out = JSON.parse(
      main(['cascade', '--graph', graphFile, '--alpha', '0.2', '--trigger', 'load', '--seed', '3']),
    )
    expect(Object.keys(out)).toEqual(['G', 'failed', 'rounds'])
    expect(out.failed).toBeGreaterThanOrEqual(1)
    expect(out.G).toBeGreaterThan(0)
    expect(out.G).toBeLessThanOrEqual(1)
  })
})

describe('bad input', () => {
  it('names the flag at fault and what it accepts', () => {
    expect(usage(['run', '--network', 'mesh'])).toBe(
      '--network: expected one of centralized, decentralized, p2p, got "mesh"',
    )
    expect(usage(['run', '--nodes', 'ten'])).toBe('--nodes: expected a number, got "ten"')
    expect(usage(['run', '--nodes', '1000000'])).toBe(
      '--nodes: expected a whole number from 10 to 100000 (got "1000000")',
    )
    expect(usage(['run', '--scenario', 'random', '--fraction', '1.5'])).toBe(
      '--fraction: expected a number from 0 to 1 (got "1.5")',
    )
    expect(usage(['run', '--scenario', 'meteor'])).toMatch(/^--scenario: expected one of none, site, region/)
    expect(usage(['run', '--steps', '0'])).toBe('--steps: expected a whole number from 1 to 100000, got "0"')
    expect(usage(['run', '--network', 'centralized', '--scenario', 'site', '--node', 'atlantis'])).toMatch(
      /^--node: expected a node index/,
    )
    expect(usage(['run', '--self-healing', 'maybe'])).toBe('--self-healing: expected on or off, got "maybe"')
    expect(usage(['sweep', '--fractions', '0,2'])).toBe(
      '--fractions: expected comma-separated numbers from 0 to 1, got "2" in "0,2"',
    )
    expect(usage(['sweep', '--steps', '3'])).toBe('--steps does not apply to "sweep"')
    expect(usage(['run', '--wat'])).toMatch(/Unknown option '--wat'/)
    expect(usage(['fly'])).toMatch(/unknown command "fly"/)
    expect(usage(['run', '--graph', graphFile, '--network', 'p2p'])).toMatch(/give one or the other/)
    expect(usage(['run', '--fraction', '0.2'])).toBe(
      '--fraction does not apply to the none scenario (only to random, links, attack)',
    )
    expect(usage(['run', '--network', 'centralized', '--nodes', '50'])).toBe(
      '--nodes does not apply to the centralized network (only to p2p)',
    )
    expect(usage(['run', '--graph', graphFile, '--pops', '50'])).toBe(
      '--pops does not apply to a network from --graph (only to centralized, decentralized)',
    )
  })

  it('gives the JSON path of the first problem in a file', () => {
    expect(usage(['cascade', '--graph', badFile])).toBe(`--graph ${badFile}: $.links[0].target: no node has the id 9`)
    expect(usage(['cascade', '--graph', join(dir, 'missing.json')])).toMatch(/cannot read .* \(ENOENT\)/)
  })

  it('exits with code 2 and a message on stderr, nothing on stdout', () => {
    const cli = fileURLToPath(new URL('./sim.ts', import.meta.url))
    const r = spawnSync(process.execPath, ['--import', 'tsx', cli, 'run', '--scenario', 'random', '--fraction', 'x'], {
      encoding: 'utf8',
    })
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('sim: --fraction: expected a number, got "x"\n')
    const ok = spawnSync(process.execPath, ['--import', 'tsx', cli, 'cascade', '--graph', graphFile], {
      encoding: 'utf8',
    })
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout).G).toBeGreaterThan(0)
  })
})

describe('sim incidents', () => {
  it('prints the model beside the record for every incident and network, as CSV and JSON', () => {
    const csv = main(['incidents', '--format', 'csv']).trim().split('\n')
    expect(csv[0]).toMatch(/^id,date,mechanism,layer,network,reportedDurationMin,modelOutageMin,servicesDown/)
    expect(csv.length).toBe(1 + 3 * INCIDENTS.length)
    const fastly = csv.filter((l) => l.startsWith('fastly-2021-06-08,'))
    expect(fastly.map((l) => l.split(',')[4])).toEqual(['centralized cloud', 'multi-region cloud', 'peer-to-peer grid'])
    const one = JSON.parse(main(['incidents', '--incident', 'aws-2025-10-20']))
    expect(one.incidents).toHaveLength(1)
    expect(one.incidents[0].reportedDurationMin).toBe(870)
    expect(one.definitions.servicesDown).toMatch(/peak share/)
  })

  it('names a bad incident id and the flags it does not take', () => {
    expect(usage(['incidents', '--incident', 'aws-1999'])).toMatch(/no incident "aws-1999"; known: aws-2017-02-28/)
    expect(usage(['incidents', '--nodes', '50'])).toMatch(/--nodes does not apply to "incidents"/)
  })
})
