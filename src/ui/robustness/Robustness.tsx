import { useState } from 'react'
import { PanelDialog } from '../dialog/PanelDialog'
import { SweepForm } from './SweepForm'
import { SweepResult } from './SweepResult'
import { DEFAULT_FIELDS, type SweepFields } from './sweepForm'
import './robustness.css'

/**
 * The robustness chart, in a panel over the globe (PanelDialog): it sets up a sweep of the share of nodes failed,
 * runs it in the simulation's worker with a progress bar and a cancel, and draws the result. A sweep under way goes
 * on while the panel is closed and shows again on the next opening.
 */
export function Robustness() {
  // Kept between openings: the next sweep starts from the last one's choices.
  const [fields, setFields] = useState<SweepFields>(DEFAULT_FIELDS)

  return (
    <PanelDialog
      panel="robustness"
      className="robust"
      labelledBy="robust-title"
      describedBy="robust-lead"
      closeClassName="robust__close"
      openerSelector='[data-panel="robustness"]'
    >
      {(close) => (
        <div className="robust__body">
          <header className="robust__header">
            <h2 id="robust-title">Robustness</h2>
            <button type="button" className="robust__close" onClick={close} aria-label="Close robustness">
              Close
            </button>
          </header>
          <p id="robust-lead" className="robust__lead">
            Take out a growing share of each network's nodes and measure what is left: how much of the network still
            hangs together, and how many services still answer.
          </p>
          <SweepForm fields={fields} onChange={setFields} />
          <SweepResult />
        </div>
      )}
    </PanelDialog>
  )
}
