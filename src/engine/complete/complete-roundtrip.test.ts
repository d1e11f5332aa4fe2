import { describe, expect, it } from 'vitest'
import { compileEql } from '../eql/compile-eql'
import { runEql } from '../eql/run-eql'
import { compileKql } from '../kql/compile-kql'
import { runKql } from '../kql/run-kql'
import type { RunOutput } from '../result'
import { EVENTS, SCHEMA, complete } from './complete-test-helpers'

function count(out: RunOutput): number {
  return out.result?.kind === 'events' ? out.result.events.length : -1
}

/**
 * A proposed value, inserted after its operator, must give a query that compiles and matches the
 * events it was seen in: quoting and escaping (quotes, backslashes, regex syntax) are right.
 */
describe('inserted values match the events they come from', () => {
  it.each([
    ['any where file.path == ‸', 1],
    ['any where lab.tag == ‸', 1],
    ['any where lab.tag : ‸', 1],
    ['any where lab.tag regex ‸', 1],
    ['any where file.path regex~ ‸', 1],
    ['any where process.name in (‸', 2],
    ['any where process.pid == ‸', 1],
  ] as const)('EQL %s', (q, expected) => {
    const r = complete('eql', q)
    const first = r.items[0]
    expect(first?.kind).toBe('value')
    const text = q.replace('‸', first?.insertText ?? '') + (q.endsWith('(‸') ? ')' : '')
    const compiled = compileEql(text, { schema: SCHEMA })
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(count(runEql(compiled.program, EVENTS))).toBe(expected)
  })

  it.each([
    ['file.path : ‸', 1],
    ['lab.tag : ‸', 1],
    ['process.name : ‸', 2],
    ['host.id : (‸', 2],
    ['process.pid >= ‸', 3],
  ] as const)('KQL %s', (q, expected) => {
    const first = complete('kql', q).items[0]
    expect(first?.kind).toBe('value')
    const text = q.replace('‸', first?.insertText ?? '') + (q.endsWith('(‸') ? ')' : '')
    const compiled = compileKql(text, { schema: SCHEMA })
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(compiled.program).not.toBeNull()
    if (compiled.program !== null) expect(count(runKql(compiled.program, EVENTS))).toBe(expected)
  })
})
