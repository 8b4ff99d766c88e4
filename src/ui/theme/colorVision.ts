/**
 * Colour arithmetic for checking the palettes: WCAG contrast, and how a colour looks to people with the common
 * colour blindnesses (Machado, Oliveira & Fernandes 2009, full severity, applied to linear RGB), compared by
 * CIELAB distance. Pure functions, for tests.
 */

export type Rgb = readonly [number, number, number]

/** '#rrggbb' or 'rgb(r g b)' / 'rgb(r g b / a)' as 0–255 channels and an alpha. */
export function parseColor(css: string): { rgb: Rgb; alpha: number } {
  const s = css.trim()
  const hex = /^#([0-9a-f]{6})$/i.exec(s)
  if (hex) {
    const n = parseInt(hex[1]!, 16)
    return { rgb: [(n >> 16) & 255, (n >> 8) & 255, n & 255], alpha: 1 }
  }
  const fn = /^rgb\(\s*(\d+)\s+(\d+)\s+(\d+)\s*(?:\/\s*([\d.]+))?\s*\)$/.exec(s)
  if (fn) return { rgb: [Number(fn[1]), Number(fn[2]), Number(fn[3])], alpha: fn[4] ? Number(fn[4]) : 1 }
  throw new Error(`not a colour this parser reads: ${css}`)
}

/** A translucent colour laid over an opaque one. */
export function over(top: { rgb: Rgb; alpha: number }, under: Rgb): Rgb {
  const a = top.alpha
  return [0, 1, 2].map((i) => top.rgb[i]! * a + under[i]! * (1 - a)) as unknown as Rgb
}

const toLinear = (c: number) => {
  const v = c / 255
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
}
const toSrgb = (v: number) => {
  const c = Math.min(1, Math.max(0, v))
  return 255 * (c <= 0.0031308 ? c * 12.92 : 1.055 * c ** (1 / 2.4) - 0.055)
}

/** WCAG relative luminance. */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map(toLinear) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia'
export const DEFICIENCIES: readonly Deficiency[] = ['protanopia', 'deuteranopia', 'tritanopia']

const MACHADO: Record<Deficiency, readonly number[]> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
}

/** The colour as a person with the deficiency sees it. */
export function simulate(rgb: Rgb, deficiency: Deficiency): Rgb {
  const m = MACHADO[deficiency]
  const lin = rgb.map(toLinear)
  return [0, 1, 2].map((row) =>
    toSrgb(m[row * 3]! * lin[0]! + m[row * 3 + 1]! * lin[1]! + m[row * 3 + 2]! * lin[2]!),
  ) as unknown as Rgb
}

function lab(rgb: Rgb): Rgb {
  const [r, g, b] = rgb.map(toLinear) as [number, number, number]
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t) / 116 + 16 / 116)
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
}

/** CIE76 colour difference: about 2 is just noticeable, over 20 is a clearly different colour. */
export function deltaE(a: Rgb, b: Rgb): number {
  const [l1, a1, b1] = lab(a)
  const [l2, a2, b2] = lab(b)
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2)
}
