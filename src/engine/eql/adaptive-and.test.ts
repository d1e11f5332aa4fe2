import { describe, expect, it } from 'vitest'
import { adaptiveAnd } from './adaptive-and'
import { ALWAYS, NEVER, type EventTest } from './compile-leaf'
import { buildSchema } from '../schema/build-schema'
import { compileEql } from './compile-eql'
import { runEql } from './run-eql'

/** A test on `event.n` that counts its calls. */
function counted(pass: (n: number) => boolean): { test: EventTest; calls: () => number } {
  let calls = 0
  return {
    test: (ev) => {
      calls++
      return pass((ev as { n: number }).n)
    },
    calls: () => calls,
  }
}

describe('adaptiveAnd', () => {
  it('folds constants', () => {
    const t: EventTest = () => true
    expect(adaptiveAnd([])).toBe(ALWAYS)
    expect(adaptiveAnd([{ test: ALWAYS, cost: 1 }, { test: t, cost: 1 }])).toBe(t)
    expect(adaptiveAnd([{ test: t, cost: 1 }, { test: NEVER, cost: 1 }])).toBe(NEVER)
  })

  it('answers the conjunction while it learns to test the most selective condition first', () => {
    const loose = counted((n) => n % 10 !== 0) // fails 10%
    const tight = counted((n) => n % 100 === 7) // fails 99%
    const and = adaptiveAnd([
      { test: loose.test, cost: 1 },
      { test: tight.test, cost: 1 },
    ])
    const events = Array.from({ length: 50_000 }, (_, n) => ({ n }))
    const got = events.filter((e) => and(e)).map((e) => e.n)
    expect(got).toEqual(events.filter((e) => e.n % 10 !== 0 && e.n % 100 === 7).map((e) => e.n))
    // after the first rounds the tight test runs first, so the loose one runs for ~1% of events
    expect(loose.calls()).toBeLessThan(10_000)
  })

  it('weighs failure rates by cost', () => {
    const cheap = counted((n) => n % 2 === 0) // fails 50%
    const costly = counted((n) => n % 100 === 7) // fails 99%, but costs 8
    const and = adaptiveAnd([
      { test: costly.test, cost: 8 },
      { test: cheap.test, cost: 1 },
    ])
    for (let n = 0; n < 50_000; n++) and({ n })
    expect(costly.calls()).toBeLessThan(30_000)
  })
})

describe('reordered filters', () => {
  it('give the written order answers, hits included', () => {
    const events = Array.from({ length: 20_000 }, (_, i) => ({
      '@timestamp': new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
      event: { category: i % 3 === 0 ? 'file' : 'process', type: ['start'] },
      host: { os: { type: 'macos' } },
      process: { name: i % 997 === 0 ? 'defaults' : 'bash', args: ['x', i % 2 === 0 ? 'write' : 'read'] },
    }))
    const { schema } = buildSchema({ ecs: true })
    const query = 'process where host.os.type == "macos" and event.type == "start" and process.name == "defaults" and process.args == "write"'
    const program = compileEql(query, { schema }).program
    expect(program).not.toBeNull()
    const expected = events.flatMap((e, i) => (i % 3 !== 0 && i % 997 === 0 && i % 2 === 0 ? [i] : []))
    for (let run = 0; run < 3; run++) {
      const result = runEql(program, events).result
      if (result?.kind !== 'events') throw new Error('expected events')
      expect(result.events.map((e) => e.index)).toEqual(expected)
      expect(result.events[0]?.hits.map((h) => h.field)).toEqual(['event.category', 'host.os.type', 'event.type', 'process.name', 'process.args'])
    }
  })
})
