import './controls.css'
import { useCallback, useId, type KeyboardEvent } from 'react'
import { appStore, useAppStore } from '../../store/appStore'
import { chromeStore, closePart, useChrome } from '../chrome'
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

/**
 * Every control, in a drawer: a column on the right, a sheet at the bottom on a phone. Closed at first (the
 * globe has the screen, and the dock has what a visitor needs first); the dock's Controls button opens it, its
 * own button or Esc closes it. Its sections stay mounted while closed (only hidden), so what was typed is kept and
 * a file dropped on the page still imports. Open, it is chrome (room.ts): the globe moves over to make room.
 */
export function Controls() {
  // Only with the page's full chrome: not in the minimal or bare views (a kiosk, an embedded globe).
  const shown = useAppStore((s) => s.ui === 'full')
  const open = useChrome((s) => s.drawer)
  const bodyId = useId()
  const fileImport = useFileImport()
  const { importFile } = fileImport
  const onDrop = useCallback(
    (file: File) => {
      // Open, so the import's outcome can be read.
      chromeStore.getState().toggle('drawer', true)
      void importFile(file)
    },
    [importFile],
  )
  const dragging = useFileDrop(onDrop, shown)

  // Esc inside the drawer closes it, unless a field or a list inside took the key, or there is something else
  // Esc puts away first (a tool in hand, a node's details: their own handlers take it).
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return
    const s = appStore.getState()
    if (s.tool !== 'rotate' || s.selected !== null) return
    e.preventDefault()
    closePart('drawer')
  }

  if (!shown) return null
  return (
    <>
      <aside
        id="controls"
        className="controls"
        data-open={open ? 'true' : 'false'}
        data-chrome={open ? '' : undefined}
        hidden={!open}
        aria-label="Controls"
        onKeyDown={onKey}
      >
        <button
          type="button"
          className="controls__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => closePart('drawer')}
        >
          <span className="controls__title">Controls</span>
          <span className="controls__close" aria-hidden="true" />
          <span className="ctl-visually-hidden">(close)</span>
        </button>
        <div id={bodyId} className="controls__body">
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
