import { describe, expect, it } from 'vitest'
import { withTransfer } from './transfer'

describe('withTransfer', () => {
  it('copies every typed array and lists the copies for transfer, leaving the originals alone', () => {
    const lat = new Float64Array([1, 2, 3])
    const up = new Uint8Array([1, 0])
    const msg = {
      net: { lat, labels: new Map([[0, 'Ashburn']]), graph: { offsets: new Uint32Array([0, 1]) } },
      list: [up],
      n: 3,
    }
    const { value, transfer } = withTransfer(msg)
    expect(value).toEqual(msg)
    expect(value.net.lat).not.toBe(lat)
    expect(value.list[0]).not.toBe(up)
    expect(transfer).toHaveLength(3)
    expect(transfer).toContain(value.net.lat.buffer)
    // The worker keeps working on its own arrays.
    value.net.lat[0] = 99
    expect(lat[0]).toBe(1)
  })

  it('keeps an array shared between two places shared, copied once', () => {
    const shared = new Int32Array([7, 8])
    const { value, transfer } = withTransfer({ a: shared, b: { c: shared } })
    expect(value.a).toBe(value.b.c)
    expect(transfer).toHaveLength(1)
  })

  it('survives a real transfer: the receiver gets the data, the sender keeps its own', () => {
    const lat = new Float64Array(1000).fill(4)
    const { value, transfer } = withTransfer({ lat })
    const received = structuredClone(value, { transfer })
    expect(received.lat[999]).toBe(4)
    expect(value.lat.byteLength).toBe(0) // the copy moved
    expect(lat.byteLength).toBe(8000) // the original did not
  })
})
