/**
 * Recording the globe as a WebM clip: MediaRecorder on the canvas's captureStream. The scene draws only when
 * something moves, so while recording a frame is asked for on every display frame: the clip runs smoothly even
 * when the globe stands still.
 */

const WEBM_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'] as const

/** The first WebM type the browser can record, or null when it cannot record WebM at all. */
export function pickWebmType(
  recorder: { isTypeSupported(type: string): boolean } | undefined = typeof MediaRecorder === 'undefined'
    ? undefined
    : MediaRecorder,
): string | null {
  if (!recorder) return null
  return WEBM_TYPES.find((t) => recorder.isTypeSupported(t)) ?? null
}

/** Whether this browser can record the canvas as WebM. */
export function canRecordWebm(): boolean {
  return (
    typeof HTMLCanvasElement !== 'undefined' &&
    typeof HTMLCanvasElement.prototype.captureStream === 'function' &&
    pickWebmType() !== null
  )
}

export interface Recording {
  /** Stops and returns the clip. */
  stop(): Promise<Blob>
}

const FPS = 30

export async function startRecording(canvas: HTMLCanvasElement): Promise<Recording> {
  const type = pickWebmType()
  if (!type || typeof canvas.captureStream !== 'function') throw new Error('this browser cannot record WebM video')
  const { invalidate } = await import('@react-three/fiber')
  const stream = canvas.captureStream(FPS)
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 8_000_000 })
  const chunks: Blob[] = []
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data)
  }
  let frame = 0
  const keepDrawing = () => {
    invalidate()
    frame = requestAnimationFrame(keepDrawing)
  }
  keepDrawing()
  recorder.start(1000)
  return {
    stop: () =>
      new Promise<Blob>((resolve) => {
        cancelAnimationFrame(frame)
        recorder.onstop = () => {
          for (const track of stream.getTracks()) track.stop()
          resolve(new Blob(chunks, { type: 'video/webm' }))
        }
        recorder.stop()
      }),
  }
}
