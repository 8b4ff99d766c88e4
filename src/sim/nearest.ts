/** The node nearest a place (kept apart from scenarios.ts, which the incidents' replay also needs). */

import { greatCircleKm } from './geo.ts'
import type { Network } from './network.ts'
import type { NodeClass } from './network.ts'

/** The node nearest a place, optionally of one class only (a cloud region for a "site" failure, say). */
export function nearestNode(net: Network, lat: number, lon: number, nodeClass?: NodeClass): number {
  let best = -1
  let bestKm = Infinity
  for (let v = 0; v < net.graph.n; v++) {
    if (nodeClass !== undefined && net.nodeClass[v] !== nodeClass) continue
    const km = greatCircleKm(lat, lon, net.lat[v]!, net.lon[v]!)
    if (km < bestKm) {
      bestKm = km
      best = v
    }
  }
  return best
}
