import { useAppStore } from '../../store/appStore'
import { present } from './commands'
import { StoryFileButton } from './StoryFileButton'
import { StoryLoadError } from './StoryLoadError'

/** The way into the presenter mode from the control panel: the built-in story, or one of the presenter's. */
export function StoryButtons() {
  const ready = useAppStore((s) => s.status === 'ready')
  return (
    <>
      <button
        type="button"
        className="ctl-button ctl-button--primary"
        data-action="present"
        disabled={!ready}
        onClick={() => present()}
      >
        Present the story
      </button>
      <StoryFileButton className="ctl-button" disabled={!ready} />
      <StoryLoadError className="story-error story-error--panel" />
    </>
  )
}
