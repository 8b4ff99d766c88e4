/**
 * The globe's WebGL context attributes: what three.js's WebGLRenderer asks for with the globe's options (no alpha,
 * antialiased, the fast GPU), so the context the check below makes is the one the renderer would have made.
 * Multisampling is asked for on a GPU only (glAttributes): a software rasteriser pays for it on every pixel.
 */
const GL_ATTRIBUTES = {
  alpha: false,
  depth: true,
  stencil: false,
  antialias: true,
  premultipliedAlpha: true,
  preserveDrawingBuffer: false,
  powerPreference: 'high-performance',
  failIfMajorPerformanceCaveat: false,
} as const satisfies WebGLContextAttributes

/** The same on a software rasteriser: no multisampling. */
const SOFTWARE_ATTRIBUTES: WebGLContextAttributes = { ...GL_ATTRIBUTES, antialias: false }

/**
 * Renderers that draw on the CPU: Chrome's SwiftShader (no GPU, or a blocked driver), Mesa's llvmpipe and
 * softpipe, Windows's Basic Render Driver. On them a frame of the globe costs tens of milliseconds per million
 * pixels, and two things cost as much as everything drawn: 4× multisampling (measured here: it halves the frame
 * rate) and the panels' backdrop blur, which the compositor redoes under every panel on every frame.
 */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i

let software = false

/** The name the driver gives its renderer (unmasked where the browser allows it). */
function rendererName(gl: WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info')
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '')
}

/**
 * The attributes every globe's context is made with: multisampled on a GPU; on a software rasteriser without
 * (the dots, links and rings antialias themselves in their shaders; only the Earth's rim gets harder).
 */
export function glAttributes(): WebGLContextAttributes {
  return software ? SOFTWARE_ATTRIBUTES : GL_ATTRIBUTES
}

let warm: HTMLCanvasElement | null = null

/**
 * Whether this browser can give us a WebGL 2 context (three.js needs WebGL 2). Checked once before the scene's
 * code is even downloaded, so a browser without it gets the text fallback straight away. The canvas and context
 * the check made are kept for the first globe (takeCheckedCanvas).
 */
export function hasWebGL2(): boolean {
  try {
    if (typeof WebGL2RenderingContext === 'undefined') return false
    // Asked for without multisampling first: on a software rasteriser this is the context the globe keeps (making
    // one there takes a quarter to three quarters of a second); on a GPU a second, multisampled one is cheap.
    let canvas = document.createElement('canvas')
    const gl = canvas.getContext('webgl2', SOFTWARE_ATTRIBUTES)
    if (gl === null) return false
    software = SOFTWARE_RENDERER.test(rendererName(gl))
    if (!software) {
      const multisampled = document.createElement('canvas')
      if (multisampled.getContext('webgl2', GL_ATTRIBUTES) !== null) {
        gl.getExtension('WEBGL_lose_context')?.loseContext()
        canvas = multisampled
      }
    }
    // The page's panels drop their backdrop blur (styles.css): redone under every panel on every frame, it costs a
    // software compositor as much as a third of the globe's drawing.
    if (software) document.documentElement.dataset.renderer = 'software'
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
