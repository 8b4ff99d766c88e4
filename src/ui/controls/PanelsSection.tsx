import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/appStore'
import { chromeStore, useChrome } from '../chrome'
import { StoryButtons } from '../story/StoryButtons'

/** Where the drawer is a sheet over the bottom of the screen (layout.css's tall arrangement). */
const SHEET = '(max-aspect-ratio: 6/5), (max-width: 759px)'

/**
 * The timeline or the legend, from the drawer: where the drawer is a sheet it would hide them, so it closes first.
 */
function openFromDrawer(part: 'timeline' | 'legend'): void {
  const chrome = chromeStore.getState()
  const opening = !chrome[part]
  chrome.toggle(part)
  if (opening && typeof window.matchMedia === 'function' && window.matchMedia(SHEET).matches)
    chrome.toggle('drawer', false)
}

/**
 * Doors to the other views: the model explained, the robustness chart, two networks side by side, the timeline and
 * the legend (also in the dock, but not on a phone), and the presenter mode.
 */
export function PanelsSection() {
  const { panel, compare, canCompare } = useAppStore(
    useShallow((s) => ({
      panel: s.panel,
      compare: s.compare.on,
      canCompare: s.slots[s.compare.left] !== undefined && s.slots[s.compare.right] !== undefined,
    })),
  )
  const { timeline, legend } = useChrome(useShallow((s) => ({ timeline: s.timeline, legend: s.legend })))
  const { openPanel, setCompare } = useAppStore(
    useShallow((s) => ({ openPanel: s.openPanel, setCompare: s.setCompare })),
  )

  return (
    <section className="ctl-section" aria-labelledby="ctl-more-title">
      <h2 className="ctl-section__title" id="ctl-more-title">
        Look closer
      </h2>
      <div className="ctl-row ctl-row--wrap">
        <button
          type="button"
          className="ctl-button"
          data-panel="methodology"
          aria-haspopup="dialog"
          aria-expanded={panel === 'methodology'}
          onClick={() => openPanel(panel === 'methodology' ? null : 'methodology')}
        >
          How it works
        </button>
        <button
          type="button"
          className="ctl-button"
          data-panel="incidents"
          data-opens="incidents"
          aria-haspopup="dialog"
          aria-expanded={panel === 'incidents'}
          onClick={() => openPanel(panel === 'incidents' ? null : 'incidents')}
        >
          Recorded outages
        </button>
        <button
          type="button"
          className="ctl-button"
          data-panel="robustness"
          aria-haspopup="dialog"
          aria-expanded={panel === 'robustness'}
          onClick={() => openPanel(panel === 'robustness' ? null : 'robustness')}
        >
          Robustness
        </button>
        <button
          type="button"
          className="ctl-button"
          data-action="compare"
          aria-pressed={compare}
          disabled={!canCompare}
          onClick={() => setCompare({ on: !compare })}
        >
          Compare side by side
        </button>
        <button
          type="button"
          className="ctl-button"
          data-action="drawer-timeline"
          aria-pressed={timeline}
          onClick={() => openFromDrawer('timeline')}
        >
          Timeline
        </button>
        <button
          type="button"
          className="ctl-button"
          data-action="drawer-legend"
          aria-pressed={legend}
          onClick={() => openFromDrawer('legend')}
        >
          Legend
        </button>
        <StoryButtons />
      </div>
    </section>
  )
}
