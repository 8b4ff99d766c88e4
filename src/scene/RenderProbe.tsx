import { addAfterEffect, useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import { emptyStats, setStatsSource, type RenderStats } from '../embed/pageApi'
import { takeSimulationTime } from './frameTiming'

const MAX_FRAME_TIMES = 120
/** Runs before every other frame callback. */
const FIRST = -1_000_000

/**
 * Keeps the figures behind `window.p2pglobe.stats()`. three's renderer.info resets its per-frame counts at the
 * start of each render() (autoReset), so they are copied once the frame has ended, and stats() returns that copy.
 */
export function RenderProbe() {
  const gl = useThree((s) => s.gl)
  const frameStart = useRef(0)

  useFrame(() => {
    frameStart.current = performance.now()
  }, FIRST)

  useEffect(() => {
    // Written in place every frame (no allocation); stats() hands out copies.
    const last: RenderStats = emptyStats()
    const frameTimes = last.frameTimesMs
    const simTimes = last.simulationTimesMs
    let lastFrame = gl.info.render.frame
    const removeAfter = addAfterEffect(() => {
      const { render, memory, programs } = gl.info
      if (render.frame === lastFrame) return // this tick rendered nothing
      lastFrame = render.frame
      frameTimes.push(performance.now() - frameStart.current)
      simTimes.push(takeSimulationTime())
      if (frameTimes.length > MAX_FRAME_TIMES) {
        frameTimes.shift()
        simTimes.shift()
      }
      last.drawCalls = render.calls
      last.triangles = render.triangles
      last.points = render.points
      last.lines = render.lines
      last.geometries = memory.geometries
      last.textures = memory.textures
      last.programs = programs?.length ?? 0
      last.pixelRatio = gl.getPixelRatio()
    })
    const removeSource = setStatsSource(() => ({
      ...last,
      frameTimesMs: [...frameTimes],
      simulationTimesMs: [...simTimes],
    }))
    return () => {
      removeAfter()
      removeSource()
    }
  }, [gl])

  return null
}
