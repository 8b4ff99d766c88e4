import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import { NodeClass } from '../sim/network'
import { BUILTIN_STORY } from '../story/builtin'
import { createPageBackend } from './pageBackend'
import { NETWORK_KINDS, activeMetrics, createAppStore, type SweepRequest } from './store'

const world = loadWorld()

async function readyStore(now = () => 0) {
  const store = createAppStore({ loadWorld: async () => world, createBackend: createPageBackend, now })
  await store.getState().load()
  return store
}

describe('the app store', () => {
  it('builds every network once the world is loaded, healthy at t = 0', async () => {
    const store = await readyStore()
    const s = store.getState()
    expect(s.status).toBe('ready')
    expect(Object.keys(s.slots).sort()).toEqual([...NETWORK_KINDS].sort())
    for (const kind of NETWORK_KINDS) {
      expect(s.slots[kind]!.series).toHaveLength(1)
      expect(s.slots[kind]!.view.metrics.serviceAvailability).toBeCloseTo(1, 12)
    }
    expect(activeMetrics(s)!.t).toBe(0)
  })

  it('starts a scenario asked for during a new seed’s rebuild on the new networks, after it', async () => {
    const store = await readyStore()
    const reseed = store.getState().setSeed(7)
    const run = store.getState().runScenario({ kind: 'random', fraction: 0.2 })
    await Promise.all([reseed, run])
    const s = store.getState()
    expect(s.seed).toBe(7)
    expect(s.playing).toBe(true)
    expect(s.scenarioStartedAt).not.toBeNull()
    // Its steps are the slots' own run: they are taken in, not dropped as a stale run's.
    await store.getState().step(2)
    expect(activeMetrics(store.getState())!.t).toBe(2)
    expect(activeMetrics(store.getState())!.failedNodes).toBeGreaterThan(0)
  })

  it('keeps a pause asked for while a scenario sets up, and plays one that saw none', async () => {
    const store = await readyStore()
    const run = store.getState().runScenario({ kind: 'site', at: { lat: 39.04, lon: -77.49 } })
    store.getState().pause()
    await run
    expect(store.getState().playing).toBe(false)
    expect(store.getState().scenario.kind).toBe('site')
    await store.getState().runScenario({ kind: 'random', fraction: 0.1 })
    expect(store.getState().playing).toBe(true)
  })

  it('asks for no step while a scenario restarts: a pause the moment it is running finds it at T+0', async () => {
    const store = await readyStore()
    await store.getState().runScenario({ kind: 'random', fraction: 0.1 })
    expect(store.getState().playing).toBe(true)
    // The clock ticks on while the next scenario sets up, as frames do in the page.
    const run = store.getState().runScenario({ kind: 'site', at: { lat: 39.04, lon: -77.49 } })
    for (let i = 0; i < 4; i++) expect(store.getState().advance(0.25)).toBe(false)
    await run
    store.getState().pause()
    await store.getState().whenIdle()
    expect(activeMetrics(store.getState())!.t).toBe(0)
    await store.getState().step(1)
    expect(activeMetrics(store.getState())!.t).toBe(1)
  })

  it('rebuilds for seeds asked for in a row one after the other, the last one standing', async () => {
    const store = await readyStore()
    await Promise.all([store.getState().setSeed(3), store.getState().setSeed(4)])
    const again = await readyStore()
    await again.getState().setSeed(4)
    expect(store.getState().seed).toBe(4)
    expect(store.getState().slots.p2p!.net.lat).toEqual(again.getState().slots.p2p!.net.lat)
  }, 30_000)

  it('reports a world that cannot be loaded instead of throwing', async () => {
    const store = createAppStore({
      loadWorld: async () => {
        throw new Error('offline')
      },
      createBackend: createPageBackend,
    })
    await store.getState().load()
    expect(store.getState().status).toBe('error')
    expect(store.getState().error).toBe('offline')
  })

  it('switches the network on screen and remembers the one before for the cross-fade', async () => {
    const store = await readyStore(() => 1234)
    store.getState().setNetwork('p2p')
    expect(store.getState().active).toBe('p2p')
    expect(store.getState().previous).toBe('centralized')
    expect(store.getState().switchedAt).toBe(1234)
    const net = store.getState().slots.p2p!.net
    store.getState().setNetwork('decentralized')
    store.getState().setNetwork('p2p')
    // Switching rebuilds nothing.
    expect(store.getState().slots.p2p!.net).toBe(net)
  })

  it('sets off the same failure at the same place on every network, and plays it', async () => {
    const store = await readyStore()
    await store.getState().runScenario({ kind: 'site', at: { lat: 39.04, lon: -77.49 } })
    const s = store.getState()
    expect(s.playing).toBe(true)
    expect(s.focus).toEqual({ lat: 39.04, lon: -77.49 })
    await store.getState().step()
    const { centralized, p2p } = store.getState().slots
    expect(centralized!.view.nodeUp[0]).toBe(0)
    expect(centralized!.net.nodeClass[0]).toBe(NodeClass.region)
    const failed = Array.from(p2p!.view.nodeUp).filter((u) => u === 0).length
    expect(failed).toBe(1)
    expect(centralized!.series).toHaveLength(2)
    expect(centralized!.view.metrics.serviceAvailability).toBeLessThan(0.75)
  })

  it('advances by real time at its speed, and a long gap does not jump the clock', async () => {
    const store = await readyStore()
    await store.getState().runScenario({ kind: 'churn' })
    store.getState().setSpeed(4)
    const t = () => activeMetrics(store.getState())!.t
    expect(store.getState().advance(0.1)).toBe(false) // 0.4 simulated minutes: no step yet
    expect(store.getState().advance(0.2)).toBe(true) // 1.2 minutes: one step asked for
    await store.getState().whenIdle()
    expect(t()).toBe(1)
    store.getState().advance(60) // a minute in a hidden tab counts as 0.25 s: one more step
    await store.getState().whenIdle()
    expect(t()).toBe(2)
    store.getState().pause()
    expect(store.getState().advance(1)).toBe(false)
    store.getState().play()
    expect(store.getState().advance(1)).toBe(true) // clamped to 0.25 s again: one step
    await store.getState().whenIdle()
    expect(t()).toBe(3)
  })

  it('asks for one step at a time, however often the clock is moved', async () => {
    const store = await readyStore()
    await store.getState().runScenario({ kind: 'churn' })
    store.getState().setSpeed(10)
    expect(store.getState().advance(0.2)).toBe(true)
    // While that request is under way, no other goes out; the time is kept (up to a few steps).
    expect(store.getState().advance(0.2)).toBe(false)
    await store.getState().whenIdle()
    expect(activeMetrics(store.getState())!.t).toBe(2)
    expect(store.getState().advance(0.01)).toBe(true)
    await store.getState().whenIdle()
    expect(activeMetrics(store.getState())!.t).toBe(4)
  })

  it('drops a step that crossed a restart', async () => {
    const store = await readyStore()
    await store.getState().runScenario({ kind: 'random', fraction: 0.2 })
    const step = store.getState().step()
    await store.getState().reset()
    await step
    expect(activeMetrics(store.getState())!.t).toBe(0)
    expect(store.getState().slots.p2p!.series).toHaveLength(1)
  })

  it('ignores a speed that is not a positive number', async () => {
    const store = await readyStore()
    store.getState().setSpeed(-1)
    store.getState().setSpeed(Number.NaN)
    expect(store.getState().speed).toBe(2)
  })

  /** Plays the clock in real time, four steps at a time, until it stops by itself or `limit` steps have passed. */
  async function playFor(store: Awaited<ReturnType<typeof readyStore>>, limit: number): Promise<number> {
    store.getState().setSpeed(16)
    const t = () => activeMetrics(store.getState())!.t
    const start = t()
    while (store.getState().playing && t() - start < limit) {
      store.getState().advance(0.25)
      await store.getState().whenIdle()
    }
    return t()
  }

  it('keeps the clock running while a failure without a repair lasts, costing person-hours all along', async () => {
    const store = await readyStore()
    await store.getState().runScenario({ kind: 'site', at: 'largest' })
    expect(await playFor(store, 24)).toBeGreaterThanOrEqual(24)
    const s = store.getState()
    expect(s.playing).toBe(true)
    expect(activeMetrics(s)!.serviceAvailability).toBeLessThan(0.75)
    const lost = s.slots.centralized!.series.map((m) => m.userHoursLost!)
    expect(lost[1]).toBeGreaterThan(0)
    for (let i = 2; i < lost.length; i++) expect(lost[i]).toBeGreaterThan(lost[i - 1]!)
  })

  it('stops the clock by itself once everything is back, and plays on as a normal day after that', async () => {
    const store = await readyStore()
    store.setState({ options: { repairAfterMin: 10 } })
    await store.getState().runScenario({ kind: 'region', lat: 39.04, lon: -77.49, radiusKm: 600 })
    const stoppedAt = await playFor(store, 200)
    expect(store.getState().playing).toBe(false)
    // Down from minute 1, back at minute 11 (the last request may go a few steps beyond).
    expect(stoppedAt).toBeGreaterThanOrEqual(11)
    expect(stoppedAt).toBeLessThan(16)
    for (const kind of NETWORK_KINDS) {
      const view = store.getState().slots[kind]!.view
      expect(view.settled).toBe(true)
      expect(view.metrics.failedNodes).toBe(0)
      expect(view.metrics.usersOnline).toBe(1)
    }
    // Play again: nothing is happening, and the clock runs on like on any day.
    store.getState().play()
    expect(await playFor(store, 20)).toBeGreaterThanOrEqual(stoppedAt + 20)
    expect(store.getState().playing).toBe(true)
  })

  it('keeps the clock running on a healthy network with no scenario', async () => {
    const store = await readyStore()
    store.getState().play()
    expect(await playFor(store, 12)).toBeGreaterThanOrEqual(12)
    expect(store.getState().playing).toBe(true)
  })

  it('finds where a cascade started once it has', async () => {
    const store = await readyStore()
    await store.getState().runScenario({ kind: 'cascade', alpha: 0.2, trigger: 'load' })
    expect(store.getState().focus).toBeNull()
    await store.getState().step()
    expect(store.getState().focus).not.toBeNull()
  })

  it('resets to healthy networks, keeping the scenario for the next run', async () => {
    const store = await readyStore()
    await store.getState().runScenario({ kind: 'random', fraction: 0.3 })
    await store.getState().step()
    await store.getState().reset()
    const s = store.getState()
    expect(s.playing).toBe(false)
    expect(s.scenario).toEqual({ kind: 'random', fraction: 0.3 })
    expect(activeMetrics(s)!.failedNodes).toBe(0)
    expect(s.slots.p2p!.series).toHaveLength(1)
  })

  it('rebuilds the networks from a new seed, and refuses a bad one', async () => {
    const store = await readyStore()
    const before = store.getState().slots.p2p!.net
    await store.getState().setSeed(7)
    expect(store.getState().seed).toBe(7)
    expect(store.getState().slots.p2p!.net).not.toBe(before)
    await store.getState().setSeed(-3)
    await store.getState().setSeed(1.5)
    expect(store.getState().seed).toBe(7)
  })

  it('rebuilds one network with new parameters', async () => {
    const store = await readyStore()
    const central = store.getState().slots.centralized!.net
    await store.getState().configure({ kind: 'p2p', nodes: 500 })
    expect(store.getState().slots.p2p!.net.graph.n).toBe(500)
    expect(store.getState().specs.p2p).toEqual({ kind: 'p2p', nodes: 500 })
    expect(store.getState().slots.centralized!.net).toBe(central)
  })

  it('turns idle rotation on and off', async () => {
    const store = await readyStore()
    store.getState().setAutoRotate(false)
    expect(store.getState().autoRotate).toBe(false)
  })
})

