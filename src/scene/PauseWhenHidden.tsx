import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { onResume, watchVisibility } from './visibility'

/**
 * Keeps visibility.ts informed about the tab and the canvas, and starts the frames again when they can be seen.
 * Nothing asks for frames meanwhile, so fiber's clock would hand the first frame back the whole time away as its
 * delta: reading the clock here restarts its count, and that frame gets a normal one.
 */
export function PauseWhenHidden() {
  const canvas = useThree((s) => s.gl.domElement)
  const clock = useThree((s) => s.clock)
  const invalidate = useThree((s) => s.invalidate)

  useEffect(() => {
    const stopWatching = watchVisibility(canvas)
    const removeResume = onResume(() => {
      clock.getDelta()
      invalidate()
    })
    return () => {
      removeResume()
      stopWatching()
    }
  }, [canvas, clock, invalidate])

  return null
}
