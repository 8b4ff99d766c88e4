import { decodeLand, type LandDots, type LandJson } from '../sim/world'

export interface LandLattice {
  dots: LandDots
  /** Number of lattice points over the whole sphere: sets the spacing, and so the dot size. */
  latticeCount: number
}

let pending: Promise<LandLattice> | undefined

/**
 * The land lattice, loaded once. The JSON is a dynamic import so the bundler gives it its own chunk, served
 * from the app's own origin and fetched while the renderer starts.
 */
export function loadLand(): Promise<LandLattice> {
  pending ??= import('../data/land.json').then((mod) => {
    const json = mod.default as LandJson
    return { dots: decodeLand(json), latticeCount: json.count }
  })
  return pending
}
