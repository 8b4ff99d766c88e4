/**
 * Where the selected node's details belong on screen. The store says which node is selected (store.select);
 * this says how it was chosen and where the node and the pointer are, which changes with every pointer move and
 * every turn of the globe: far too often for the store. The picking code writes this one object in place and
 * tells the listeners (the details card, NodeInfo.tsx), which move their elements without a React render.
 */

import type { NetworkKind } from '../store/store'

/** Hovered with a mouse or pen (a card beside the pointer), tapped (a card at the bottom), or chosen by key. */
export type SelectionMode = 'hover' | 'tap' | 'key'

export interface SelectionAnchor {
  /** The globe (its picking controller) that made the selection; null before any. */
  owner: object | null
  kind: NetworkKind | null
  node: number
  mode: SelectionMode
  /** The pointer, CSS pixels in the viewport (clientX/clientY); NaN without one. */
  pointerX: number
  pointerY: number
  /** The node on screen, CSS pixels in the viewport; NaN while it is behind the globe. */
  nodeX: number
  nodeY: number
}

export const selectionAnchor: SelectionAnchor = {
  owner: null,
  kind: null,
  node: -1,
  mode: 'hover',
  pointerX: NaN,
  pointerY: NaN,
  nodeX: NaN,
  nodeY: NaN,
}

const listeners: (() => void)[] = []

/** Tells every listener the anchor changed (an indexed loop: this runs on pointer moves). */
export function publishAnchor(): void {
  for (let i = 0; i < listeners.length; i++) listeners[i]!()
}

export function subscribeAnchor(listener: () => void): () => void {
  listeners.push(listener)
  return () => {
    const i = listeners.indexOf(listener)
    if (i >= 0) listeners.splice(i, 1)
  }
}

/** Whether the anchor describes this node of this network (the store's selection may come from elsewhere). */
export function anchorMatches(kind: NetworkKind, node: number): boolean {
  return selectionAnchor.kind === kind && selectionAnchor.node === node && selectionAnchor.owner !== null
}
