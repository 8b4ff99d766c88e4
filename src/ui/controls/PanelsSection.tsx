import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/appStore'
import { StoryButtons } from '../story/StoryButtons'

/** Doors to the other views: the model explained, the robustness chart, and two networks side by side. */
export function PanelsSection() {
  const { panel, compare, canCompare } = useAppStore(
    useShallow((s) => ({
      panel: s.panel,
      compare: s.compare.on,
      canCompare: s.slots[s.compare.left] !== undefined && s.slots[s.compare.right] !== undefined,
    })),
  )
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
        <StoryButtons />
      </div>
    </section>
  )
}
