import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Betweenness } from './betweenness.ts'
import { UnionFind, connectAlive, largestComponent } from './components.ts'
import { LinkBuilder, buildGraph, degrees, meanDegree } from './graph.ts'
import { Dijkstra, bfsHops } from './paths.ts'

/** A small random graph from fast-check: n nodes and a list of links (duplicates and loops dropped). */
const smallGraph = fc
  .integer({ min: 2, max: 14 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 40 }),
      weights: fc.array(fc.double({ min: 0.1, max: 100, noNaN: true }), { minLength: 40, maxLength: 40 }),
      down: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    }),
  )
  .map(({ n, pairs, weights, down }) => {
    const b = new LinkBuilder(n)
    for (const [u, v] of pairs) b.add(u, v)
    return { g: b.build(), weights, nodeUp: Uint8Array.from(down, (d) => (d ? 0 : 1)) }
  })

describe('graph', () => {
  it('builds the adjacency of every link both ways', () => {
    const g = buildGraph(4, [0, 1, 2], [1, 2, 3])
    expect(g.m).toBe(3)
    expect(Array.from(degrees(g))).toEqual([1, 2, 2, 1])
    expect(meanDegree(g)).toBe(1.5)
    const neighbours = (v: number) => Array.from(g.adj.subarray(g.off[v], g.off[v + 1])).sort()
    expect(neighbours(1)).toEqual([0, 2])
    expect(neighbours(3)).toEqual([2])
  })

  it('drops self-loops and repeated links', () => {
    const b = new LinkBuilder(3)
    expect(b.add(0, 1)).toBe(true)
    expect(b.add(1, 0)).toBe(false)
    expect(b.add(2, 2)).toBe(false)
    expect(b.build().m).toBe(1)
  })

  it('finds the largest group of working nodes', () => {
    // Two triangles joined by node 3; with 3 down they fall apart.
    const g = buildGraph(7, [0, 1, 2, 2, 3, 4, 5, 4], [1, 2, 0, 3, 4, 5, 6, 6])
    expect(largestComponent(g)).toBe(7)
    const up = new Uint8Array(7).fill(1)
    up[3] = 0
    expect(largestComponent(g, up)).toBe(3)
    const linkUp = new Uint8Array(g.m).fill(1)
    linkUp[3] = 0 // 2–3
    expect(largestComponent(g, undefined, linkUp)).toBe(4)
  })

  it('agrees with breadth-first search on connected groups', () => {
    fc.assert(
      fc.property(smallGraph, ({ g, nodeUp }) => {
        const uf = new UnionFind(g.n)
        connectAlive(g, nodeUp, null, uf)
        let largest = 0
        for (let s = 0; s < g.n; s++) {
          if (!nodeUp[s]) continue
          const hops = bfsHops(g, s, nodeUp)
          let size = 0
          for (let v = 0; v < g.n; v++) if (hops[v]! >= 0) size++
          largest = Math.max(largest, size)
          for (let v = 0; v < g.n; v++) expect(hops[v]! >= 0).toBe(nodeUp[v] === 1 && uf.find(v) === uf.find(s))
        }
        expect(uf.largest).toBe(largest)
      }),
    )
  })

  it('finds the same shortest distances as Floyd–Warshall', () => {
    fc.assert(
      fc.property(smallGraph, fc.nat(13), ({ g, weights, nodeUp }, s0) => {
        const source = s0 % g.n
        const w = Float64Array.from({ length: g.m }, (_, e) => weights[e]!)
        const d = Array.from({ length: g.n }, (_, i) => Array.from({ length: g.n }, (_, j) => (i === j ? 0 : Infinity)))
        for (let e = 0; e < g.m; e++) {
          const a = g.linkA[e]!
          const b = g.linkB[e]!
          if (!nodeUp[a] || !nodeUp[b]) continue
          d[a]![b] = Math.min(d[a]![b]!, w[e]!)
          d[b]![a] = Math.min(d[b]![a]!, w[e]!)
        }
        for (let k = 0; k < g.n; k++)
          for (let i = 0; i < g.n; i++)
            for (let j = 0; j < g.n; j++) if (d[i]![k]! + d[k]![j]! < d[i]![j]!) d[i]![j] = d[i]![k]! + d[k]![j]!
        const dist = new Dijkstra(g).run(w, nodeUp, null, [source])
        for (let v = 0; v < g.n; v++) {
          const want = nodeUp[source] && nodeUp[v] ? d[source]![v]! : Infinity
          if (want === Infinity) expect(dist[v]).toBe(Infinity)
          else expect(dist[v]).toBeCloseTo(want, 9)
        }
      }),
    )
  })

  it('measures load as betweenness, the same as counting shortest paths pair by pair', () => {
    fc.assert(
      fc.property(smallGraph, ({ g, nodeUp }) => {
        const hops = Array.from({ length: g.n }, (_, s) => bfsHops(g, s, nodeUp))
        // Number of shortest paths from s to every node, by BFS layers.
        const sigma = hops.map((h, s) => {
          const count = new Float64Array(g.n)
          if (!nodeUp[s]) return count
          count[s] = 1
          const order = Array.from({ length: g.n }, (_, v) => v)
            .filter((v) => h[v]! >= 0)
            .sort((a, b) => h[a]! - h[b]!)
          for (const v of order)
            for (let p = g.off[v]!; p < g.off[v + 1]!; p++) {
              const u = g.adj[p]!
              if (h[u] === h[v]! - 1) count[v]! += count[u]!
            }
          return count
        })
        const want = new Float64Array(g.n)
        for (let s = 0; s < g.n; s++)
          for (let t = 0; t < g.n; t++) {
            if (s === t || !nodeUp[s] || !nodeUp[t] || hops[s]![t]! < 0) continue
            for (let v = 0; v < g.n; v++) {
              if (v === s || v === t || hops[s]![v]! < 0 || hops[v]![t]! < 0) continue
              if (hops[s]![v]! + hops[v]![t]! === hops[s]![t]!)
                want[v]! += (sigma[s]![v]! * sigma[v]![t]!) / sigma[s]![t]!
            }
          }
        const got = new Betweenness(g).compute(nodeUp, null)
        for (let v = 0; v < g.n; v++) expect(got[v]).toBeCloseTo(want[v]!, 9)
      }),
    )
  })
})
