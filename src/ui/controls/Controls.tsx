import './controls.css'
import { useCallback, useId, useState } from 'react'
import { useAppStore } from '../../store/appStore'
import { ImportSection } from './ImportSection'
import { NetworkSection } from './NetworkSection'
import { PanelsSection } from './PanelsSection'
import { PresentSection } from '../present/PresentSection'
import { Playback } from './Playback'
import { ScenarioSection } from './ScenarioSection'
import { SeedSection } from './SeedSection'
import { ToolSection } from './ToolSection'
import { useFileDrop } from './useFileDrop'
import { useFileImport } from './useFileImport'

/** The layout where the panel becomes a bottom sheet (controls.css): it starts folded there, so the globe shows. */
const SHEET = '(max-width: 640px)'

function startsOpen(): boolean {
  return typeof window.matchMedia !== 'function' || !window.matchMedia(SHEET).matches
}

/**
 * The control panel: a column on the right, a sheet at the bottom on a phone; it folds to its title bar. Its
 * sections stay mounted while folded (only hidden), so what was typed is kept and a file dropped on the page
 * still imports.
 */
export function Controls() {
  // Only with the page's full chrome: not in the minimal or bare views (a kiosk, an embedded globe).
  const shown = useAppStore((s) => s.ui === 'full')
  const [open, setOpen] = useState(startsOpen)
  const bodyId = useId()
  const fileImport = useFileImport()
  const { importFile } = fileImport
  const onDrop = useCallback(
    (file: File) => {
      // Unfold, so the import's outcome can be read.
      setOpen(true)
      void importFile(file)
    },
    [importFile],
  )
  const dragging = useFileDrop(onDrop, shown)

  if (!shown) return null
  return (
    <>
      <aside className="controls" data-open={open ? 'true' : 'false'} aria-label="Controls">
        <button
          type="button"
          className="controls__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="controls__title">Controls</span>
          <span className="controls__chevron" aria-hidden="true" />
        </button>
        <div id={bodyId} className="controls__body" hidden={!open}>
          <Playback />
          <NetworkSection />
          <ScenarioSection />
          <ToolSection />
          <ImportSection fileImport={fileImport} />
          <SeedSection />
          <PanelsSection />
          <PresentSection />
        </div>
      </aside>
      {dragging && (
        <div className="controls-drop" aria-hidden="true">
          <p>Drop a .json file to import it as a network</p>
        </div>
      )}
    </>
  )
}
