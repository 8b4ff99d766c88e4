import { createRoot, extend, type ReconcilerRoot, type RenderProps, type RootStore } from '@react-three/fiber'
import { Component, useInsertionEffect, useLayoutEffect, useRef, useState, type ErrorInfo, type ReactNode } from 'react'
import { Color, Group, Mesh } from 'three'
import { shouldDraw } from './visibility'
import { takeCheckedCanvas } from './webgl'

// The only three.js classes written as JSX elements in the scene (<color>, <group>, <mesh>; everything else is a
// <primitive> built in code). react-three-fiber's own <Canvas> registers the whole `three` namespace instead,
// which keeps all of three.js in the first download (about 35 kB gzip more; scripts/size.ts).
extend({ Color, Group, Mesh })

type Size = { width: number; height: number; top: number; left: number }

interface CanvasProps extends Pick<RenderProps<HTMLCanvasElement>, 'gl' | 'camera' | 'dpr' | 'flat' | 'frameloop'> {
  className?: string
  /** The tool in hand, for the cursor and touch rules (Globe.css). */
  'data-tool'?: string
  children: ReactNode
}

/**
 * A canvas that renders three.js elements: react-three-fiber's `createRoot`, sized to its box. Like the library's
 * <Canvas> (the same nesting of elements, so the styles apply alike), without its pointer events (picker.ts listens
 * to the canvas itself) and without registering every three.js class. The first one adopts the canvas, and its
 * context, that the WebGL check made (webgl.ts). An error in the scene is thrown here, to the page's error
 * boundary.
 */
export function Canvas({ className, 'data-tool': tool, children, ...config }: CanvasProps) {
  const box = useRef<HTMLDivElement>(null)
  const holder = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement | null>(null)
  const root = useRef<ReconcilerRoot<HTMLCanvasElement> | null>(null)
  const stopRedrawing = useRef<(() => void) | null>(null)
  const [size, setSize] = useState<Size | null>(null)
  const [error, setError] = useState<{ error: unknown } | null>(null)
  if (error) throw error.error

  // The canvas element: made here, not by React, so that it can be the one the check made. A ref, so that
  // StrictMode's second mounting finds the same one.
  useLayoutEffect(() => {
    if (!canvas.current) {
      const el = takeCheckedCanvas() ?? document.createElement('canvas')
      el.style.display = 'block'
      canvas.current = el
    }
    holder.current!.appendChild(canvas.current)
  }, [])

  // The canvas follows its box.
  useLayoutEffect(() => {
    const el = box.current!
    const measure = () => {
      const r = el.getBoundingClientRect()
      setSize((s) =>
        s && s.width === r.width && s.height === r.height && s.top === r.top && s.left === r.left
          ? s
          : { width: r.width, height: r.height, top: r.top, left: r.left },
      )
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  // Released on final removal only: insertion effects are not replayed by StrictMode (as in the library's Canvas).
  useInsertionEffect(
    () => () => {
      stopRedrawing.current?.()
      stopRedrawing.current = null
      root.current?.unmount()
      root.current = null
    },
    [],
  )

  useLayoutEffect(() => {
    const el = canvas.current
    if (!el || !size || size.width <= 0 || size.height <= 0) return
    root.current ??= createRoot(el)
    root.current.configure({ ...config, size }).catch((e: unknown) => setError({ error: e }))
    if (root.current.ready.status === 'fulfilled') {
      const store = root.current.render(<PassError onError={(e) => setError({ error: e })}>{children}</PassError>)
      stopRedrawing.current ??= redrawAfterResize(store)
    }
  })

  return (
    <div
      ref={box}
      className={className}
      data-tool={tool}
      style={{ position: 'relative', width: '100%', height: '100%', overflow: 'hidden' }}
    >
      <div ref={holder} style={{ width: '100%', height: '100%' }} />
    </div>
  )
}

/**
 * Resizing the canvas or changing its pixel ratio clears its drawing buffer, so a frame must follow, or the canvas
 * stays blank (the DOM labels over it still showing) until something else asks for one. Fiber asks for a frame on
 * every change of its state, but a request made at the end of a frame (an after-effect: AdaptivePixelRatio
 * changes tier there) is lost when that frame was the last of a burst, as fiber's loop has already decided to
 * stop. So every such change asks again once the frame in hand, if any, is over: a microtask runs after the
 * animation-frame callback returns. Off screen nothing is drawn; the first frame back draws it (visibility.ts).
 * Returns the function that stops watching.
 */
function redrawAfterResize(store: RootStore): () => void {
  let { size, viewport } = store.getState()
  return store.subscribe((s) => {
    if (s.size.width === size.width && s.size.height === size.height && s.viewport.dpr === viewport.dpr) return
    size = s.size
    viewport = s.viewport
    queueMicrotask(() => {
      if (shouldDraw()) store.getState().invalidate()
    })
  })
}

/** Catches an error in the scene's own React tree and hands it to the page's tree. */
class PassError extends Component<{ onError: (error: unknown) => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override componentDidCatch(error: unknown, _info: ErrorInfo) {
    this.props.onError(error)
  }
  override render() {
    return this.state.failed ? null : this.props.children
  }
}
