/**
 * Textbook graphs for checking the model against published results: Erdős–Rényi random graphs,
 * Barabási–Albert scale-free graphs and Baran's grids of redundancy 1 to 4.
 */

import type { Graph } from './graph.ts'
import { LinkBuilder } from './graph.ts'
import type { Network } from './network.ts'
import { NodeClass } from './network.ts'
import type { Rng } from './rng.ts'

/** G(n, m) with m = round(n·k/2) distinct links chosen uniformly: mean degree k. */
export function erdosRenyi(n: number, meanDegree: number, rng: Rng): Graph {
  const m = Math.round((n * meanDegree) / 2)
  const links = new LinkBuilder(n, m)
  while (links.size < m) links.add(rng.int(n), rng.int(n))
  return links.build()
}

/**
 * Barabási–Albert preferential attachment: start from a clique of m + 1 nodes, then each new node links to m
 * distinct existing nodes chosen with probability proportional to their degree. Mean degree about 2m.
 */
export function barabasiAlbert(n: number, m: number, rng: Rng): Graph {
  const links = new LinkBuilder(n, n * m)
  // Every link end once in `ends`: a uniform pick from it is a degree-proportional pick of a node.
  const ends = new Int32Array(2 * n * m + (m + 1) * m)
  let count = 0
  for (let a = 0; a <= m; a++) {
    for (let b = a + 1; b <= m; b++) {
      links.add(a, b)
      ends[count++] = a
      ends[count++] = b
    }
  }
  const picked: number[] = []
  for (let v = m + 1; v < n; v++) {
    picked.length = 0
    while (picked.length < m) {
      const u = ends[rng.int(count)]!
      if (!picked.includes(u)) picked.push(u)
    }
    for (const u of picked) {
      links.add(v, u)
      ends[count++] = v
      ends[count++] = u
    }
  }
  return links.build()
}

/**
 * Baran's distributed grids (RM-3420, 1964) on a w × h lattice, by redundancy level R (links over the minimum
 * n − 1): R = 1, a line snaking through the grid (degree 2); R = 2, four neighbours; R = 3, four neighbours
 * and one diagonal (six); R = 4, all eight neighbours.
 */
export function baranGrid(w: number, h: number, redundancy: 1 | 2 | 3 | 4): Graph {
  const n = w * h
  const id = (x: number, y: number) => y * w + x
  const links = new LinkBuilder(n, n * redundancy)
  if (redundancy === 1) {
    // Boustrophedon path: row by row, alternating direction.
    let prev = -1
    for (let y = 0; y < h; y++) {
      for (let i = 0; i < w; i++) {
        const v = id(y % 2 === 0 ? i : w - 1 - i, y)
        if (prev >= 0) links.add(prev, v)
        prev = v
      }
    }
    return links.build()
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = id(x, y)
      if (x + 1 < w) links.add(v, id(x + 1, y))
      if (y + 1 < h) links.add(v, id(x, y + 1))
      if (redundancy >= 3 && x + 1 < w && y + 1 < h) links.add(v, id(x + 1, y + 1))
      if (redundancy === 4 && x > 0 && y + 1 < h) links.add(v, id(x - 1, y + 1))
    }
  }
  return links.build()
}

/** Wraps a bare graph as a network with no places, people or services (for sweeps and cascades on textbook graphs). */
export function abstractNetwork(graph: Graph, name = 'graph'): Network {
  return {
    kind: 'imported',
    name,
    seed: 1,
    params: { nodes: graph.n, links: graph.m },
    graph,
    lat: new Float64Array(graph.n).fill(NaN),
    lon: new Float64Array(graph.n).fill(NaN),
    hasGeo: false,
    nodeClass: new Uint8Array(graph.n).fill(NodeClass.imported),
    operator: Uint32Array.from({ length: graph.n }, (_, i) => i),
    operatorCount: graph.n,
    labels: new Map(),
    ids: null,
    linkRttMs: new Float32Array(graph.m).fill(1),
    users: null,
    services: null,
    selfHealing: false,
    initiallyDown: null,
    warnings: [],
    planes: null,
  }
}

/** A graph as node-link JSON (for files the command line reads). */
export function toNodeLink(graph: Graph): { nodes: { id: number }[]; links: { source: number; target: number }[] } {
  const nodes = Array.from({ length: graph.n }, (_, id) => ({ id }))
  const links = Array.from({ length: graph.m }, (_, e) => ({ source: graph.linkA[e]!, target: graph.linkB[e]! }))
  return { nodes, links }
}
