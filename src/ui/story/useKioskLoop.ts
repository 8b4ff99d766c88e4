import { useEffect } from 'react'
import { appStore, useAppStore } from '../../store/appStore'
import { kioskInput, kioskStepShown, kioskTick, kioskWakeAt, startKiosk, stepDurationMs } from './kiosk'

/** What counts as someone using the demo. Not pointer moves: a nudged mouse would hold the loop forever. */
const INPUTS = ['keydown', 'pointerdown', 'wheel'] as const

/**
 * Runs the unattended loop while the story is in kiosk mode (kiosk.ts): one timer at a time, always cleared, so
 * hours of looping leave nothing behind.
 */
export function useKioskLoop(): void {
  const kiosk = useAppStore((s) => s.story?.kiosk ?? false)

  useEffect(() => {
    if (!kiosk) return
    const now = () => performance.now()
    const stepMs = () => {
      const story = appStore.getState().story
      return stepDurationMs(story?.story.steps[story.index])
    }
    let state = startKiosk(now())
    let timer: ReturnType<typeof setTimeout> | undefined

    const schedule = () => {
      clearTimeout(timer)
      timer = setTimeout(wake, Math.max(0, kioskWakeAt(state, stepMs()) - now()))
    }
    const wake = () => {
      const r = kioskTick(state, now(), stepMs())
      state = r.state
      if (r.advance)
        void appStore
          .getState()
          .nextStep()
          .catch(() => undefined)
      schedule()
    }
    const onInput = () => {
      state = kioskInput(state, now())
      schedule()
    }
    const unsubscribe = appStore.subscribe((s, prev) => {
      if (s.story && s.story.index !== prev.story?.index) {
        state = kioskStepShown(state, now())
        schedule()
      }
    })
    for (const type of INPUTS) window.addEventListener(type, onInput, { capture: true, passive: true })
    schedule()
    return () => {
      clearTimeout(timer)
      unsubscribe()
      for (const type of INPUTS) window.removeEventListener(type, onInput, { capture: true })
    }
  }, [kiosk])
}
