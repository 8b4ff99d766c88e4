/** Shortest paths: multi-source Dijkstra over link latencies, reusing its buffers from call to call. */

import type { Graph } from './graph.ts'

/** A binary min-heap of (key, node) on typed arrays; stale entries are skipped by the caller (lazy deletion). */
class MinHeap {
  keys: Float64Array
  vals: Int32Array
  length = 0

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity))
    this.vals = new Int32Array(Math.max(16, capacity))
  }

  push(key: number, val: number): void {
    if (this.length === this.keys.length) {
      const k = new Float64Array(this.keys.length * 2)
      const v = new Int32Array(this.vals.length * 2)
      k.set(this.keys)
      v.set(this.vals)
      this.keys = k
      this.vals = v
    }
    const keys = this.keys
    const vals = this.vals
    let i = this.length++
    while (i > 0) {
      const p = (i - 1) >> 1
      if (keys[p]! <= key) break
      keys[i] = keys[p]!
      vals[i] = vals[p]!
      i = p
    }
    keys[i] = key
    vals[i] = val
  }

  /** Removes the minimum; its key and value are left in topKey/topVal. */
  topKey = 0
  topVal = 0
  pop(): void {
    const keys = this.keys
    const vals = this.vals
    this.topKey = keys[0]!
    this.topVal = vals[0]!
    const n = --this.length
    if (n === 0) return
    const key = keys[n]!
    const val = vals[n]!
    let i = 0
    for (;;) {
      let c = 2 * i + 1
      if (c >= n) break
      if (c + 1 < n && keys[c + 1]! < keys[c]!) c++
      if (keys[c]! >= key) break
      keys[i] = keys[c]!
      vals[i] = vals[c]!
      i = c
    }
    keys[i] = key
    vals[i] = val
  }
}

export class Dijkstra {
  /** Distance from the nearest source after run(); Infinity where unreachable. */
  readonly dist: Float64Array
  /** The previous node on a shortest path from the nearest source; -1 at sources and unreached nodes. */
  readonly prev: Int32Array
  private readonly heap: MinHeap

  constructor(readonly g: Graph) {
    this.dist = new Float64Array(g.n)
    this.prev = new Int32Array(g.n)
    this.heap = new MinHeap(g.n + 16)
  }

  /**
   * Multi-source shortest paths. weight[e] is the cost of link e; nodes and links that are down are skipped.
   * sources[i] for i < sourceCount start at distance 0 (a source that is down is ignored).
   */
  run(
    weight: ArrayLike<number>,
    nodeUp: Uint8Array,
    linkUp: Uint8Array | null,
    sources: ArrayLike<number>,
    sourceCount = sources.length,
  ): Float64Array {
    const { off, adj, adjLink } = this.g
    const dist = this.dist
    const prev = this.prev
    dist.fill(Infinity)
    prev.fill(-1)
    const heap = this.heap
    heap.length = 0
    for (let i = 0; i < sourceCount; i++) {
      const s = sources[i]!
      if (s < 0 || !nodeUp[s] || dist[s] === 0) continue
      dist[s] = 0
      heap.push(0, s)
    }
    while (heap.length > 0) {
      heap.pop()
      const d = heap.topKey
      const u = heap.topVal
      if (d > dist[u]!) continue
      for (let p = off[u]!, end = off[u + 1]!; p < end; p++) {
        const v = adj[p]!
        if (!nodeUp[v]) continue
        const e = adjLink[p]!
        if (linkUp && !linkUp[e]) continue
        const nd = d + weight[e]!
        if (nd < dist[v]!) {
          dist[v] = nd
          prev[v] = u
          heap.push(nd, v)
        }
      }
    }
    return dist
  }
}

/** Hop distances from one source by breadth-first search (-1 where unreachable); for tests and small graphs. */
export function bfsHops(g: Graph, source: number, nodeUp?: Uint8Array): Int32Array {
  const hops = new Int32Array(g.n).fill(-1)
  const queue = new Int32Array(g.n)
  let head = 0
  let tail = 0
  hops[source] = 0
  queue[tail++] = source
  while (head < tail) {
    const u = queue[head++]!
    for (let p = g.off[u]!; p < g.off[u + 1]!; p++) {
      const v = g.adj[p]!
      if (hops[v] !== -1 || (nodeUp && !nodeUp[v])) continue
      hops[v] = hops[u]! + 1
      queue[tail++] = v
    }
  }
  return hops
}