describe('the pixel ratio', () => {
  it('can be held fixed within sensible bounds, or left to adapt', async () => {
    const store = await readyStore()
    expect(store.getState().fixedPixelRatio).toBeNull()
    store.getState().setFixedPixelRatio(1)
    expect(store.getState().fixedPixelRatio).toBe(1)
    store.getState().setFixedPixelRatio(40)
    store.getState().setFixedPixelRatio(Number.NaN)
    expect(store.getState().fixedPixelRatio).toBe(1)
    store.getState().setFixedPixelRatio(null)
    expect(store.getState().fixedPixelRatio).toBeNull()
  })
})

describe('the view', () => {
  it('asks the camera to face a place, ignoring one that is not a place', async () => {
    const store = await readyStore()
    store.getState().lookAt({ lat: 10, lon: 20 }, true)
    expect(store.getState().view).toEqual({ lat: 10, lon: 20, instant: true })
    store.getState().lookAt({ lat: Number.NaN, lon: 0 })
    expect(store.getState().view).toEqual({ lat: 10, lon: 20, instant: true })
    store.getState().lookAt({ lat: 120, lon: 0 })
    expect(store.getState().view).toEqual({ lat: 90, lon: 0, instant: false })
  })
})

describe('importing a network', () => {
  const graph = JSON.stringify({
    nodes: [
      { id: 'a', lat: 48.85, lon: 2.35 },
      { id: 'b', lat: 52.52, lon: 13.4 },
      { id: 'c', lat: 41.9, lon: 12.5 },
    ],
    links: [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
    ],
  })

  it('reads a good file into the imported network and shows it', async () => {
    const store = await readyStore()
    const status = await store.getState().importNetwork(graph, 'europe.json')
    expect(status).toEqual({ state: 'done', name: 'europe.json', warnings: [] })
    expect(store.getState().active).toBe('imported')
    expect(store.getState().slots.imported!.net.graph.n).toBe(3)
    expect(store.getState().slots.imported!.net.name).toBe('europe.json')
  })

  it('refuses a bad file with the path of the problem, and keeps the network on screen', async () => {
    const store = await readyStore()
    store.getState().setNetwork('p2p')
    const status = await store
      .getState()
      .importNetwork('{"nodes":[{"id":1}],"links":[{"source":1,"target":2}]}', 'bad.json')
    expect(status).toEqual({ state: 'failed', name: 'bad.json', error: '$.links[0].target: no node has the id 2' })
    expect(store.getState().active).toBe('p2p')
    expect(store.getState().slots.imported).toBeUndefined()
    expect((await store.getState().importNetwork('{"nodes": [', 'cut.json')).state).toBe('failed')
  })

  it('refuses a file over 10 MB without reading it', async () => {
    const store = await readyStore()
    const status = await store.getState().importNetwork(' '.repeat(10 * 1024 * 1024 + 1), 'huge.json')
    expect(status.state).toBe('failed')
    expect(status.state === 'failed' && status.error).toMatch(/larger than 10 MB/)
  })
})

