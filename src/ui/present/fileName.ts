/** Names for saved pictures and clips: what is on screen and when, safe on every file system. */

export interface FileNameParts {
  network: string
  scenario: string
  /** Simulated minutes since the start of the run. */
  simMinutes: number
  /** When it was saved (local time). */
  date: Date
  extension: 'png' | 'webm'
}

const pad = (n: number) => String(n).padStart(2, '0')

/** e.g. p2p-globe_centralized_site_t42min_2026-11-24_0943.png */
export function captureFileName({ network, scenario, simMinutes, date, extension }: FileNameParts): string {
  const clean = (s: string) => s.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '') || 'none'
  const minutes = Number.isFinite(simMinutes) ? Math.max(0, Math.round(simMinutes)) : 0
  const stamp =
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}_` +
    `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  return `p2p-globe_${clean(network)}_${clean(scenario)}_t${minutes}min_${stamp}.${extension}`
}
