import { addAfterEffect, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import { useAppStore } from '../store/appStore'
import { PixelRatioGovernor, pixelRatioCap } from './quality'
import { onResume, shouldDraw } from './visibility'

/** The pixel ratio to start at on this display. */
export function initialPixelRatio(): number {
  return pixelRatioCap(typeof window === 'undefined' ? 1 : window.devicePixelRatio)
}

interface AdaptivePixelRatioProps {
  /**
   * Told each new pixel ratio. The Canvas re-applies its `dpr` prop whenever it renders, so its parent must pass
   * the current tier there too, or a re-render would undo the step.
   */
  onChange: (pixelRatio: number) => void
}

/**
 * Holds the pixel ratio the store fixes (benchmarks, reference screenshots), or else lowers it a tier when frames cannot keep up and raises it again when they can
 * (quality.ts decides). It times only frames drawn back to back: after each drawn frame it notes whether the
 * next one is already requested, and only then is the interval to it a measure of how fast frames can come.
 */
export function AdaptivePixelRatio({ onChange }: AdaptivePixelRatioProps) {
  const gl = useThree((s) => s.gl)
  const get = useThree((s) => s.get)
  const changed = useRef(onChange)
  useEffect(() => {
    changed.current = onChange
  }, [onChange])

  const fixed = useAppStore((s) => s.fixedPixelRatio)

  useEffect(() => {
    if (fixed === null) return
    get().setDpr(fixed)
    changed.current(fixed)
  }, [fixed, get])

  useEffect(() => {
    if (fixed !== null) return
    const governor = new PixelRatioGovernor(initialPixelRatio())
    // Called at the end of a frame too (below): the resize clears the canvas, and fiber's request for the next
    // frame made there can be lost, so the Canvas asks again for every resize (Canvas.tsx, redrawAfterResize).
    const apply = () => {
      get().setDpr(governor.pixelRatio)
      changed.current(governor.pixelRatio)
    }
    apply()

    let lastFrame = gl.info.render.frame
    let lastTime = 0
    /** Whether the frame drawn at lastTime asked for the next one straight away. */
    let backToBack = false
    const removeAfter = addAfterEffect((timestamp) => {
      const frame = gl.info.render.frame
      if (frame === lastFrame) return // this tick drew nothing
      lastFrame = frame
      if (backToBack && governor.sample(timestamp - lastTime)) apply()
      lastTime = timestamp
      backToBack = get().internal.frames > 0 && shouldDraw()
    })
    // After a hidden spell the frames start a fresh batch: the old one was cut short.
    const removeResume = onResume(() => {
      backToBack = false
      governor.interrupt()
    })
    // Browser zoom and moving the window to another screen change devicePixelRatio, and fire resize.
    const onResize = () => {
      if (governor.setCap(initialPixelRatio())) apply()
    }
    window.addEventListener('resize', onResize)
    return () => {
      removeAfter()
      removeResume()
      window.removeEventListener('resize', onResize)
    }
  }, [gl, get, fixed])

  return null
}
