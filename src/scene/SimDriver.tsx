import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useState } from 'react'
import { appStore } from '../store/appStore'
import { animateFor } from './animation'
import { SWITCH_SECONDS } from './constants'
import { addSimulationTime } from './frameTiming'
import { shouldDraw } from './visibility'

/** The SimDriver that moves the clock (one per page, whichever globe drew first). */
let driver: object | null = null

/**
 * Drives the simulation from the frame loop: while it plays, every frame advances its clock by the frame's real
 * time and asks for the next frame. Hidden or off screen, no frame comes and the clock stands still; the first
 * frame back gets a normal delta (PauseWhenHidden restarts fiber's clock, and the store clamps a long one), so
 * the simulation resumes where it stopped instead of jumping. Changes made from outside (a button, the page API)
 * ask for a frame too.
 *
 * With two globes on a page (the compare view), one clock must not run twice as fast: the first globe to draw
 * a frame while the simulation plays drives it; the others redraw as its snapshots arrive.
 */
export function SimDriver() {
  const invalidate = useThree((s) => s.invalidate)
  const [token] = useState(() => ({}))

  useEffect(
    () => () => {
      if (driver === token) driver = null
    },
    [token],
  )

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
    driver ??= token
    if (driver !== token) return
    const t0 = performance.now()
    state.advance(delta)
    addSimulationTime(performance.now() - t0)
    invalidate()
  })

  return null
}
