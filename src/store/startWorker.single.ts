/**
 * The single-file build opens from disk (file://), where a page may not start a worker from a file: it has none,
 * and the simulation runs in the page (vite.config.ts swaps this module in).
 */
export function startWorker(): Worker | null {
  return null
}
