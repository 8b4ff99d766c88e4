import { PanelDialog } from '../dialog/PanelDialog'
import { ModelText } from './ModelText'
import './methodology.css'

/** "How this works": the model in plain words, its parameters and sources, in a panel over the globe. */
export function Methodology() {
  return (
    <PanelDialog
      panel="methodology"
      className="method"
      labelledBy="method-title"
      closeClassName="method__close"
      openerSelector='[data-opens="methodology"]'
    >
      {(close) => (
        <div className="method__body">
          <header className="method__header">
            <h2 id="method-title">How this works</h2>
            <button type="button" className="method__close" onClick={close} aria-label="Close how this works">
              Close
            </button>
          </header>
          <ModelText />
        </div>
      )}
    </PanelDialog>
  )
}
