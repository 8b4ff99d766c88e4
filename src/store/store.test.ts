import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world'
import { NodeClass } from '../sim/network'
import { createPageBackend } from './backend'
import { NETWORK_KINDS, activeMetrics, createAppStore } from './store'

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

  it('stops playing once nothing more will change', async () => {
    const store = await readyStore()
    await store.getState().runScenario({ kind: 'site', at: 'largest' })
    store.getState().setSpeed(10)
    store.getState().advance(0.2)
    await store.getState().whenIdle()
    expect(store.getState().playing).toBe(false)
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
