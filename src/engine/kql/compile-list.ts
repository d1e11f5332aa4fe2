import { cidrContains, parseCidr, parseIp, type Cidr } from '../values/ip-address'
import { isFault } from '../values/indexed-types'
import type { IsNode, OrNode } from './ast'
import { targetOf } from './check-fields'
import type { CompileContext } from './compile-context'
import { anyValue, keywordText, orTests } from './compile-values'
import type { Clause, EventTest } from './program'

/**
 * Long value lists are common in rules (`process.name:(a or b or ... )`, `source.ip:(10.0.0.0/8
 * or ...)`). Compiled leaf by leaf, an event that matches none reads the field once per value.
 * For the plain values of a list on one keyword or ip field, this builds one test that reads the
 * field once (a Set lookup, or one address parse against every block) with exactly the leaves'
 * answers; the other children (wildcards, `not`, groups) keep their own tests. Hits still come
 * from the individual leaves.
 */
const MIN_VALUES = 3

export function listTest(node: OrNode, children: readonly Clause[], ctx: CompileContext): EventTest | null {
  const list = node.list
  if (list === null || list.field.type !== 'field') return null
  const plain: string[] = []
  const rest: EventTest[] = []
  node.children.forEach((child, i) => {
    const value = plainValue(child, list.field)
    if (value !== undefined) plain.push(value)
    else rest.push((children[i] as Clause).test)
  })
  if (plain.length < MIN_VALUES) return null
  const prefix = ctx.nestedPath === undefined ? '' : ctx.nestedPath + '.'
  const target = targetOf(prefix + list.field.name, ctx)
  const spec = target.spec
  let merged: EventTest
  if (spec === undefined || spec.type === 'keyword' || spec.type === 'wildcard') {
    const ia = spec?.ignoreAbove
    const set = new Set(plain)
    merged = anyValue(target.read, (raw) => {
      const s = keywordText(raw, ia)
      return s !== undefined && set.has(s)
    })
  } else if (spec.type === 'ip') {
    const blocks: Cidr[] = []
    for (const v of plain) {
      const b = parseCidr(v)
      if (isFault(b)) return null // the leaf reported it; keep the leaf-by-leaf test
      blocks.push(b)
    }
    merged = anyValue(target.read, (raw) => {
      const ip = parseIp(raw)
      if (ip === undefined) return false
      for (const b of blocks) if (cidrContains(ip, b)) return true
      return false
    })
  } else return null
  return orTests([merged, ...rest])
}

/** The text of a plain `is` leaf of the list (not a wildcard, not null). */
function plainValue(node: OrNode['children'][number], field: unknown): string | undefined {
  if (node.type !== 'is' || node.field !== field) return undefined
  const v = (node as IsNode).value
  if (v.type === 'literal') return v.text
  if (v.type === 'keyword' && v.value !== null) return v.value ? 'true' : 'false'
  return undefined
}
