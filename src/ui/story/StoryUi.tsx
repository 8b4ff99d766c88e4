import './story.css'
import { useShallow } from 'zustand/react/shallow'
import { Blank } from './Blank'
import { KeyHelp } from './KeyHelp'
import { usePresenter } from './presenterStore'
import { StoryFileInput } from './StoryFileButton'
import { StoryPanel } from './StoryPanel'
import { useKioskLoop } from './useKioskLoop'
import { usePresenterKeys } from './usePresenterKeys'
import { usePresentingChrome } from './usePresentingChrome'

/** The presenter mode: its keys, the unattended loop, the caption of the story on screen, the help, the black screen. */
export function StoryUi() {
  usePresenterKeys()
  useKioskLoop()
  usePresentingChrome()
  const { helpOpen, blanked } = usePresenter(useShallow((s) => ({ helpOpen: s.helpOpen, blanked: s.blanked })))
  return (
    <>
      <StoryFileInput />
      <StoryPanel />
      {helpOpen && <KeyHelp />}
      {blanked && <Blank />}
    </>
  )
}
