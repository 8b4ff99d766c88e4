/**
 * The iframe code for the view on screen: a URL with the parameters urlParams.ts reads (embed, network,
 * scenario and its parameters, seed, nodes, theme, the compare view's two networks), so the embedded demo opens on the same network under the
 * same failure from the same seed. What the URL cannot say (an imported network, a push through a numbered
 * operator) is left out and named.
 */

import type { ScenarioSpec } from '../../sim/scenarios'
import type { Theme } from '../../store/store'

export type BuiltInNetwork = 'centralized' | 'decentralized' | 'p2p'

/** The state an embed reproduces. */
export interface EmbedView {
  network: BuiltInNetwork | 'imported'
  scenario: ScenarioSpec
  seed: number
  /** Nodes of the peer-to-peer grid, when it was rebuilt with its own count. */
  nodes?: number
  theme: Theme
  /** The two networks side by side, when the compare view is on. */
  compare?: { left: BuiltInNetwork | 'imported'; right: BuiltInNetwork | 'imported' }
}

export interface EmbedLink {
  url: string
  /** What the link could not carry, in plain sentences. */
  omitted: string[]
}

/** Coordinates and shares to a millionth: the URL parser takes plain decimals only (no exponent). */
function decimal(x: number): string {
  return String(Number(x.toFixed(6)))
}

/** The URL of the view, embedded. `base` is the demo's address without its query. */
export function buildEmbedUrl(base: string, view: EmbedView): EmbedLink {
  const omitted: string[] = []
  const p = new URLSearchParams()
  p.set('embed', '1')
  if (view.network === 'imported')
    omitted.push('An imported network cannot be embedded by link; it shows the peer-to-peer grid.')
  const network: BuiltInNetwork = view.network === 'imported' ? 'p2p' : view.network
  p.set('network', network)
  if (network === 'p2p' && view.nodes !== undefined) p.set('nodes', String(view.nodes))
  const s = view.scenario
  p.set('scenario', s.kind)
  const place = (at: { lat: number; lon: number }) => {
    p.set('lat', decimal(at.lat))
    p.set('lon', decimal(at.lon))
  }
  switch (s.kind) {
    case 'site':
      if (s.at !== 'largest') place(s.at)
      break
    case 'region':
      place(s)
      p.set('radius', decimal(s.radiusKm))
      break
    case 'random':
    case 'links':
      p.set('fraction', decimal(s.fraction))
      break
    case 'attack':
      p.set('fraction', decimal(s.fraction))
      p.set('by', s.by)
      break
    case 'cascade':
      p.set('alpha', decimal(s.alpha))
      p.set('trigger', s.trigger)
      break
    case 'spread':
      p.set('t', decimal(s.transmissibility))
      if (s.at) place(s.at)
      break
    case 'push':
      p.set('t', decimal(s.transmissibility))
      if (typeof s.operator === 'number')
        omitted.push('The push is through the largest operator: a numbered one cannot go in a link.')
      else p.set('operator', s.operator)
      break
    case 'none':
    case 'churn':
      break
  }
  if (view.compare) {
    const { left, right } = view.compare
    if (left === 'imported' || right === 'imported')
      omitted.push('An imported network cannot be embedded by link: the embed shows one network, not the comparison.')
    else p.set('compare', `${left},${right}`)
  }
  p.set('seed', String(view.seed))
  if (view.theme !== 'dark') p.set('theme', view.theme)
  return { url: `${base}?${p.toString()}`, omitted }
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The markup to paste into a page: a 16:10 frame, borderless, loaded when scrolled near. */
export function iframeCode(url: string): string {
  return (
    `<iframe src="${escapeAttribute(url)}" title="p2p-globe: why a peer-to-peer internet survives failures" ` +
    `width="800" height="500" style="border:0;max-width:100%" loading="lazy" allow="fullscreen"></iframe>`
  )
}
