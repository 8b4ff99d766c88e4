/**
 * A tiny PNG decoder (node:zlib), enough for browser screenshots: 8-bit greyscale, grey+alpha, RGB or RGBA,
 * not interlaced. Always returns RGBA.
 */
import { inflateSync } from 'node:zlib'

export interface Image {
  width: number
  height: number
  /** RGBA, row by row. */
  data: Uint8Array
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10]
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 }

export function decodePng(png: Uint8Array): Image {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength)
  if (!SIGNATURE.every((b, i) => buf[i] === b)) throw new Error('not a PNG')
  let width = 0
  let height = 0
  let colorType = -1
  const idat: Buffer[] = []
  for (let off = 8; off < buf.length;) {
    const len = buf.readUInt32BE(off)
    const type = buf.toString('latin1', off + 4, off + 8)
    const body = buf.subarray(off + 8, off + 8 + len)
    if (type === 'IHDR') {
      width = body.readUInt32BE(0)
      height = body.readUInt32BE(4)
      const depth = body[8]
      colorType = body[9]!
      const interlace = body[12]
      if (depth !== 8 || !(colorType in CHANNELS) || interlace !== 0)
        throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}, interlace ${interlace}`)
    } else if (type === 'IDAT') idat.push(body)
    else if (type === 'IEND') break
    off += 12 + len
  }
  const channels = CHANNELS[colorType]!
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * channels
  const pixels = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    const src = y * (stride + 1) + 1
    const dst = y * stride
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[dst + x - channels]! : 0
      const b = y > 0 ? pixels[dst - stride + x]! : 0
      const c = x >= channels && y > 0 ? pixels[dst - stride + x - channels]! : 0
      let v = raw[src + x]!
      if (filter === 1) v += a
      else if (filter === 2) v += b
      else if (filter === 3) v += (a + b) >> 1
      else if (filter === 4) {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      } else if (filter !== 0) throw new Error(`bad PNG filter ${filter}`)
      pixels[dst + x] = v & 255
    }
  }
  const data = new Uint8Array(width * height * 4)
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    const g = pixels[j]!
    if (channels === 1 || channels === 2) {
      data.set([g, g, g, channels === 2 ? pixels[j + 1]! : 255], i * 4)
    } else {
      data.set([g, pixels[j + 1]!, pixels[j + 2]!, channels === 4 ? pixels[j + 3]! : 255], i * 4)
    }
  }
  return { width, height, data }
}
