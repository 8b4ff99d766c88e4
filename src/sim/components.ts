/** Connected groups of working nodes: union-find over the nodes and links that are up. */

import type { Graph } from './graph.ts'

/** Union-find with path halving and union by size; reusable across steps without allocating. */
export class UnionFind {
  readonly parent: Int32Array
  readonly size: Int32Array
  /** Size of the largest set among those built with union(). */
  largest = 0

  constructor(readonly n: number) {
    this.parent = new Int32Array(n)
    this.size = new Int32Array(n)
    this.reset()
  }

  /** Every node its own set of size 1 (or 0 for nodes that are down, see resetAlive). */
  reset(): void {
    for (let i = 0; i < this.n; i++) {
      this.parent[i] = i
      this.size[i] = 1
    }
    this.largest = this.n > 0 ? 1 : 0
  }

  /** Singletons for the nodes that are up; nodes that are down get size 0 and never join anything. */
  resetAlive(nodeUp: Uint8Array): void {
    let any = 0
    for (let i = 0; i < this.n; i++) {
      this.parent[i] = i
      this.size[i] = nodeUp[i] ? 1 : 0
      any |= nodeUp[i]!
    }
    this.largest = any ? 1 : 0
  }

  /** Brings a node that was down (size 0) into play as a set of its own, for percolation built up node by node. */
  activate(v: number): void {
    this.parent[v] = v
    this.size[v] = 1
    if (this.largest < 1) this.largest = 1
  }

  find(x: number): number {
    const p = this.parent
    while (p[x] !== x) {
      const gp = p[p[x]!]!
      p[x] = gp
      x = gp
    }
    return x
  }

  union(a: number, b: number): number {
    let ra = this.find(a)
    let rb = this.find(b)
    if (ra === rb) return ra
    if (this.size[ra]! < this.size[rb]!) {
      const t = ra
      ra = rb
      rb = t
    }
    this.parent[rb] = ra
    const s = this.size[ra]! + this.size[rb]!
    this.size[ra] = s
    if (s > this.largest) this.largest = s
    return ra
  }
}

/**
 * Joins the ends of every link that is up and whose two nodes are up. Afterwards uf.largest is the size of the
 * largest connected group of working nodes.
 */
export function connectAlive(g: Graph, nodeUp: Uint8Array, linkUp: Uint8Array | null, uf: UnionFind): void {
  uf.resetAlive(nodeUp)
  const { linkA, linkB } = g
  for (let e = 0; e < g.m; e++) {
    if (linkUp && !linkUp[e]) continue
    const a = linkA[e]!
    const b = linkB[e]!
    if (nodeUp[a] && nodeUp[b]) uf.union(a, b)
  }
}

/** Size of the largest connected group of working nodes (a one-off helper; the engine reuses its own UnionFind). */
export function largestComponent(g: Graph, nodeUp?: Uint8Array, linkUp?: Uint8Array): number {
  const up = nodeUp ?? new Uint8Array(g.n).fill(1)
  const uf = new UnionFind(g.n)
  connectAlive(g, up, linkUp ?? null, uf)
  return uf.largest
}
