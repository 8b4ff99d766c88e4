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
      title="Robustness"
      titleId="robust-title"
      describedBy="robust-lead"
      closeLabel="Close robustness"
      openerSelector='[data-panel="robustness"]'
    >
      <p id="robust-lead" className="robust__lead">
        Take out a growing share of each network's nodes and measure what is left: how much of the network still hangs
        together, and how many services still answer.
      </p>
      <SweepForm fields={fields} onChange={setFields} />
      <SweepResult />
    </PanelDialog>
  )
}
