import { presenterStore } from './presenterStore'

/** The black screen (B or .): covers everything; the key again, a clicker's press or a click brings it back. */
export function Blank() {
  return (
    <button
      type="button"
      className="story-blank"
      aria-label="Blank screen: press B or click to come back"
      onClick={() => presenterStore.setState({ blanked: false })}
    />
  )
}
