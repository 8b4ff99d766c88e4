import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_BYTES } from '../../store/store'
import { formatBytes, refuseFile } from './importFile'

describe('import file checks', () => {
  it('lets a JSON file under the limit be read', () => {
    expect(refuseFile({ name: 'graph.json', size: 1000, type: 'application/json' })).toBeNull()
    expect(refuseFile({ name: 'GRAPH.JSON', size: 1000, type: '' })).toBeNull()
    expect(refuseFile({ name: 'nodes', size: 1000, type: 'application/json' })).toBeNull()
    expect(refuseFile({ name: 'x.json', size: MAX_IMPORT_BYTES, type: '' })).toBeNull()
  })

  it('refuses a file over 10 MB before reading it, saying how large it is', () => {
    expect(refuseFile({ name: 'big.json', size: MAX_IMPORT_BYTES + 1, type: '' })).toBe(
      'big.json is 10 MB: files over 10 MB are refused',
    )
    expect(refuseFile({ name: 'big.json', size: 25 * 1024 * 1024, type: '' })).toMatch(/25 MB/)
  })

  it('refuses a file that is not JSON', () => {
    expect(refuseFile({ name: 'photo.png', size: 10, type: 'image/png' })).toMatch(/photo\.png is not a \.json file/)
  })

  it('writes sizes in bytes, kB or MB', () => {
    expect(formatBytes(512)).toBe('512 bytes')
    expect(formatBytes(2048)).toBe('2 kB')
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB')
  })
})
