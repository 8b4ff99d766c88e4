/**
 * Pictures and clips of the globe. The canvas keeps no copy of its last frame (preserveDrawingBuffer is off, for
 * speed), so a picture is taken right after a render, in the same task: one frame is asked for, and fiber's
 * after-frame hook copies every globe canvas (two in the compare view) into one picture while the frame is still
 * there. fiber is loaded on demand: it is in the scene's chunk, which a page without WebGL never downloads.
 */

/** The globe canvases on the page, in document order. */
export function globeCanvases(): HTMLCanvasElement[] {
  return [...document.querySelectorAll<HTMLCanvasElement>('.globe canvas')]
}

/** Renders one frame and returns it as a PNG, laid out as on screen (in device pixels). */
export async function captureGlobePng(background: string): Promise<Blob> {
  const canvases = globeCanvases()
  if (canvases.length === 0) throw new Error('there is no globe on the page to save')
  const { addAfterEffect, invalidate } = await import('@react-three/fiber')
  const picture = await new Promise<HTMLCanvasElement>((resolve, reject) => {
    const remove = addAfterEffect(() => {
      remove()
      try {
        resolve(compose(canvases, background))
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)))
      }
    })
    invalidate()
  })
  return new Promise((resolve, reject) =>
    picture.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))),
      'image/png',
    ),
  )
}

/** Copies the canvases, at their places on the page, into one 2D canvas (synchronously: the frame is live now). */
function compose(canvases: HTMLCanvasElement[], background: string): HTMLCanvasElement {
  const rects = canvases.map((c) => c.getBoundingClientRect())
  const scale = canvases[0]!.width / Math.max(1, rects[0]!.width)
  const left = Math.min(...rects.map((r) => r.left))
  const top = Math.min(...rects.map((r) => r.top))
  const right = Math.max(...rects.map((r) => r.right))
  const bottom = Math.max(...rects.map((r) => r.bottom))
  const out = document.createElement('canvas')
  out.width = Math.max(1, Math.round((right - left) * scale))
  out.height = Math.max(1, Math.round((bottom - top) * scale))
  const ctx = out.getContext('2d')
  if (!ctx) throw new Error('this browser cannot draw the picture')
  ctx.fillStyle = background
  ctx.fillRect(0, 0, out.width, out.height)
  canvases.forEach((c, i) => {
    const r = rects[i]!
    ctx.drawImage(c, (r.left - left) * scale, (r.top - top) * scale, r.width * scale, r.height * scale)
  })
  return out
}

/** Offers a blob as a download under a name. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // Long enough for the browser to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
