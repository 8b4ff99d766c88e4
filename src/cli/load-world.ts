/** Loads the committed world data from src/data in Node (the page imports the same files through the bundle). */

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { LandJson, PopulationJson, World } from '../sim/world.ts'
import { decodeWorld } from '../sim/world.ts'

const dataDir = fileURLToPath(new URL('../data/', import.meta.url))

let cached: World | null = null

/** The world without land dots (the simulation does not need them); decoded once per process. */
export function loadWorld(): World {
  cached ??= decodeWorld(JSON.parse(readFileSync(`${dataDir}population.json`, 'utf8')) as PopulationJson)
  return cached
}

export function loadLand(): LandJson {
  return JSON.parse(readFileSync(`${dataDir}land.json`, 'utf8')) as LandJson
}
