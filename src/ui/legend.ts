/**
 * What the legend says for each network: every colour and shape the globe draws, in the order the eye meets
 * them (the network, then the people it serves, then what failure looks like). Colours are not here: each
 * swatch names a colour role, and Legend.tsx maps the roles to PALETTE, so the legend can never drift from the
 * scene.
 */

import { PALETTE } from '../scene/constants'
import type { NetworkKind } from '../store/store'

/** How a swatch is drawn (see .legend__swatch--* in styles.css). */
export type SwatchShape = 'column' | 'dot' | 'line' | 'glow' | 'particle' | 'flash' | 'disc'

/** Which colour a swatch takes (a CSS custom property on the legend, set from PALETTE). */
export type SwatchColor =
  | 'node'
  | 'minor'
  | 'link'
  | 'people'
  | 'losing'
  | 'cut'
  | 'traffic'
  | 'rerouted'
  | 'failed'
  | 'impaired'
  | 'recovered'
  | 'disaster'

export interface LegendEntry {
  id: string
  shape: SwatchShape
  color: SwatchColor
  name: string
  /** A few words more, shown after the name. */
  detail?: string
}

const CLOUD: LegendEntry[] = [
  { id: 'region', shape: 'column', color: 'node', name: 'Cloud region', detail: 'height: share of services' },
  { id: 'pop', shape: 'dot', color: 'minor', name: 'Point of presence', detail: 'where people enter' },
  { id: 'link', shape: 'line', color: 'link', name: 'Link', detail: 'faint: region to region' },
]

const P2P: LegendEntry[] = [
  { id: 'peer', shape: 'dot', color: 'node', name: 'Small node', detail: 'independently run' },
  { id: 'link', shape: 'line', color: 'link', name: 'Link', detail: 'faint: long links' },
]

const SHARED: LegendEntry[] = [
  { id: 'people', shape: 'glow', color: 'people', name: 'People served' },
  { id: 'losing', shape: 'glow', color: 'losing', name: 'People losing services' },
  { id: 'cut', shape: 'dot', color: 'cut', name: 'People cut off' },
  { id: 'traffic', shape: 'particle', color: 'traffic', name: 'Traffic to services' },
  { id: 'rerouted', shape: 'particle', color: 'rerouted', name: 'Rerouted', detail: 'a new path around a failure' },
  { id: 'failed', shape: 'dot', color: 'failed', name: 'Failed node or link' },
  {
    id: 'impaired',
    shape: 'dot',
    color: 'impaired',
    name: 'Impaired',
    detail: 'up, but some of what it hosts does not answer: a shared plane is down',
  },
  { id: 'repaired', shape: 'flash', color: 'recovered', name: 'Repaired', detail: 'white flash' },
  { id: 'disaster', shape: 'disc', color: 'disaster', name: 'Disaster area' },
]

export const LEGEND: Record<NetworkKind, readonly LegendEntry[]> = {
  centralized: [...CLOUD, ...SHARED],
  decentralized: [...CLOUD, ...SHARED],
  p2p: [...P2P, ...SHARED],
  imported: [
    { id: 'imported', shape: 'dot', color: 'node', name: 'Node', detail: 'from the imported file' },
    { id: 'link', shape: 'line', color: 'link', name: 'Link' },
    ...SHARED,
  ],
}

/** The CSS custom properties the swatches read, with their colours for a network. */
export function legendColors(kind: NetworkKind): Record<`--legend-${SwatchColor}`, string> {
  const net = PALETTE[kind]
  return {
    '--legend-node': net.node,
    '--legend-minor': net.minor,
    '--legend-link': net.link,
    '--legend-people': PALETTE.people,
    '--legend-losing': PALETTE.peopleLosing,
    '--legend-cut': PALETTE.peopleCut,
    '--legend-traffic': PALETTE.traffic,
    '--legend-rerouted': PALETTE.rerouted,
    '--legend-failed': PALETTE.failed,
    '--legend-impaired': PALETTE.impaired,
    '--legend-recovered': PALETTE.recovered,
    '--legend-disaster': PALETTE.disaster,
  }
}
