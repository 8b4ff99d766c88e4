/**
 * Who owns and who controls a network (the seed's data-ownership claim), as two Nakamoto-style counts:
 * - hold half: the fewest operators who together hold a copy of at least half of the services' data (each
 *   service's data lives on the hosts of its copies);
 * - stop half: the fewest parties whose failure, or decision, takes at least half of the services offline. A
 *   service goes offline when every operator hosting a copy stops, or when a party running a shared plane it needs
 *   stops (a cloud's planes are run by the provider itself; the grid's name service and chain by one more party,
 *   counted as such: an assumption that does not favour the grid).
 * Both are found by a greedy search (the exact minimum is a set-cover problem): each is at most the figure given,
 * and exact whenever it is 1.
 */

import type { Network } from './network.ts'

export interface Ownership {
  /** Operators who run nodes. */
  operators: number
  holdHalf: number
  stopHalf: number
  /** stopHalf through the hosts alone, as if no shared plane could fail. */
  stopHalfHosts: number
}

type OwnershipInput = Pick<Network, 'operator' | 'operatorCount' | 'services' | 'planes'>

/** The operators hosting a copy of each service (sorted, without repeats). */
function hostOperators(net: OwnershipInput): number[][] {
  const s = net.services!
  const out: number[][] = []
  for (let i = 0; i < s.count; i++) {
    const ops = new Set<number>()
    for (let j = 0; j < s.replicas; j++) {
      const h = s.host[i * s.replicas + j]!
      if (h >= 0) ops.add(net.operator[h]!)
    }
    out.push([...ops].sort((a, b) => a - b))
  }
  return out
}

/**
 * The party running each plane: a network with one operator runs its own planes; otherwise they are run by one
 * party beside the node operators (its id: operatorCount).
 */
function planeParty(net: OwnershipInput): number {
  return net.operatorCount <= 1 ? 0 : net.operatorCount
}

/** The counts for a network with services; null without. */
export function ownership(net: OwnershipInput): Ownership | null {
  const s = net.services
  if (!s || s.count === 0) return null
  const hosts = hostOperators(net)
  const half = Math.ceil(s.count / 2)

  // Hold half: greedy maximum coverage, the operator holding the most services not yet held first.
  const held = new Uint8Array(s.count)
  let holdHalf = 0
  for (let covered = 0; covered < half; holdHalf++) {
    const gain = new Map<number, number>()
    hosts.forEach((ops, i) => {
      if (!held[i]) for (const o of ops) gain.set(o, (gain.get(o) ?? 0) + 1)
    })
    const best = argmax(gain)
    if (best < 0) break
    hosts.forEach((ops, i) => {
      if (!held[i] && ops.includes(best)) {
        held[i] = 1
        covered++
      }
    })
  }

  const party = planeParty(net)
  const withPlanes = stopCount(
    hosts.map((ops, i) => {
      const p = net.planes
      return p && p.serviceOff[i + 1]! > p.serviceOff[i]! ? [ops, [party]] : [ops]
    }),
    half,
    s.count,
  )
  const hostsOnly = stopCount(
    hosts.map((ops) => [ops]),
    half,
    s.count,
  )
  return { operators: net.operatorCount, holdHalf, stopHalf: withPlanes, stopHalfHosts: hostsOnly }
}

/**
 * Stop half, greedily: each service is stopped by every party of any one of its ways (all of its host operators;
 * the party of a plane it needs).
 */
function stopCount(stoppers: number[][][], half: number, count: number): number {
  const stopped = new Set<number>()
  let stopHalf = 0
  const offline = () => stoppers.filter((ways) => ways.some((w) => w.length > 0 && w.every((o) => stopped.has(o))))
  while (offline().length < half) {
    // The party that stops the most services now; ties (and none stopping any) go to the one that completes the
    // most of the services' ways to stop (the copies it hosts).
    const score = new Map<number, number>()
    for (const ways of stoppers) {
      if (ways.some((w) => w.length > 0 && w.every((o) => stopped.has(o)))) continue
      for (const w of ways) {
        const missing = w.filter((o) => !stopped.has(o))
        for (const o of missing) score.set(o, (score.get(o) ?? 0) + (missing.length === 1 ? count + 1 : 1 / w.length))
      }
    }
    const best = argmax(score)
    if (best < 0) break
    stopped.add(best)
    stopHalf++
  }
  return stopHalf
}

/** The key with the highest value (the lowest key among equals), or -1 for an empty map. */
function argmax(m: Map<number, number>): number {
  let best = -1
  let value = -Infinity
  for (const [k, v] of m) if (v > value || (v === value && k < best)) [best, value] = [k, v]
  return best
}
