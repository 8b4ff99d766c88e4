import { useFrame, useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { appStore } from '../store/appStore'
import { animateFor } from './animation'
import { SWITCH_SECONDS } from './constants'
import { addSimulationTime } from './frameTiming'
import { shouldDraw } from './visibility'

/**
 * Drives the simulation from the frame loop: while it plays, every frame advances its clock by the frame's real
 * time and asks for the next frame. Hidden or off screen, no frame comes and the clock stands still; the first
 * frame back gets a normal delta (PauseWhenHidden restarts fiber's clock, and the store clamps a long one), so
 * the simulation resumes where it stopped instead of jumping. Changes made from outside (a button, the page API)
 * ask for a frame too.
 */
export function SimDriver() {
  const invalidate = useThree((s) => s.invalidate)

  useEffect(
    () =>
      appStore.subscribe((s, prev) => {
        if (s.active !== prev.active) animateFor(SWITCH_SECONDS + 0.1)
        if (
          s.frame !== prev.frame ||
          s.active !== prev.active ||
          s.playing !== prev.playing ||
          s.autoRotate !== prev.autoRotate ||
          s.status !== prev.status
        ) {
          // Off screen the change waits: the first frame back draws it.
          if (shouldDraw()) invalidate()
        }
      }),
    [invalidate],
  )

  useFrame((_, delta) => {
    const state = appStore.getState()
    // A frame drawn off screen anyway (fiber redraws on resize or scroll) must not move the clock either.
    if (!state.playing || !shouldDraw()) return
    const t0 = performance.now()
    state.advance(delta)
    addSimulationTime(performance.now() - t0)
    invalidate()
  })

  return null
}
