import type { Indexed } from '../values/indexed-types'
import type { Indexer } from '../values/field-indexer'
import type { ValueCode } from './compile-expr'

/**
 * The building blocks every leaf condition is made of: "does any indexed value of this expression
 * pass `test`" and "does it have a value at all". Both read the event once and allocate nothing:
 * the test closure is built at compile time.
 */
export type EventTest = (event: unknown) => boolean

/** Constant tests, recognised by identity so and/or/not can fold them at compile time. */
export const ALWAYS: EventTest = () => true
export const NEVER: EventTest = () => false
/**
 * A condition Elasticsearch's optimizer folds to null (FoldNull): `?unmapped : "a"`, `x < null`,
 * `?unmapped in (...)`. It matches nothing, and neither does its negation (`not null` is null).
 * Tested by identity, so it must never be wrapped.
 */
export const NULL_CONDITION: EventTest = () => false

/** Whether any indexed value of the expression passes `test` (false when it has none). */
export function anyIndexed(code: ValueCode, test: (v: Indexed) => boolean): EventTest {
  const read = code.read
  const index: Indexer = code.index
  return (event) => {
    const raw = read(event)
    if (raw === undefined) return false
    if (!Array.isArray(raw)) {
      const v = index(raw)
      return v !== undefined && test(v)
    }
    for (let i = 0; i < raw.length; i++) {
      const v = index(raw[i])
      if (v !== undefined && test(v)) return true
    }
    return false
  }
}

/** Whether the expression has at least one indexed value (`x != null`). */
export function hasValue(code: ValueCode): EventTest {
  return anyIndexed(code, () => true)
}

/**
 * `field == "text"` on a string-indexed value: raw strings are compared directly (an equal raw
 * string is necessarily indexed, since the constant itself passed the field's indexer, and a
 * string-indexed field indexes a string as itself or not at all); only numbers, booleans and
 * computed objects go through the indexer. Arrays are scanned here, without reading the event twice.
 */
export function stringEquals(code: ValueCode, constant: string): EventTest {
  const read = code.read
  const index = code.index
  return (event) => {
    const raw = read(event)
    if (raw === constant) return true
    if (typeof raw === 'string' || raw === undefined) return false
    if (!Array.isArray(raw)) return index(raw) === constant
    for (let i = 0; i < raw.length; i++) {
      const e: unknown = raw[i]
      if (e === constant) return true
      if (typeof e !== 'string' && index(e) === constant) return true
    }
    return false
  }
}

/** `field in ("a", "b", ...)` on a string-indexed value, with a Set built once. */
export function stringIn(code: ValueCode, set: ReadonlySet<string>): EventTest {
  return anyString(code, (s) => set.has(s))
}

/** A string test on each indexed string value (wildcards, regexes, case-insensitive sets). */
export function anyString(code: ValueCode, test: (s: string) => boolean): EventTest {
  const read = code.read
  const index = code.index
  const one = (raw: unknown): boolean => {
    const v = index(raw)
    return typeof v === 'string' && test(v)
  }
  return (event) => {
    const raw = read(event)
    if (typeof raw === 'string') return index(raw) !== undefined && test(raw)
    if (raw === undefined) return false
    if (!Array.isArray(raw)) return one(raw)
    for (let i = 0; i < raw.length; i++) if (one(raw[i])) return true
    return false
  }
}
