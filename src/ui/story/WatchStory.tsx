import { useAppStore } from '../../store/appStore'
import { present } from './commands'

/** Under the heading, for a first-time visitor: the built-in story in one press (the controls have it too). */
export function WatchStory() {
  const ready = useAppStore((s) => s.status === 'ready')
  return (
    <button
      type="button"
      className="masthead__story"
      data-action="watch-story"
      disabled={!ready}
      onClick={() => present()}
    >
      <span className="masthead__play" aria-hidden="true" />
      Watch the story
    </button>
  )
}
