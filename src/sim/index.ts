/**
 * The simulation: plain TypeScript on typed arrays, with no React, three.js, DOM or zustand, so it runs the same
 * in the page, a Web Worker, the command line, the tests and the benchmarks.
 */

import type { Network } from './network.ts'
import type { CloudParams } from './networks/cloud.ts'
import { buildCloud } from './networks/cloud.ts'
import type { P2PParams } from './networks/p2p.ts'
import { buildP2P } from './networks/p2p.ts'
import type { World } from './world.ts'

export type NetworkSpec =
  | ({ kind: 'centralized' } & Partial<Omit<CloudParams, 'replicas'>>)
  | ({ kind: 'decentralized' } & Partial<CloudParams>)
  | ({ kind: 'p2p' } & Partial<P2PParams>)

/** Builds a network from its kind and parameters; the same spec and seed always give the same network. */
export function buildNetwork(world: World, spec: NetworkSpec, seed: number): Network {
  switch (spec.kind) {
    case 'centralized':
    case 'decentralized': {
      const { kind, ...params } = spec
      return buildCloud(world, kind, params, seed)
    }
    case 'p2p': {
      const { kind: _kind, ...params } = spec
      return buildP2P(world, params, seed)
    }
  }
}

export * from './betweenness.ts'
export * from './cascade.ts'
export * from './components.ts'
export * from './engine.ts'
export * from './generators.ts'
export * from './geo.ts'
export * from './graph.ts'
export * from './metrics.ts'
export * from './network.ts'
export * from './params.ts'
export * from './networks/cloud.ts'
export * from './networks/imported.ts'
export * from './networks/p2p.ts'
export * from './regions.ts'
export * from './rng.ts'
export * from './scenarios.ts'
export * from './sweep.ts'
export * from './traffic.ts'
export * from './world.ts'
