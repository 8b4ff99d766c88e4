/**
 * Whether drawing frames is worth anything. Frames are drawn on demand, and everything that keeps them coming
 * (SimDriver, the Animator, Spin, traffic) asks shouldDraw() first: while the tab is hidden, the canvas is
 * scrolled out of view or the WebGL context is lost, nothing asks for a frame, so the page costs no CPU or GPU
 * and the simulation's clock stands still. When drawing is worth it again, the resume listeners run (the scene
 * asks for a frame there, and everything picks up where it stopped).
 *
 * The flags are module state, one set per page (a page has one globe); watchVisibility() keeps the first two
 * up to date from the DOM, ContextLoss the third.
 */

let pageVisible = true
let intersecting = true
let contextLost = false
const resumeListeners = new Set<() => void>()

/** The tab is visible and some of the canvas is inside the viewport. */
export function isOnScreen(): boolean {
  return pageVisible && intersecting
}

/** On screen, and with a WebGL context to draw with. */
export function shouldDraw(): boolean {
  return isOnScreen() && !contextLost
}

function update(change: () => void): void {
  const before = shouldDraw()
  change()
  if (!before && shouldDraw()) for (const listener of resumeListeners) listener()
}

export function setPageVisible(visible: boolean): void {
  update(() => (pageVisible = visible))
}

export function setIntersecting(visible: boolean): void {
  update(() => (intersecting = visible))
}

export function setContextLost(lost: boolean): void {
  update(() => (contextLost = lost))
}

/** Calls listener whenever drawing becomes worth it again; returns the function that removes it. */
export function onResume(listener: () => void): () => void {
  resumeListeners.add(listener)
  return () => resumeListeners.delete(listener)
}

/** What watchVisibility needs from the page; tests pass fakes. */
export interface VisibilityEnv {
  document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>
  IntersectionObserver?: typeof IntersectionObserver
}

/**
 * Follows the tab's visibility and whether target (the canvas) intersects the viewport. Returns the function
 * that stops following; the flags then go back to "visible", as nothing watches them any more.
 */
export function watchVisibility(
  target: Element,
  env: VisibilityEnv = { document, IntersectionObserver: globalThis.IntersectionObserver },
): () => void {
  const doc = env.document
  const onVisibility = () => setPageVisible(doc.visibilityState !== 'hidden')
  doc.addEventListener('visibilitychange', onVisibility)
  onVisibility()
  let observer: IntersectionObserver | null = null
  if (env.IntersectionObserver) {
    observer = new env.IntersectionObserver((entries) => {
      // Entries come oldest first; the last one is the current state.
      const last = entries[entries.length - 1]
      if (last) setIntersecting(last.isIntersecting)
    })
    observer.observe(target)
  }
  return () => {
    doc.removeEventListener('visibilitychange', onVisibility)
    observer?.disconnect()
    setPageVisible(true)
    setIntersecting(true)
  }
}
