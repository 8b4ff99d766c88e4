import { useFrame, useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { appStore } from '../store/appStore'
import { animateFor } from './animation'
import { SWITCH_SECONDS } from './constants'

/**
 * Drives the simulation from the frame loop: while it plays, every frame advances its clock by the frame's real
 * time (clamped, so a hidden tab resumes where it stopped instead of jumping), and asks for the next frame.
 * Changes made from outside (a button, the page API) ask for a frame too.
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
          invalidate()
        }
      }),
    [invalidate],
  )

  useFrame((_, delta) => {
    const state = appStore.getState()
    if (!state.playing) return
    state.advance(delta)
    invalidate()
  })

  return null
}
