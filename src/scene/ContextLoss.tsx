import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { setContextLost } from './visibility'

/**
 * Survives a lost WebGL context (a GPU reset, a driver update, the browser reclaiming memory from a background
 * tab). Cancelling the 'webglcontextlost' event is what lets the browser restore the context at all (three's
 * renderer does too; this does not rely on it). While the context is lost nothing asks for frames
 * (visibility.ts) and the canvas with its labels is hidden, so the page shows its plain background rather than
 * a blank or stale picture. Once restored, three re-creates its GL state and uploads every geometry, texture
 * and program again on the next render, which the resume listener asks for.
 */
export function ContextLoss() {
  const canvas = useThree((s) => s.gl.domElement)

  useEffect(() => {
    // The canvas's wrapper holds the label layer too: hide both. Opacity, not visibility (the labels set their
    // own), and not display (the canvas would resize to nothing).
    const host = canvas.parentElement ?? canvas
    const lost = (event: Event) => {
      event.preventDefault()
      host.style.opacity = '0'
      setContextLost(true)
    }
    const restored = () => {
      host.style.opacity = ''
      setContextLost(false)
    }
    canvas.addEventListener('webglcontextlost', lost)
    canvas.addEventListener('webglcontextrestored', restored)
    return () => {
      canvas.removeEventListener('webglcontextlost', lost)
      canvas.removeEventListener('webglcontextrestored', restored)
      host.style.opacity = ''
      setContextLost(false)
    }
  }, [canvas])

  return null
}
