/**
 * Imported files under fuzzing: a good graph and a good grid node list, truncated anywhere or with values swapped
 * for junk, a thousand times each. Every import either succeeds or fails with an ImportError that names the JSON
 * path of the problem; nothing else is ever thrown.
 */
import { describe, expect, it } from 'vitest'
import { loadWorld } from '../../cli/load-world.ts'
import { createRng } from '../rng.ts'
import { ImportError, importNetworkText } from './imported.ts'

const world = loadWorld()

const GRAPH = {
  nodes: Array.from({ length: 12 }, (_, i) => ({ id: `n${i}`, lat: -50 + i * 8, lon: -170 + i * 28 })),
  links: Array.from({ length: 12 }, (_, i) => ({ source: `n${i}`, target: `n${(i + 1) % 12}` })),
}
const GRID = Array.from({ length: 10 }, (_, i) => ({
  nodeId: i + 1,
  farmId: 1 + (i % 3),
  country: ['Belgium', 'Egypt', 'India'][i % 3],
  city: 'X',
  status: i % 4 === 0 ? 'down' : 'up',
  location: { latitude: i % 5 === 0 ? null : 10 + i, longitude: i % 5 === 0 ? null : 20 + i },
}))
const JUNK: unknown[] = [
  null,
  -1,
  1e308,
  '',
  'north',
  true,
  [],
  {},
  [1, 2],
  { id: 'x' },
  'n0',
  'n99',
  999,
  -91,
  181,
  Number.MAX_VALUE,
  '<script>alert(1)</script>',
  'x'.repeat(2000),
]

function mutate(value: unknown, rng: ReturnType<typeof createRng>): unknown {
  if (Array.isArray(value)) {
    const out = value.map((v) => (rng.float() < 0.1 ? mutate(v, rng) : v))
    if (rng.float() < 0.05 && out.length) out.splice(rng.int(out.length), 1)
    if (rng.float() < 0.05 && out.length) out.push(out[rng.int(out.length)])
    return out
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      const r = rng.float()
      if (r < 0.04) continue
      out[k] = r < 0.1 ? JUNK[rng.int(JUNK.length)] : mutate(v, rng)
    }
    return out
  }
  return rng.float() < 0.15 ? JUNK[rng.int(JUNK.length)] : value
}

function attempt(text: string): 'ok' | ImportError {
  try {
    importNetworkText(text, world, { name: 'fuzz', seed: 1 })
    return 'ok'
  } catch (e) {
    if (e instanceof ImportError) return e
    throw new Error(`not an ImportError for ${text.slice(0, 200)}: ${String(e)}`, { cause: e })
  }
}

describe('imports under fuzzing', () => {
  for (const [name, good] of [
    ['a node-link graph', GRAPH],
    ['a grid node list', GRID],
  ] as const) {
    it(`${name}: mutated or truncated a thousand times, it loads or names the problem's path`, () => {
      const rng = createRng(11, `import-fuzz:${name}`)
      const text = JSON.stringify(good)
      expect(attempt(text)).toBe('ok')
      let failed = 0
      for (let i = 0; i < 1000; i++) {
        const input = i % 4 === 0 ? text.slice(0, rng.int(text.length)) : JSON.stringify(mutate(good, rng))
        const r = attempt(input)
        if (r === 'ok') continue
        failed++
        expect(r.path, input.slice(0, 200)).toMatch(/^\$/)
        expect(r.message.length).toBeGreaterThan(0)
        expect(r.message.length).toBeLessThan(1000)
      }
      // Most of them are broken, and each was said to be.
      expect(failed).toBeGreaterThan(300)
    })
  }
})
