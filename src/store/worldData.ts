import { decodeWorld, type PopulationJson, type World } from '../sim/world'

let pending: Promise<World> | undefined

/**
 * The population clusters, loaded once. A dynamic import, so the bundler gives the data its own chunk served from
 * the app's own origin; the land is loaded the same way by the scene (src/scene/landData.ts).
 */
export function loadWorldData(): Promise<World> {
  pending ??= import('../data/population.json').then((mod) => decodeWorld(mod.default as PopulationJson))
  return pending
}
