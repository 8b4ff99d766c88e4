import { useEffect } from 'react'
import { appStore } from '../../store/appStore'
import type { AppState } from '../../store/store'
import { presenterStore } from './presenterStore'

/**
 * While a story is presented the page shows the globe and its numbers (ui "minimal"): the caption takes the place
 * of the panels. On exit the chrome comes back as it was before.
 */
export function usePresentingChrome(): void {
  useEffect(() => {
    const onChange = (s: AppState, prev: Pick<AppState, 'story'>) => {
      if (s.story && !prev.story) {
        if (s.ui === 'full') {
          presenterStore.setState({ before: 'full' })
          s.setPresentation({ ui: 'minimal' })
        }
      } else if (!s.story && prev.story) {
        const { before } = presenterStore.getState()
        presenterStore.setState({ before: null, hiddenFrom: null })
        if (before) s.setPresentation({ ui: before })
      }
    }
    // A story already on screen (from the address) when this mounts.
    onChange(appStore.getState(), { story: null })
    return appStore.subscribe(onChange)
  }, [])
}
