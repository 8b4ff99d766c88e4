/**
 * Load as shortest-path betweenness (Brandes 2001): one unit exchanged between every ordered pair of working
 * nodes, split equally over equal-length (hop count) paths; a node's load is the flow through it, endpoints
 * excluded. This is the load of the Motter–Lai cascade model.
 *
 * Exact betweenness costs O(n·m). Above a few thousand nodes the caller passes a sample of sources instead
 * (Brandes & Pich 2007); the result is scaled by n / sources so it estimates the exact value.
 */

import type { Graph } from './graph.ts'

export class Betweenness {
  readonly load: Float64Array
  private readonly sigma: Float64Array
  private readonly delta: Float64Array
  private readonly dist: Int32Array
  private readonly queue: Int32Array

  constructor(readonly g: Graph) {
    const n = g.n
    this.load = new Float64Array(n)
    this.sigma = new Float64Array(n)
    this.delta = new Float64Array(n)
    this.dist = new Int32Array(n)
    this.queue = new Int32Array(n)
  }

  /**
   * Computes the load of every working node. sources: the nodes to run from (all nodes when null); nodes and
   * links that are down carry nothing. Returns this.load (reused between calls).
   */
  compute(nodeUp: Uint8Array, linkUp: Uint8Array | null, sources: ArrayLike<number> | null = null): Float64Array {
    const { n, off, adj, adjLink } = this.g
    const { load, sigma, delta, dist, queue } = this
    load.fill(0)
    const count = sources ? sources.length : n
    if (count === 0) return load
    const scale = sources ? n / count : 1
    dist.fill(-1)
    for (let k = 0; k < count; k++) {
      const s = sources ? sources[k]! : k
      if (!nodeUp[s]) continue
      // BFS from s, recording the visit order; the queue doubles as the order (a stack read backwards).
      let head = 0
      let tail = 0
      dist[s] = 0
      sigma[s] = 1
      delta[s] = 0
      queue[tail++] = s
      while (head < tail) {
        const u = queue[head++]!
        const du = dist[u]!
        for (let p = off[u]!, end = off[u + 1]!; p < end; p++) {
          const v = adj[p]!
          if (!nodeUp[v]) continue
          if (linkUp && !linkUp[adjLink[p]!]) continue
          if (dist[v] === -1) {
            dist[v] = du + 1
            sigma[v] = 0
            delta[v] = 0
            queue[tail++] = v
          }
          if (dist[v] === du + 1) sigma[v]! += sigma[u]!
        }
      }
      // Accumulate dependencies in reverse BFS order: a node's predecessors are its neighbours one hop closer.
      for (let i = tail - 1; i > 0; i--) {
        const w = queue[i]!
        const dw = dist[w]!
        const coeff = (1 + delta[w]!) / sigma[w]!
        for (let p = off[w]!, end = off[w + 1]!; p < end; p++) {
          const v = adj[p]!
          // Only working nodes were reached, so dist[v] set means v is up.
          if (dist[v] !== dw - 1) continue
          if (linkUp && !linkUp[adjLink[p]!]) continue
          delta[v]! += sigma[v]! * coeff
        }
        load[w]! += delta[w]! * scale
      }
      for (let i = 0; i < tail; i++) dist[queue[i]!] = -1
    }
    return load
  }
}

/** Convenience: exact betweenness of a whole graph with every node and link working. */
export function betweenness(g: Graph, sources: ArrayLike<number> | null = null): Float64Array {
  const b = new Betweenness(g)
  return b.compute(new Uint8Array(g.n).fill(1), null, sources).slice()
}
