import { useEffect } from 'react'
import { appStore } from '../../store/appStore'
import { runCommand } from './commands'
import { keyTarget, routeKey, takesKey, type KeyCommand } from './keyRouting'
import { presenterStore } from './presenterStore'

/** Commands that flip something on and off: a held key must not flicker them. */
const TOGGLES: ReadonlySet<KeyCommand['do']> = new Set(['blank', 'unblank', 'hide', 'help', 'fullscreen'])

/**
 * The presenter's keys on the window, as the key table says (routeKey). A key the demo does not use is left
 * untouched for the browser or the page around; one it uses is kept from going further (preventDefault).
 */
export function usePresenterKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return
      const { helpOpen, blanked } = presenterStore.getState()
      const story = appStore.getState().story
      const command = routeKey(e, keyTarget(e.target), {
        stepCount: story?.story.steps.length ?? 0,
        helpOpen,
        blanked,
      })
      // Esc with nothing of ours to close is left to the rest of the page: a tool or a panel takes it, and in a
      // slide deck Stage (src/ui/embed/Stage.tsx) gives the keyboard back to the host.
      if (!command || !takesKey(command)) return
      e.preventDefault()
      if (e.repeat && TOGGLES.has(command.do)) return
      runCommand(command)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
