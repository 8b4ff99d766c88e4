import { useCallback, useState } from 'react'
import { useAppStore } from '../../store/appStore'
import { refuseFile } from './importFile'

export interface FileImport {
  /** Checks, reads and imports a file; the store's importStatus says how it went. */
  importFile(file: File): Promise<void>
  /** Why the last file was refused before it was read (too large, not JSON), if it was. */
  refused: string | null
}

/** Importing a file picked or dropped: refused before reading when too large, then read and handed to the store. */
export function useFileImport(): FileImport {
  const importNetwork = useAppStore((s) => s.importNetwork)
  const [refused, setRefused] = useState<string | null>(null)

  const importFile = useCallback(
    async (file: File) => {
      const why = refuseFile(file)
      setRefused(why)
      if (why) return
      let text: string
      try {
        text = await file.text()
      } catch (e) {
        setRefused(`${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`)
        return
      }
      // Never rejects: a bad file comes back as a 'failed' status, and the network on screen stays.
      await importNetwork(text, file.name)
    },
    [importNetwork],
  )

  return { importFile, refused }
}
