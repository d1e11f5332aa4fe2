import { scalarText } from '../values/field-indexer'
import type { Getter } from '../values/field-getter'
import { ALWAYS, NEVER, type EventTest } from './program'

/**
 * Building blocks of every leaf clause: "does any value of the field pass" (multi-valued fields
 * match when any element does, spec §5 general rules), keyword text as a keyword field indexes
 * it, and or-folding of per-field tests. The closures read the event once and allocate nothing.
 */

/** Tests one raw scalar the getter returned. */
export type RawTest = (raw: unknown) => boolean

/** Whether any value the getter reads passes `test` (false when the field has none). */
export function anyValue(read: Getter, test: RawTest): EventTest {
  return (event) => {
    const v = read(event)
    if (v === undefined) return false
    if (!Array.isArray(v)) return test(v)
    for (let i = 0; i < v.length; i++) if (test(v[i])) return true
    return false
  }
}

/**
 * The text a keyword-family field indexes for a raw value (JSON numbers and booleans as their
 * text), or undefined when it is not indexed (over `ignore_above`: invisible to every query).
 */
export function keywordText(raw: unknown, ignoreAbove: number | undefined): string | undefined {
  const s = typeof raw === 'string' ? raw : scalarText(raw)
  return s === undefined || (ignoreAbove !== undefined && s.length > ignoreAbove) ? undefined : s
}

/** A string predicate over keyword text of each value. */
export function keywordTest(read: Getter, ignoreAbove: number | undefined, pred: (s: string) => boolean): EventTest {
  return anyValue(read, (raw) => {
    const s = keywordText(raw, ignoreAbove)
    return s !== undefined && pred(s)
  })
}

/**
 * Term equality on a keyword-family field. A value equal to the constant has its length, so when
 * the constant itself fits `ignore_above` no length check is needed per event; when it does not,
 * nothing can match. Strings compare directly; only numbers, booleans and arrays take the slow path.
 */
export function keywordEquals(read: Getter, constant: string, ignoreAbove: number | undefined): EventTest {
  if (ignoreAbove !== undefined && constant.length > ignoreAbove) return NEVER
  return (event) => {
    const v = read(event)
    if (v === constant) return true
    if (v === undefined || typeof v === 'string') return false
    if (!Array.isArray(v)) return scalarText(v) === constant
    for (let i = 0; i < v.length; i++) {
      const e: unknown = v[i]
      if (e === constant || (typeof e !== 'string' && scalarText(e) === constant)) return true
    }
    return false
  }
}

/** OR of tests, constant ones folded (an empty OR is false). */
export function orTests(tests: readonly EventTest[]): EventTest {
  const live: EventTest[] = []
  for (const t of tests) {
    if (t === ALWAYS) return ALWAYS
    if (t !== NEVER) live.push(t)
  }
  const [a, b] = live
  if (a === undefined) return NEVER
  if (b === undefined) return a
  if (live.length === 2) return (e) => a(e) || b(e)
  return (e) => {
    for (let i = 0; i < live.length; i++) if ((live[i] as EventTest)(e)) return true
    return false
  }
}

/** AND of tests, constant ones folded (an empty AND is true). */
export function andTests(tests: readonly EventTest[]): EventTest {
  const live: EventTest[] = []
  for (const t of tests) {
    if (t === NEVER) return NEVER
    if (t !== ALWAYS) live.push(t)
  }
  const [a, b] = live
  if (a === undefined) return ALWAYS
  if (b === undefined) return a
  if (live.length === 2) return (e) => a(e) && b(e)
  return (e) => {
    for (let i = 0; i < live.length; i++) if (!(live[i] as EventTest)(e)) return false
    return true
  }
}

/** NOT, constants folded. */
export function notTest(t: EventTest): EventTest {
  if (t === ALWAYS) return NEVER
  if (t === NEVER) return ALWAYS
  return (e) => !t(e)
}
