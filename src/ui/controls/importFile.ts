/**
 * Checks on a file before it is read: a browser tab must not freeze reading a huge file, and a picture or a
 * spreadsheet dropped by mistake deserves a plain answer rather than a JSON parse error.
 */

import { MAX_IMPORT_BYTES } from '../../store/store'

/** What a file picker or a drop hands over, as far as the checks need it. */
export interface FileInfo {
  name: string
  size: number
  type: string
}

/** Why a file is refused before reading, or null when it may be read. */
export function refuseFile(file: FileInfo): string | null {
  if (file.size > MAX_IMPORT_BYTES)
    return `${file.name} is ${formatBytes(file.size)}: files over ${formatBytes(MAX_IMPORT_BYTES)} are refused`
  const json = /\.json$/i.test(file.name) || file.type === 'application/json'
  if (!json) return `${file.name} is not a .json file: expected node-link JSON or a grid node list`
  return null
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`
  return `${bytes} bytes`
}
