/**
 * The globe's WebGL context attributes: what three.js's WebGLRenderer asks for with the globe's options (no alpha,
 * antialiased, the fast GPU), so the context the check below makes is the one the renderer would have made.
 */
export const GL_ATTRIBUTES = {
  alpha: false,
  depth: true,
  stencil: false,
  antialias: true,
  premultipliedAlpha: true,
  preserveDrawingBuffer: false,
  powerPreference: 'high-performance',
  failIfMajorPerformanceCaveat: false,
} as const satisfies WebGLContextAttributes

let warm: HTMLCanvasElement | null = null

/**
 * Whether this browser can give us a WebGL 2 context (three.js needs WebGL 2). Checked once before the scene's
 * code is even downloaded, so a browser without it gets the text fallback straight away. The canvas and context
 * the check made are kept for the first globe (takeCheckedCanvas).
 */
export function hasWebGL2(): boolean {
  try {
    if (typeof WebGL2RenderingContext === 'undefined') return false
    const canvas = document.createElement('canvas')
    if (canvas.getContext('webgl2', GL_ATTRIBUTES) === null) return false
    warm = canvas
    return true
  } catch {
    return false
  }
}

/**
 * The canvas hasWebGL2 checked, with its context, once: the first globe draws on it rather than make a second
 * context (under software rendering, making one takes between a quarter and three quarters of a second).
 */
export function takeCheckedCanvas(): HTMLCanvasElement | null {
  const canvas = warm
  warm = null
  return canvas
}
