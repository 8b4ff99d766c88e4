/**
 * The DOM side of the site labels: one element per labelled site of a network, created once per network and
 * then only moved, faded and restyled in place (never re-rendered through React). Colours come from PALETTE as
 * CSS custom properties set through the CSSOM, which the page's CSP (no inline styles) allows.
 */

import type { Network } from '../sim/network'
import { NodeClass } from '../sim/network'
import type { NetworkKind } from '../store/store'
import { PALETTE, REGION_BASE_HEIGHT, REGION_HEIGHT_PER_SHARE } from './constants'
import { surfacePoint } from './geometry'
import { createLabelBoxes, Placement, priorityOrder, type LabelBoxes, type LayoutOptions } from './labelLayout'
import { hostedShare } from './nodes'

/** How far above a column's top its label's leader line ends, globe radii. */
const ANCHOR_LIFT = 0.012

/** A site's name as a small globe shows it: "Northern Virginia" as "N. Virginia". */
export function shortName(name: string): string {
  return name.replace(/\b(North|South|East|West)(ern)?\s/g, (_, side: string) => `${side[0]}. `)
}

export interface LabelPool {
  kind: NetworkKind
  net: Network
  container: HTMLDivElement
  elements: HTMLDivElement[]
  count: number
  /** Node index of each label. */
  nodes: Int32Array
  /** Where each label's leader line ends, xyz in the Earth's own frame (above the top of its column). */
  anchor: Float32Array
  /** Share of services each site hosts: the larger, the more a label deserves its place. */
  priority: Float32Array
  /** Each site's share of services, the priority it has while up. */
  share: Float32Array
  /** Labels by priority, largest first: a site's share, and the sites that are down before all others. */
  order: Int32Array
  /** Where the labels are on screen and their sizes (measured when they may have changed), for labelLayout. */
  boxes: LabelBoxes
  /** Reused for every layout, so that laying out allocates nothing. */
  options: LayoutOptions
  /** 0 to 1: how far each site faces the viewer (labels fade out towards the limb). */
  limb: Float32Array
  /** 0 to 1: eased towards shown, so a label pushed out by another fades instead of blinking. */
  alpha: Float32Array
  /** Node state each label shows (LabelState: 1 up, 0 down, 2 up but not answering). */
  up: Uint8Array
  /** What was last written to each element, so unchanged values are not written again. */
  writtenX: Float32Array
  writtenY: Float32Array
  writtenOpacity: Float32Array
  writtenPlacement: Int8Array
  /** Short names and smaller type, for a small globe (an embed's): see setCompact. */
  compact: boolean
  dispose(): void
}

/** Leader line lengths, CSS pixels (kept in step with .site-label::after in styles.css): below a label, beside one. */
const LEADER_PX = 7
const SIDE_PX = 8
/** Where a label hanging beside its site meets its leader line, below its top edge (styles.css: 7px + border). */
const HANG_PX = 8
/** Space kept between two labels, CSS pixels. */
const GAP_PX = 4

const PLACEMENT_NAMES: Record<Placement, string> = {
  [Placement.none]: 'none',
  [Placement.above]: 'above',
  [Placement.right]: 'right',
  [Placement.left]: 'left',
  [Placement.rightLow]: 'right-low',
  [Placement.leftLow]: 'left-low',
}

