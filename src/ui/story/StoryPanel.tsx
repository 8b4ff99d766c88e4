import { useRef, type MouseEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/appStore'
import { exitStory, runCommand } from './commands'
import { presenterStore, usePresenter } from './presenterStore'
import { StoryFileButton } from './StoryFileButton'
import { StoryLoadError } from './StoryLoadError'
import { useHeightVar } from '../useHeightVar'

/** A click must not leave the focus on the button: the clicker's Space would press it again instead of going on. */
const keepFocus = (e: MouseEvent) => e.preventDefault()

/**
 * The step on screen, in type the back of a hall can read: "step n of m", its title and its caption, at the side of
 * the globe so the action stays in view; under it, buttons for mouse users (hidden with the other controls by H).
 */
export function StoryPanel() {
  const { story, index, kiosk, controls } = useAppStore(
    useShallow((s) => ({
      story: s.story?.story,
      index: s.story?.index ?? 0,
      kiosk: s.story?.kiosk ?? false,
      controls: s.ui !== 'none',
    })),
  )
  const { helpOpen, note } = usePresenter(useShallow((s) => ({ helpOpen: s.helpOpen, note: s.note })))
  const setKiosk = useAppStore((s) => s.setKiosk)
  const panel = useRef<HTMLElement>(null)
  // The compare view's halves end above the caption when it runs along the bottom (layout.css).
  useHeightVar(panel, '--story-h', story)
  if (!story) return null
  // index is -1 for a moment while a story loads.
  const shown = Math.max(0, index)
  const step = story.steps[shown]!
  const count = story.steps.length
  const last = index >= count - 1

  return (
    <section ref={panel} className="story" data-chrome aria-label={`Story: ${story.title}`} data-step={shown + 1}>
      <div className="story__text" aria-live="polite" aria-atomic="true">
        <p className="story__count">
          Step {shown + 1} of {count}
          {kiosk && <span className="story__loop"> · looping</span>}
        </p>
        <h2 className="story__title">{step.title}</h2>
        <p className="story__caption">{step.caption}</p>
      </div>
      {note && (
        <p className="story__note" role="status">
          {note}
        </p>
      )}
      <StoryLoadError className="story-error" />
      {controls && (
        <div className="story__bar" role="toolbar" aria-label="Story controls">
          <button
            type="button"
            className="story__button"
            data-action="story-previous"
            disabled={index <= 0}
            onMouseDown={keepFocus}
            onClick={() => runCommand({ do: 'previous' })}
          >
            <span aria-hidden="true">← </span>Back
          </button>
          <button
            type="button"
            className="story__button story__button--primary"
            data-action="story-next"
            disabled={last && !kiosk}
            onMouseDown={keepFocus}
            onClick={() => runCommand({ do: 'next' })}
          >
            Next<span aria-hidden="true"> →</span>
          </button>
          <button
            type="button"
            className="story__button"
            data-action="story-loop"
            aria-pressed={kiosk}
            title="Loop the story unattended; it pauses while someone uses the demo"
            onMouseDown={keepFocus}
            onClick={() => setKiosk(!kiosk)}
          >
            Loop
          </button>
          <StoryFileButton className="story__button" label="Open…" />
          <button
            type="button"
            className="story__button"
            data-action="story-help"
            aria-expanded={helpOpen}
            onMouseDown={keepFocus}
            onClick={() => presenterStore.setState({ helpOpen: !helpOpen })}
          >
            Keys
          </button>
          <button
            type="button"
            className="story__button"
            data-action="story-exit"
            onMouseDown={keepFocus}
            onClick={exitStory}
          >
            Exit
          </button>
        </div>
      )}
    </section>
  )
}
