import { describe, expect, it } from 'vitest'
import { contextOf, parseExpr } from './check-test-helpers'
import { compileKey } from './compile-key'

const ctx = contextOf({ 'user.name': 'keyword', pid: 'long', 'source.ip': 'ip', 'host.name': { type: 'keyword', ignore_above: 5 } })

function keys(expr: string, event: unknown): readonly unknown[] {
  return compileKey(parseExpr(expr).expr, ctx)(event)
}

describe('compileKey', () => {
  it('reads one indexed value', () => {
    expect(keys('user.name', { user: { name: 'alice' } })).toEqual(['alice'])
    expect(keys('pid', { pid: '42' })).toEqual([42])
  })

  it('fans out multi-valued keys, distinct, nulls dropped', () => {
    expect(keys('user.name', { user: { name: ['b', 'a', 'b', null] } })).toEqual(['b', 'a'])
    expect(keys('source.ip', { source: { ip: ['10.0.0.1', '10.0.0.01', '::1'] } }).length).toBe(2)
  })

  it('returns [] for a missing key and [null] for a missing optional key', () => {
    expect(keys('user.name', {})).toEqual([])
    expect(keys('user.name', { user: { name: [] } })).toEqual([])
    expect(keys('?user.name', {})).toEqual([null])
    expect(keys('?unmapped', { unmapped: 'x' })).toEqual([null])
  })

  it('drops values the field does not index (over ignore_above)', () => {
    expect(keys('host.name', { host: { name: 'toolong' } })).toEqual([])
    expect(keys('?host.name', { host: { name: ['toolong', 'ok'] } })).toEqual(['ok'])
  })

  it('evaluates expression keys per value', () => {
    expect(keys('pid * 2', { pid: [1, 2] })).toEqual([2, 4])
    expect(keys('length(user.name)', { user: { name: ['ab', 'cd'] } })).toEqual([2])
  })
})
