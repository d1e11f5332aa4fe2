import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { compileKql } from './compile-kql'
import { someLeaf } from './compile-event-fields'

/** Fields the schema does not list (built without these events): patterns and free text still see them. */
const { schema } = buildSchema({ ecs: true })

function test(query: string, event: unknown): boolean {
  const out = compileKql(query, { schema })
  if (out.program === null) throw new Error(out.diagnostics.map((d) => d.code).join())
  return out.program.test(event)
}

describe('event fields unknown to the schema', () => {
  it.each([
    ['custom.*:x', { custom: { a: { b: 'x' } } }, true],
    ['custom.*:x', { 'custom.a': ['y', 'x'] }, true],
    ['custom.*:X', { custom: { a: 'x' } }, false],
    ['custom.*:x*', { custom: { a: 'xyz' } }, true],
    ['custom.*:*', { custom: { a: '' } }, true],
    ['custom.*:*', { custom: { a: null } }, false],
    ['custom.*:1', { custom: { n: 1 } }, true],
    ['other.*:x', { custom: { a: 'x' } }, false],
    ['xyz', { custom: { deep: ['a', 'xyz'] } }, true],
    ['xyz', { custom: { deep: 'xyzw' } }, false],
  ] as const)('%s on %j -> %s', (query, event, expected) => {
    expect(test(query, event)).toBe(expected)
  })

  it('walks leaves with Elasticsearch field names and stops at the first hit', () => {
    const seen: string[] = []
    someLeaf({ a: { b: [1, { c: 2 }], 'd.e': null }, f: 'x', g: 'y' }, '', (name) => {
      seen.push(name)
      return name === 'f'
    })
    expect(seen).toEqual(['a.b', 'a.b.c', 'f'])
  })
})

describe('someLeaf within a subtree', () => {
  it('visits only leaves under the root, through objects and dotted keys', () => {
    const seen: string[] = []
    const event = { a: { b: 1, c: { d: 2 } }, 'a.e': 3, ab: 4, x: { 'a.b': 5 }, 'a.b.f': 6 }
    someLeaf(event, '', (name) => (seen.push(name), false), 'a.b')
    expect(seen).toEqual(['a.b', 'a.b.f'])
    const all: string[] = []
    someLeaf(event, '', (name) => (all.push(name), false), 'a')
    expect(all).toEqual(['a.b', 'a.c.d', 'a.e', 'a.b.f'])
  })
})