describe('acting by hand', () => {
  it('fails a node, cuts a link and repairs the node on the network on screen, measured at once', async () => {
    const store = await readyStore()
    await store.getState().act({ type: 'failNode', node: 0 })
    let slot = store.getState().slots.centralized!
    expect(slot.view.nodeUp[0]).toBe(0)
    expect(slot.view.metrics.serviceAvailability).toBeLessThan(0.75)
    expect(slot.series).toHaveLength(1)
    // Other networks are untouched.
    expect(store.getState().slots.p2p!.view.nodeUp[0]).toBe(1)
    await store.getState().act({ type: 'repairNode', node: 0 })
    slot = store.getState().slots.centralized!
    expect(slot.view.metrics.serviceAvailability).toBeCloseTo(1, 12)
    await store.getState().act({ type: 'cutLink', link: 0 })
    expect(store.getState().slots.centralized!.view.linkUp[0]).toBe(0)
  })

  it('refuses a node that does not exist', async () => {
    const store = await readyStore()
    await expect(store.getState().act({ type: 'failNode', node: 99_999 })).rejects.toThrow(/no node 99999/)
  })
})

describe('the robustness sweep', () => {
  it('sweeps every network in the background, reporting progress, and keeps the results', async () => {
    const store = await readyStore()
    const seen: number[] = []
    const unsubscribe = store.subscribe((s) => seen.push(s.robustness.done))
    await store.getState().runSweep({ failure: 'random', fractions: [0, 0.5, 1], trials: 2 })
    unsubscribe()
    const r = store.getState().robustness
    expect(r.status).toBe('done')
    expect(r.total).toBe(6)
    expect(r.done).toBe(6)
    expect(Object.keys(r.results).sort()).toEqual(['centralized', 'decentralized', 'p2p'])
    expect(r.results.p2p![0]!.survivability.mean).toBe(1)
    expect(r.results.centralized![2]!.usersOnline!.mean).toBe(0)
    expect(new Set(seen).size).toBeGreaterThan(2)
    // Trial by trial, never backwards.
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
  })

  it('can be cancelled', async () => {
    const store = await readyStore()
    const run = store.getState().runSweep({ failure: 'attack', fractions: [0, 0.1], trials: 50 })
    store.getState().cancelSweep()
    await run
    expect(store.getState().robustness.status).toBe('cancelled')
    expect(store.getState().robustness.done).toBeLessThan(store.getState().robustness.total)
  })

  it('stops even when the cancel lands on the last trial of a network, after which its job no longer listens', async () => {
    const store = await readyStore()
    // One trial: the page backend finishes each network's job before the cancel can reach it.
    const run = store.getState().runSweep({ failure: 'random', fractions: [0, 0.5], trials: 1 })
    store.getState().cancelSweep()
    await run
    const r = store.getState().robustness
    expect(r.status).toBe('cancelled')
    expect(r.done).toBe(0)
    expect(r.results).toEqual({})
  })

  it('replaces a sweep under way with a new one, which the old one leaves alone and a cancel still reaches', async () => {
    const store = await readyStore()
    const first = store.getState().runSweep({ failure: 'attack', fractions: [0, 0.1], trials: 50 })
    const request: SweepRequest = { failure: 'random', fractions: [0, 0.2], trials: 50 }
    const second = store.getState().runSweep(request)
    await first
    expect(store.getState().robustness.status).toBe('running')
    expect(store.getState().robustness.request).toBe(request)
    store.getState().cancelSweep()
    await second
    expect(store.getState().robustness.status).toBe('cancelled')
    expect(store.getState().robustness.done).toBeLessThan(store.getState().robustness.total)
  })

  it('runs a sweep to the end after one was cancelled, on the networks asked for', async () => {
    const store = await readyStore()
    const cancelled = store.getState().runSweep({ failure: 'links', fractions: [0, 0.5], trials: 50 })
    store.getState().cancelSweep()
    await cancelled
    await store.getState().runSweep({ failure: 'attack', by: 'load', fractions: [0, 0.3], trials: 2, kinds: ['p2p'] })
    const r = store.getState().robustness
    expect(r.status).toBe('done')
    expect([r.done, r.total]).toEqual([2, 2])
    expect(Object.keys(r.results)).toEqual(['p2p'])
    expect(r.results.p2p!.map((p) => p.fraction)).toEqual([0, 0.3])
  })
})

