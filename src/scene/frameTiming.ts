/**
 * Where a frame's main-thread time goes: the simulation's steps (SimDriver) against everything else (the scene's
 * updates and three.js's render call). RenderProbe records both per drawn frame for window.p2pglobe.stats().
 */

let simMs = 0

/** Adds time spent stepping the simulation in the current frame. */
export function addSimulationTime(ms: number): void {
  simMs += ms
}

/** The simulation time of the frame that just ended, and a fresh start for the next one. */
export function takeSimulationTime(): number {
  const ms = simMs
  simMs = 0
  return ms
}
