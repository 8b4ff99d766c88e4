/** Hud: to be built (issue 4). */
export function Hud() {
  return null
}
