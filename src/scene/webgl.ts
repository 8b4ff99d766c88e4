/**
 * Whether this browser can give us a WebGL 2 context (three.js needs WebGL 2). Checked once before the scene's
 * code is even downloaded, so a browser without it gets the text fallback straight away.
 */
export function hasWebGL2(): boolean {
  try {
    if (typeof WebGL2RenderingContext === 'undefined') return false
    const canvas = document.createElement('canvas')
    // The probe context is simply dropped (not lost on purpose: Chromium logs a warning for loseContext()).
    return canvas.getContext('webgl2') !== null
  } catch {
    return false
  }
}
