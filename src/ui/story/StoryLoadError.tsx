import { presenterStore, usePresenter } from './presenterStore'

/** The schema's list of allowed values ("a"|"b") as a reader writes it ("a", "b"). */
const readable = (detail: string) => detail.replaceAll('"|"', '", "')

/** Why the last story file was refused: the file, the field at fault, and what is wrong there. */
export function StoryLoadError({ className }: { className: string }) {
  const error = usePresenter((s) => s.loadError)
  if (!error) return null
  return (
    <div className={className} role="alert" data-role="story-error">
      <p>
        <strong>{error.file}</strong> was not loaded: <code>{error.path}</code> {readable(error.detail)}. What was on
        screen stays.
      </p>
      <button type="button" onClick={() => presenterStore.setState({ loadError: null })}>
        Dismiss
      </button>
    </div>
  )
}
