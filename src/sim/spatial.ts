/** Nearest-neighbour queries on the sphere (kdbush + geokdbush: a static k-d tree with great-circle search). */

import { around } from 'geokdbush'
import KDBush from 'kdbush'

export interface GeoIndex {
  /** Up to k point indices nearest to (lat, lon), nearest first, optionally filtered and within maxKm. */
  nearest(lat: number, lon: number, k: number, maxKm?: number, accept?: (i: number) => boolean): number[]
}

/** Indexes the points i < count with a finite position. */
export function createGeoIndex(lat: ArrayLike<number>, lon: ArrayLike<number>, count = lat.length): GeoIndex {
  const ids: number[] = []
  for (let i = 0; i < count; i++) if (Number.isFinite(lat[i]) && Number.isFinite(lon[i])) ids.push(i)
  const index = new KDBush(Math.max(1, ids.length))
  for (const i of ids) index.add(lon[i]!, lat[i]!)
  if (ids.length === 0) index.add(0, 0)
  index.finish()
  const empty = ids.length === 0
  const map = (j: number): number => ids[j]!
  return {
    nearest(qLat, qLon, k, maxKm = Infinity, accept) {
      if (empty) return []
      const filter = accept ? (j: number) => accept(ids[j]!) : undefined
      return around(index, qLon, qLat, k, maxKm, filter).map(map)
    },
  }
}