describe('what the viewer sets', () => {
  it('compares two built networks side by side, never one that is not there', async () => {
    const store = await readyStore()
    store.getState().setCompare({ on: true, left: 'centralized', right: 'p2p' })
    expect(store.getState().compare).toEqual({ on: true, left: 'centralized', right: 'p2p' })
    store.getState().setCompare({ right: 'imported' })
    expect(store.getState().compare.right).toBe('p2p')
  })

  it('picks a tool, selects a node, and sets a theme from the known ones', async () => {
    const store = await readyStore()
    store.getState().setTool('drawDisaster')
    expect(store.getState().tool).toBe('drawDisaster')
    store.getState().select({ kind: 'p2p', node: 12 })
    expect(store.getState().selected).toEqual({ kind: 'p2p', node: 12 })
    store.getState().setTheme('projector')
    store.getState().setTheme('neon' as never)
    expect(store.getState().theme).toBe('projector')
  })
})

describe('presenting a story', () => {
  it('stays on the last step on Next, its scenario running on, and loops to the first in the kiosk', async () => {
    const store = await readyStore()
    const last = BUILTIN_STORY.steps.length - 1
    await store.getState().loadStory(BUILTIN_STORY, last)
    await store.getState().step(5)
    const before = store.getState()
    expect(before.story!.index).toBe(last)
    expect(activeMetrics(before)!.t).toBe(5)
    await store.getState().nextStep()
    const after = store.getState()
    expect(after.story!.index).toBe(last)
    // Not started again: the same run, at the same minute.
    expect(activeMetrics(after)!.t).toBe(5)
    expect(after.scenarioStartedAt).toBe(before.scenarioStartedAt)
    expect(after.slots.centralized!.view.run).toBe(before.slots.centralized!.view.run)
    store.getState().setKiosk(true)
    await store.getState().nextStep()
    expect(store.getState().story!.index).toBe(0)
  })
})
