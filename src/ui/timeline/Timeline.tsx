/** Timeline: to be built (issue 4). */
export function Timeline() {
  return null
}
