/**
 * Seeded random streams. Every purpose draws from its own stream (building the network, failing it, placing the
 * replicas of one service…), derived from the seed and a label, so that changing how much one part draws never
 * shifts what another part gets. Sharing one stream between building a graph and failing it would correlate the
 * removal order with how edges were made and bias the results.
 */

export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  u32(): number
  /** Uniform in [0, 1). */
  float(): number
  /** Uniform integer in [0, n). */
  int(n: number): number
  /** Standard normal (Box–Muller). */
  normal(): number
  /** Gamma(shape, 1) (Marsaglia–Tsang). */
  gamma(shape: number): number
  /** Shuffles an array or typed array in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: number }>(a: T): T
}

/** FNV-1a over a label, mixed with the seed: a 32-bit stream key. */
function hashLabel(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0)
  h = Math.imul(h ^ (Math.floor(seed / 4294967296) >>> 0), 0x01000193)
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** splitmix32: spreads one key into well-mixed state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0
  let z = state.s
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/** A stream for one purpose: xoshiro128** seeded from (seed, label). */
export function createRng(seed: number, label: string): Rng {
  const mix = { s: hashLabel(seed, label) }
  let a = splitmix32(mix)
  let b = splitmix32(mix)
  let c = splitmix32(mix)
  let d = splitmix32(mix)
  if ((a | b | c | d) === 0) a = 1
  let spareNormal: number | null = null

  const u32 = (): number => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9)
    const t = b << 9
    c ^= a
    d ^= b
    b ^= c
    a ^= d
    c ^= t
    d = rotl(d, 11)
    return r >>> 0
  }
  const float = (): number => u32() / 4294967296
  const int = (n: number): number => Math.floor(float() * n)
  const normal = (): number => {
    if (spareNormal !== null) {
      const v = spareNormal
      spareNormal = null
      return v
    }
    let u = 0
    while (u === 0) u = float()
    const v = float()
    const r = Math.sqrt(-2 * Math.log(u))
    spareNormal = r * Math.sin(2 * Math.PI * v)
    return r * Math.cos(2 * Math.PI * v)
  }
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * Math.pow(float() || Number.MIN_VALUE, 1 / shape)
    const dd = shape - 1 / 3
    const cc = 1 / Math.sqrt(9 * dd)
    for (;;) {
      let x: number
      let v: number
      do {
        x = normal()
        v = 1 + cc * x
      } while (v <= 0)
      v = v * v * v
      const u = float()
      if (u < 1 - 0.0331 * x ** 4) return dd * v
      if (Math.log(u || Number.MIN_VALUE) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v
    }
  }
  const shuffle = <T extends { length: number; [i: number]: number }>(arr: T): T => {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = int(i + 1)
      const tmp = arr[i]!
      arr[i] = arr[j]!
      arr[j] = tmp
    }
    return arr
  }
  return { u32, float, int, normal, gamma, shuffle }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k))
}

/** Parses a seed given as a number or text; text seeds hash to a number so "talk-2026" works as a seed too. */
export function normalizeSeed(seed: number | string): number {
  if (typeof seed === 'number' && Number.isFinite(seed)) return Math.floor(Math.abs(seed)) % 2 ** 53
  return hashLabel(0, String(seed))
}
