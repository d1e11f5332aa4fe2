import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { compileKql } from './compile-kql'
import { runKql } from './run-kql'

// KqlRunOptions.excluded: hidden events (the exception items' negated filter) never match.
describe('runKql with hidden events', () => {
  const events = [{ n: 'x' }, { n: 'x' }, { n: 'y' }, { n: 'x' }]
  const { schema } = buildSchema({ ecs: false, events })
  const program = compileKql('n : x', { schema }).program
  const indexes = (excluded?: Uint8Array) => {
    if (program === null) throw new Error('no program')
    const out = runKql(program, events, excluded === undefined ? {} : { excluded })
    return { matched: out.result?.kind === 'events' ? out.result.events.map((e) => e.index) : null, count: out.eventCount }
  }
  it('skips them and still counts them as read', () => {
    expect(indexes()).toEqual({ matched: [0, 1, 3], count: 4 })
    expect(indexes(Uint8Array.from([0, 1, 0, 1]))).toEqual({ matched: [0], count: 4 })
  })
  it('a mask shorter than the events hides only what it covers', () => {
    expect(indexes(Uint8Array.from([1]))).toEqual({ matched: [1, 3], count: 4 })
  })
})
