/** The legend for every colour and shape on the globe: to be filled in. */
export function Legend() {
  return null
}
