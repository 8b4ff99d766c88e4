/** Controls: to be built (issue 4). */
export function Controls() {
  return null
}
