import { describe, expect, it } from 'vitest'
import { firstSampleOf, topSelfTime } from './profile'

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber })

describe('self time of a CPU profile', () => {
  it('adds each sample\'s time (the gap to the next) to its function, heaviest first, idle left out', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(idle)') },
        { id: 2, callFrame: frame('scan', 'http://127.0.0.1:5317/assets/index-1.js', 41) },
        { id: 3, callFrame: frame('', 'http://127.0.0.1:5317/assets/index-1.js', 9) },
        { id: 4, callFrame: frame('(garbage collector)') },
      ],
      samples: [2, 2, 3, 1, 4, 2],
      timeDeltas: [0, 1000, 3000, 500, 9000, 2000],
    }
    expect(topSelfTime(profile, 10)).toEqual([
      { name: 'scan index-1.js:42', ms: 4 },
      { name: '(garbage collector)', ms: 2 },
      { name: '(anonymous) index-1.js:10', ms: 0.5 },
    ])
    expect(topSelfTime(profile, 1)).toHaveLength(1)
  })

  it('reads an empty profile as nothing', () => {
    expect(topSelfTime({ nodes: [] }, 5)).toEqual([])
  })
})

describe('self time within a window', () => {
  it('keeps the samples taken between from and to (ms after the profile start)', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('early') },
        { id: 2, callFrame: frame('late') },
      ],
      // samples at 0, 10, 20, 30 ms, each 10 ms long but the last
      samples: [1, 1, 2, 2],
      timeDeltas: [0, 10_000, 10_000, 10_000],
    }
    expect(topSelfTime(profile, 5, 15, 40)).toEqual([{ name: 'late', ms: 10 }])
    expect(topSelfTime(profile, 5, 0, 12)).toEqual([{ name: 'early', ms: 20 }])
  })
})

describe('the clock marker', () => {
  it('finds when the first sample in a named function was taken', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(program)') },
        { id: 2, callFrame: frame('__benchProfileMark') },
      ],
      samples: [1, 1, 2, 2],
      timeDeltas: [500, 1000, 1500, 200],
    }
    expect(firstSampleOf(profile, '__benchProfileMark')).toBe(3)
    expect(firstSampleOf(profile, 'absent')).toBeNull()
  })
})
