/**
 * Answers with large typed arrays (a 100,000-node network, its snapshots) cost the page dearly when copied by
 * structured clone: the copy is made on the receiving side, on the page's main thread. Instead the worker copies
 * them itself and transfers the copies, which the page then takes over in no time. The worker keeps its own
 * arrays (its simulation goes on using them).
 */

type Seen = Map<object, unknown>

/**
 * A deep copy of `value` in which every typed array is a fresh copy, with the copies' buffers to transfer.
 * Plain objects, arrays and Maps are walked; everything else is passed as it is (structured clone takes it).
 * An array referenced twice is copied once, so the receiver sees the same sharing as the sender.
 */
export function withTransfer<T>(value: T): { value: T; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = []
  const copy = walk(value, new Map(), transfer) as T
  return { value: copy, transfer }
}

function walk(v: unknown, seen: Seen, transfer: ArrayBuffer[]): unknown {
  if (v === null || typeof v !== 'object') return v
  const known = seen.get(v)
  if (known !== undefined) return known
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const copy = (v as unknown as { slice(): ArrayBufferView }).slice()
    transfer.push(copy.buffer as ArrayBuffer)
    seen.set(v, copy)
    return copy
  }
  if (Array.isArray(v)) {
    const out: unknown[] = []
    seen.set(v, out)
    for (const item of v) out.push(walk(item, seen, transfer))
    return out
  }
  if (v instanceof Map) {
    const out = new Map()
    seen.set(v, out)
    for (const [k, item] of v) out.set(k, walk(item, seen, transfer))
    return out
  }
  if (Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {}
    seen.set(v, out)
    for (const [k, item] of Object.entries(v)) out[k] = walk(item, seen, transfer)
    return out
  }
  return v
}
