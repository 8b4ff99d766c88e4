/**
 * What each presenter command does to the page: the story player in the app's store, the presenter's own store
 * (help, black screen, hidden chrome), and the browser's full screen. The key handler and the buttons both come
 * here, so a key and its button always do the same thing.
 */

import { appStore } from '../../store/appStore'
import { BUILTIN_STORY } from '../../story/builtin'
import { MAX_STORY_BYTES, readStoryText } from '../../story/load'
import { StoryError, type Story } from '../../story/schema'
import type { KeyCommand } from './keyRouting'
import { presenterStore } from './presenterStore'

/** A step change that fails (the simulation gone) is reported, never left as an unhandled rejection. */
function report(p: Promise<unknown>): void {
  p.catch((e: unknown) => presenterStore.setState({ note: e instanceof Error ? e.message : String(e) }))
}

export function runCommand(command: KeyCommand): void {
  const s = appStore.getState()
  // A note is for one look: any command puts it away.
  if (presenterStore.getState().note) presenterStore.setState({ note: null })
  switch (command.do) {
    case 'next':
      return report(s.nextStep())
    case 'previous':
      return report(s.previousStep())
    case 'goTo':
      return report(s.goToStep(command.index))
    case 'blank':
      return presenterStore.setState({ blanked: true })
    case 'unblank':
      return presenterStore.setState({ blanked: false })
    case 'help':
      return presenterStore.setState({ helpOpen: !presenterStore.getState().helpOpen })
    case 'closeHelp':
      return presenterStore.setState({ helpOpen: false })
    case 'hide':
      return toggleHidden()
    case 'fullscreen':
      return report(toggleFullscreen())
    case 'release':
      // Not taken here: the key goes on to whatever else uses it (see usePresenterKeys).
      return
  }
}

/**
 * H, in steps: the controls away (the globe and its numbers stay), then the numbers too (the globe alone), then
 * everything back as it was. From the globe and its numbers (presenting a story), the first H goes to the globe
 * alone.
 */
export function toggleHidden(): void {
  const { hiddenFrom } = presenterStore.getState()
  const s = appStore.getState()
  if (hiddenFrom === null && s.ui !== 'none') {
    presenterStore.setState({ hiddenFrom: s.ui })
    s.setPresentation({ ui: s.ui === 'full' ? 'minimal' : 'none' })
  } else if (s.ui === 'minimal') {
    s.setPresentation({ ui: 'none' })
  } else {
    s.setPresentation({ ui: hiddenFrom ?? 'full' })
    presenterStore.setState({ hiddenFrom: null })
  }
}

async function toggleFullscreen(): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen()
    else if (typeof document.documentElement.requestFullscreen === 'function')
      await document.documentElement.requestFullscreen()
    else throw new Error('unsupported')
  } catch {
    // Refused: no user gesture, an iframe without allow="fullscreen", or a browser without the API.
    presenterStore.setState({
      note: 'Full screen is not available here. In a page that embeds the demo, the iframe must allow it.',
    })
  }
}

/** Presents a story from its first step, and puts away any earlier refusal. */
export function present(story: Story = BUILTIN_STORY, kiosk = false): void {
  presenterStore.setState({ loadError: null })
  report(appStore.getState().loadStory(story, 0, kiosk))
}

/**
 * Presents a story file picked by the presenter. A bad one is refused with the field at fault, and whatever was
 * on screen (a story in progress included) stays.
 */
export async function presentFile(file: File): Promise<void> {
  let story: Story
  try {
    if (file.size > MAX_STORY_BYTES) throw new StoryError('$', `the file is larger than ${MAX_STORY_BYTES / 1024} KB`)
    story = readStoryText(await file.text())
  } catch (e) {
    const error =
      e instanceof StoryError
        ? { file: file.name, path: e.path, detail: e.detail }
        : { file: file.name, path: '$', detail: `could not be read (${e instanceof Error ? e.message : String(e)})` }
    presenterStore.setState({ loadError: error })
    return
  }
  present(story)
}

export function exitStory(): void {
  appStore.getState().exitStory()
}
