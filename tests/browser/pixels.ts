/** Reading a screenshot of the globe: which pixels are background, ocean, land dots. */
import type { Image } from './png'

export type Rgb = [number, number, number]

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace('#', ''), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function luminance(r: number, g: number, b: number): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export type PixelClass = 'background' | 'ocean' | 'land' | 'other'

/**
 * Background: within a few levels of the background colour. Land dots: bright and blue-white (their shadowed
 * side included). Ocean: dark, clearly blue, and clearly not the background. Everything else (the halo, the
 * soft edges of dots, text) is 'other'.
 */
export function classify(r: number, g: number, b: number, background: Rgb): PixelClass {
  if (Math.abs(r - background[0]) <= 4 && Math.abs(g - background[1]) <= 4 && Math.abs(b - background[2]) <= 4)
    return 'background'
  const lum = luminance(r, g, b)
  if (lum >= 80 && b >= r + 30 && b >= g) return 'land'
  if (lum >= 9 && lum <= 45 && b >= r + 12 && b > g) return 'ocean'
  return 'other'
}

export interface Census {
  total: number
  background: number
  ocean: number
  land: number
  other: number
}

/** Counts the classes over the whole image, or over a disc (centre and radius in pixels). */
export function census(img: Image, background: Rgb, disc?: { cx: number; cy: number; r: number }): Census {
  const out: Census = { total: 0, background: 0, ocean: 0, land: 0, other: 0 }
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (disc && (x - disc.cx) ** 2 + (y - disc.cy) ** 2 > disc.r ** 2) continue
      const i = (y * img.width + x) * 4
      out[classify(img.data[i]!, img.data[i + 1]!, img.data[i + 2]!, background)]++
      out.total++
    }
  }
  return out
}

export function share(c: Census, k: Exclude<keyof Census, 'total'>): number {
  return c.total ? c[k] / c.total : 0
}
