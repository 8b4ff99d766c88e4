import { PanelDialog } from '../dialog/PanelDialog'
import { ModelText } from './ModelText'
import './methodology.css'

/** "How this works": the model in plain words, its parameters and sources, in a panel over the globe. */
export function Methodology() {
  return (
    <PanelDialog
      panel="methodology"
      className="method"
      title="How this works"
      titleId="method-title"
      closeLabel="Close how this works"
      openerSelector='[data-opens="methodology"]'
    >
      <ModelText />
    </PanelDialog>
  )
}
