import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef, useState } from 'react'
import type { PerspectiveCamera } from 'three'
import type { SimSnapshot } from '../worker/protocol'
import type { Network } from '../sim/network'
import { NodeClass } from '../sim/network'
import { appStore, useAppStore } from '../store/appStore'
import type { NetworkKind } from '../store/store'
import { animateFor } from './animation'
import { PALETTE } from './constants'
import { useGlobeView, viewOpacity } from './globeView'
import { linkLayerSteps, type LinkLayer } from './links'
import { createNodeLayer, type NodeLayer } from './nodes'
import { pointScale } from './points'
import { runSliced } from './slices'
import { sceneNow } from './stateShader'

/** How strongly each network's links show: the cloud's few arcs can be bright, a mesh of thousands must be quiet. */
const LINK_ALPHA: Record<NetworkKind, number> = { centralized: 0.42, decentralized: 0.4, p2p: 0.35, imported: 0.35 }

/** Links longer than this (radians, about 600 km) are a mesh's long links. */
const LONG_LINK = 0.1

/**
 * Per-link weight: in a cloud, the links from points of presence to regions are the picture (everything hangs
 * on them) and the backbone between regions stays in the background; in a mesh, the local links are the fabric
 * and the few long ones are faint threads.
 */
function linkWeight(net: Network): (link: number, angle: number) => number {
  const { linkA, linkB } = net.graph
  if (net.kind === 'centralized' || net.kind === 'decentralized') {
    return (e) =>
      net.nodeClass[linkA[e]!] === NodeClass.region && net.nodeClass[linkB[e]!] === NodeClass.region ? 0.3 : 1
  }
  return (_, angle) => (angle > LONG_LINK ? 0.14 : 1)
}

interface Layers {
  nodes: NodeLayer
  links: LinkLayer
}

/**
 * A network's layers, made in steps: the links' arcs a few thousand at a time, then, in the same slice as the
 * links' GPU objects, the nodes. Nothing exists to dispose until the last step, so a build abandoned half way
 * (the network replaced, the globe gone) leaves nothing behind.
 */
function* layerSteps(net: Network, kind: NetworkKind): Generator<void, Layers> {
  const colors = PALETTE[kind]
  const links = yield* linkLayerSteps(net, colors.link, LINK_ALPHA[kind], linkWeight(net))
  return { links, nodes: createNodeLayer(net, colors) }
}

interface NetworkViewProps {
  kind: NetworkKind
  reducedMotion: boolean
}

export { switchOpacity } from './globeView'

/**
 * One network's nodes and links, built once per network and kept while the viewer looks at another one (it is
 * only hidden), so switching back and forth creates nothing new. Its state follows the network's simulation.
 */
export function NetworkView({ kind, reducedMotion }: NetworkViewProps) {
  const net = useAppStore((s) => s.slots[kind]?.net)
  const size = useThree((s) => s.size)
  const dpr = useThree((s) => s.viewport.dpr)
  const camera = useThree((s) => s.camera)
  const { network } = useGlobeView()
  // Built in slices after the network arrives (a 100,000-node mesh takes longer than a frame to lay out), so the
  // page keeps answering meanwhile; until then the network is simply not drawn yet.
  const [layers, setLayers] = useState<Layers | null>(null)
  // The layers the frame loop may touch: disposed ones never, even before React has taken them off the scene.
  const live = useRef<Layers | null>(null)
  const synced = useRef<{ view: SimSnapshot | null; frame: number }>({ view: null, frame: -1 })
  const invalidate = useThree((s) => s.invalidate)
  const get = useThree((s) => s.get)

  useEffect(() => {
    if (!net) return
    let built: Layers | null = null
    const cancel = runSliced(layerSteps(net, kind), (l) => {
      built = l
      // The links' width is in pixels of the canvas: known before their first frame, which may come before any
      // effect of React's runs (a frame drawn with the default 1×1 viewport floods the canvas with link colour).
      const { size: now, viewport } = get()
      l.links.setViewport(now.width * viewport.dpr, now.height * viewport.dpr, viewport.dpr)
      live.current = l
      synced.current = { view: null, frame: -1 }
      setLayers(l)
      invalidate()
    })
    return () => {
      cancel()
      live.current = null
      if (built) {
        // Hidden first: a frame drawn before React removes them must not upload them again.
        built.links.mesh.visible = false
        for (const o of built.nodes.objects) o.visible = false
        built.nodes.dispose()
        built.links.dispose()
      }
      setLayers(null)
    }
  }, [net, kind, invalidate, get])

  // A new size or pixel ratio: the links' width follows, and a frame shows it (frames come on demand).
  useEffect(() => {
    if (!layers) return
    layers.links.setViewport(size.width * dpr, size.height * dpr, dpr)
    invalidate()
  }, [layers, size, dpr, invalidate])

  useFrame(() => {
    const layers = live.current
    if (!layers) return
    const state = appStore.getState()
    const slot = state.slots[kind]
    if (!slot) return
    const now = sceneNow()
    if (slot.view !== synced.current.view || state.frame !== synced.current.frame) {
      synced.current = { view: slot.view, frame: state.frame }
      const a = layers.nodes.sync(slot.view, now)
      const b = layers.links.sync(slot.view, now)
      if ((a || b) && !reducedMotion) animateFor(6)
    }
    const since = reducedMotion ? Infinity : now - state.switchedAt / 1000
    const opacity = viewOpacity(kind, state, network, since)
    layers.nodes.setOpacity(opacity)
    layers.links.setOpacity(opacity)
    // Under reduced motion every transition is instant: the shaders see a clock far ahead.
    const shaderNow = reducedMotion ? now + 1e4 : now
    layers.nodes.setNow(shaderNow)
    layers.links.setNow(shaderNow)
    layers.nodes.setPointScale(pointScale(size.height * dpr, (camera as PerspectiveCamera).fov))
  })

  if (!layers) return null
  return (
    <group name={`network:${kind}`}>
      <primitive object={layers.links.mesh} />
      {layers.nodes.objects.map((m) => (
        <primitive key={m.name} object={m} />
      ))}
    </group>
  )
}
