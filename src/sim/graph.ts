/**
 * Undirected graphs on typed arrays. Links are numbered 0..m-1 with their two ends in linkA/linkB; the
 * adjacency is compressed sparse rows (CSR): the neighbours of v are adj[off[v] .. off[v+1]) and the link that
 * leads to each is adjLink at the same position.
 */

export interface Graph {
  n: number
  m: number
  linkA: Uint32Array
  linkB: Uint32Array
  off: Uint32Array
  adj: Uint32Array
  adjLink: Uint32Array
}

/** Collects links without duplicates or self-loops, then freezes them into a Graph. */
export class LinkBuilder {
  private a: Uint32Array
  private b: Uint32Array
  private count = 0
  private readonly seen = new Set<number>()

  constructor(
    readonly n: number,
    capacity = 16,
  ) {
    this.a = new Uint32Array(Math.max(16, capacity))
    this.b = new Uint32Array(Math.max(16, capacity))
  }

  get size(): number {
    return this.count
  }

  has(u: number, v: number): boolean {
    return this.seen.has(u < v ? u * this.n + v : v * this.n + u)
  }

  /** Adds the link u–v; returns false for a self-loop or a link already present. */
  add(u: number, v: number): boolean {
    if (u === v) return false
    const key = u < v ? u * this.n + v : v * this.n + u
    if (this.seen.has(key)) return false
    this.seen.add(key)
    if (this.count === this.a.length) {
      const a = new Uint32Array(this.a.length * 2)
      const b = new Uint32Array(this.b.length * 2)
      a.set(this.a)
      b.set(this.b)
      this.a = a
      this.b = b
    }
    this.a[this.count] = Math.min(u, v)
    this.b[this.count] = Math.max(u, v)
    this.count++
    return true
  }

  build(): Graph {
    return buildGraph(this.n, this.a.subarray(0, this.count), this.b.subarray(0, this.count))
  }
}

/** Builds the CSR adjacency for n nodes and the links a[i]–b[i]; links are kept in the order given. */
export function buildGraph(n: number, a: ArrayLike<number>, b: ArrayLike<number>): Graph {
  const m = a.length
  const linkA = Uint32Array.from(a)
  const linkB = Uint32Array.from(b)
  const off = new Uint32Array(n + 1)
  for (let e = 0; e < m; e++) {
    off[linkA[e]! + 1]!++
    off[linkB[e]! + 1]!++
  }
  for (let v = 0; v < n; v++) off[v + 1]! += off[v]!
  const fill = off.slice(0, n)
  const adj = new Uint32Array(2 * m)
  const adjLink = new Uint32Array(2 * m)
  for (let e = 0; e < m; e++) {
    const u = linkA[e]!
    const v = linkB[e]!
    let p = fill[u]!++
    adj[p] = v
    adjLink[p] = e
    p = fill[v]!++
    adj[p] = u
    adjLink[p] = e
  }
  return { n, m, linkA, linkB, off, adj, adjLink }
}

export function degree(g: Graph, v: number): number {
  return g.off[v + 1]! - g.off[v]!
}

export function degrees(g: Graph): Uint32Array {
  const d = new Uint32Array(g.n)
  for (let v = 0; v < g.n; v++) d[v] = g.off[v + 1]! - g.off[v]!
  return d
}

/** Mean degree 2m/n. */
export function meanDegree(g: Graph): number {
  return g.n === 0 ? 0 : (2 * g.m) / g.n
}
