/** Labels for the big sites (cloud regions' metro names): to be filled in. */
export function Labels() {
  return null
}
