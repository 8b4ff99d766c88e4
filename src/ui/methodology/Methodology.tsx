/** Methodology: to be built (issue 4). */
export function Methodology() {
  return null
}
