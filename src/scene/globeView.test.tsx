import ReactThreeTestRenderer from '@react-three/test-renderer'
import { beforeAll, describe, expect, it } from 'vitest'
import { appStore } from '../store/appStore'
import { NETWORK_KINDS, type NetworkKind } from '../store/store'
import { createDraftArea, createRoomState, focusOf, GlobeViewContext, viewOpacity, type GlobeView } from './globeView'
import { NetworkView } from './NetworkView'

/** A globe's layers under a GlobeView: the compare view's globe shows its own network, whatever is active. */
function Scene({ network }: { network: NetworkKind | null }) {
  const view: GlobeView = { network, draft: createDraftArea(), link: null, room: createRoomState() }
  return (
    <GlobeViewContext.Provider value={view}>
      {NETWORK_KINDS.map((kind) => (
        <NetworkView key={kind} kind={kind} reducedMotion />
      ))}
    </GlobeViewContext.Provider>
  )
}

beforeAll(async () => {
  await appStore.getState().load()
}, 30_000)

describe('a globe fixed to one network', () => {
  it('shows its own network and hides the active one', async () => {
    appStore.getState().setNetwork('centralized')
    const r = await ReactThreeTestRenderer.create(<Scene network="p2p" />)
    // The layers are built in slices, a few tasks after mounting.
    for (let i = 0; i < 200 && !r.scene.instance.getObjectByName('links:centralized'); i++)
      await ReactThreeTestRenderer.act(() => new Promise((resolve) => setTimeout(resolve, 10)))
    await r.advanceFrames(1, 16)
    const visible = (name: string) => r.scene.instance.getObjectByName(name)!.visible
    expect(visible('nodes:p2p:2')).toBe(true)
    expect(visible('links:p2p')).toBe(true)
    expect(visible('nodes:centralized:0')).toBe(false)
    expect(visible('links:centralized')).toBe(false)
    // Switching the active network changes nothing on it, not even for a cross-fade.
    appStore.getState().setNetwork('decentralized')
    await r.advanceFrames(1, 16)
    expect(visible('nodes:p2p:2')).toBe(true)
    expect(visible('nodes:decentralized:0')).toBe(false)
    await r.unmount()
  })

  it('fades nothing in or out, while the app globe cross-fades', () => {
    const state = { ...appStore.getState(), active: 'p2p' as const, previous: 'centralized' as const }
    expect(viewOpacity('centralized', state, 'centralized', 0.5)).toBe(1)
    expect(viewOpacity('p2p', state, 'centralized', 0.5)).toBe(0)
    expect(viewOpacity('p2p', state, null, 0.5)).toBeCloseTo(0.5, 9)
  })

  it('flies to where the scenario happens on its own network', async () => {
    await appStore.getState().runScenario({ kind: 'site', at: { lat: 35.7, lon: 139.7 } })
    const state = appStore.getState()
    const p2p = focusOf(state, 'p2p')!
    // The p2p grid's nearest node to Tokyo, not the active network's site.
    const net = state.slots.p2p!.net
    expect(p2p).not.toEqual(state.focus)
    expect(Math.abs(p2p.lat - 35.7)).toBeLessThan(2)
    expect(Math.abs(p2p.lon - 139.7)).toBeLessThan(2)
    expect([...net.lat].some((lat, v) => lat === p2p.lat && net.lon[v] === p2p.lon)).toBe(true)
    expect(focusOf(state, null)).toBe(state.focus)
    expect(focusOf(state, state.active)).toBe(state.focus)
    await appStore.getState().reset()
  })
})
