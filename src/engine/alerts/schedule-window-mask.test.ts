import { describe, expect, it } from 'vitest'
import { excludedOutsideWindow, indexesInWindow } from './schedule-window-mask'

describe('window masks', () => {
  it('complements the window into a runner exclusion mask', () => {
    const inWindow = Uint8Array.from([1, 0, 0, 1, 1])
    expect([...excludedOutsideWindow(inWindow)]).toEqual([0, 1, 1, 0, 0])
  })

  it('reuses a buffer of the right length, and only that', () => {
    const buffer = new Uint8Array(3).fill(7)
    const same = excludedOutsideWindow(Uint8Array.from([0, 1, 0]), buffer)
    expect(same).toBe(buffer)
    expect([...buffer]).toEqual([1, 0, 1])
    const other = excludedOutsideWindow(Uint8Array.from([1, 1]), buffer)
    expect(other).not.toBe(buffer)
    expect([...other]).toEqual([0, 0])
  })

  it('lists the indexes in the window', () => {
    expect(indexesInWindow(Uint8Array.from([0, 1, 0, 1]))).toEqual([1, 3])
    expect(indexesInWindow(new Uint8Array(0))).toEqual([])
  })
})