/** Builds the labels of a network's cloud regions inside `host` (nothing for a network without labels). */
export function createLabelPool(net: Network, kind: NetworkKind, host: HTMLElement): LabelPool {
  const sites: number[] = []
  for (const v of net.labels.keys()) if (net.nodeClass[v] === NodeClass.region) sites.push(v)
  const count = sites.length
  const share = hostedShare(net)
  const container = document.createElement('div')
  container.className = 'site-labels'
  // The canvas already describes the scene (role="img"); these move every frame and would only be noise.
  container.setAttribute('aria-hidden', 'true')
  container.dataset.network = kind
  container.style.setProperty('--site-color', PALETTE[kind].node)
  container.style.setProperty('--site-failed', PALETTE.failed)
  container.style.setProperty('--site-impaired', PALETTE.impaired)

  const anchor = new Float32Array(count * 3)
  const priority = new Float32Array(count)
  const p: [number, number, number] = [0, 0, 0]
  const elements = sites.map((v, i) => {
    const height = REGION_BASE_HEIGHT + REGION_HEIGHT_PER_SHARE * share[v]!
    surfacePoint(net.lat[v]!, net.lon[v]!, height + ANCHOR_LIFT, p)
    anchor.set(p, i * 3)
    priority[i] = share[v]!
    const el = document.createElement('div')
    el.className = 'site-label'
    el.dataset.node = String(v)
    const name = document.createElement('span')
    name.className = 'site-label__name'
    name.textContent = net.labels.get(v)!
    const short = document.createElement('span')
    short.className = 'site-label__short'
    short.textContent = shortName(net.labels.get(v)!)
    const state = document.createElement('span')
    state.className = 'site-label__state'
    state.textContent = 'down'
    el.append(name, short, state)
    el.style.visibility = 'hidden'
    container.append(el)
    return el
  })
  host.append(container)

  return {
    kind,
    net,
    container,
    elements,
    count,
    nodes: Int32Array.from(sites),
    anchor,
    priority,
    share: priority.slice(),
    order: priorityOrder(priority, count, new Int32Array(count)),
    boxes: createLabelBoxes(count),
    options: { leader: LEADER_PX, side: SIDE_PX, hang: HANG_PX, gap: GAP_PX, width: 0, height: 0 },
    limb: new Float32Array(count),
    alpha: new Float32Array(count),
    up: new Uint8Array(count).fill(1),
    writtenX: new Float32Array(count).fill(NaN),
    writtenY: new Float32Array(count).fill(NaN),
    writtenOpacity: new Float32Array(count).fill(0),
    writtenPlacement: new Int8Array(count).fill(Placement.none),
    compact: false,
    dispose() {
      container.remove()
    },
  }
}

/** Short names and smaller type for every label of the pool, or the full ones; each label measured again. */
export function setCompact(pool: LabelPool, compact: boolean): void {
  pool.compact = compact
  pool.container.classList.toggle('is-compact', compact)
  for (let i = 0; i < pool.count; i++) measureLabel(pool, i)
}

/** Reads one label's size from the layout (forces a reflow: only when the text, state or viewport changed). */
export function measureLabel(pool: LabelPool, i: number): void {
  const el = pool.elements[i]!
  pool.boxes.width[i] = el.offsetWidth
  pool.boxes.height[i] = el.offsetHeight
}

/** Label states: the site works, is up but what it hosts does not answer (a shared plane is down), or is down. */
export const LabelState = { down: 0, up: 1, impaired: 2 } as const
export type LabelState = (typeof LabelState)[keyof typeof LabelState]

/** Shows a label's site as working, up but not answering, or failed. */
export function setLabelUp(pool: LabelPool, i: number, state: LabelState | boolean): void {
  const st: LabelState = state === true ? LabelState.up : state === false ? LabelState.down : state
  pool.up[i] = st
  const el = pool.elements[i]!
  el.classList.toggle('is-down', st === LabelState.down)
  el.classList.toggle('is-impaired', st === LabelState.impaired)
  el.querySelector('.site-label__state')!.textContent = st === LabelState.impaired ? 'impaired' : 'down'
  // A site that is down or not answering is named before every site that is up (shares are at most 1).
  pool.priority[i] = pool.share[i]! + (st === LabelState.up ? 0 : 1)
  priorityOrder(pool.priority, pool.count, pool.order)
}

/** Moves a label where the layout put it (whole pixels keep the text crisp), its leader line on the right side. */
export function placeLabel(pool: LabelPool, i: number): void {
  const { boxes } = pool
  const place = boxes.placement[i]! as Placement
  if (place !== pool.writtenPlacement[i]) {
    pool.writtenPlacement[i] = place
    pool.elements[i]!.dataset.place = PLACEMENT_NAMES[place]
  }
  const x = Math.round(boxes.labelLeft[i]!)
  const y = Math.round(boxes.labelTop[i]!)
  if (x === pool.writtenX[i] && y === pool.writtenY[i]) return
  pool.writtenX[i] = x
  pool.writtenY[i] = y
  pool.elements[i]!.style.transform = `translate3d(${x}px, ${y}px, 0)`
}

/** Fades a label; hidden outright (out of the accessibility and hit-testing trees too) when fully transparent. */
export function fadeLabel(pool: LabelPool, i: number, opacity: number): void {
  const o = opacity < 0.01 ? 0 : Math.round(opacity * 100) / 100
  const was = pool.writtenOpacity[i]!
  if (o === was) return
  pool.writtenOpacity[i] = o
  const el = pool.elements[i]!
  el.style.opacity = String(o)
  if ((o === 0) !== (was === 0)) el.style.visibility = o === 0 ? 'hidden' : 'visible'
}
