/**
 * Eager DFAs for the operators that need one: complement `~` and intersection `&`.
 *
 * Every construction is capped at `limit` states (Elasticsearch's `max_determinized_states`,
 * 10,000 by default) and at an effort budget, and refuses with a too-complex failure instead of
 * growing: `~(.*a.{20})` would otherwise need about a million states.
 */
import type { Nfa } from './nfa'
import { SubsetSpace, subsetKey } from './subset'
import { ParseFailure } from './types'

/** A DFA over alphabet classes; start state 0; `trans[s * classes + c]` is -1 for "dead". */
export interface Dfa {
  readonly states: number
  readonly classes: number
  readonly trans: Int32Array
  readonly accept: Uint8Array
}

/** Caps of one determinization. */
export interface DfaLimits {
  readonly maxStates: number
  /** Bound on NFA-state visits, so a few huge subsets cannot stall compilation either. */
  readonly maxEffort: number
}

function tooComplex(states: number, transitions: number, limit: number, at: number): ParseFailure {
  return new ParseFailure(
    `Determinizing automaton with ${states} states and ${transitions} transitions would require more than ${limit} effort.`,
    at,
    'too_complex',
  )
}

function countTransitions(nfa: Nfa): number {
  let n = 0
  for (const labels of nfa.labels) n += labels.length
  for (const eps of nfa.eps) n += eps.length
  return n
}

/** Subset construction of `nfa` over `classes` classes. */
export function determinize(nfa: Nfa, classes: number, limits: DfaLimits, at: number): Dfa {
  const space = new SubsetSpace(nfa)
  const ids = new Map<string, number>()
  const sets: Int32Array[] = []
  const rows: Int32Array[] = []
  const buckets: number[][] = Array.from({ length: classes }, () => [])
  let effort = 0
  const intern = (set: Int32Array): number => {
    const key = subsetKey(set)
    const known = ids.get(key)
    if (known !== undefined) return known
    if (sets.length >= limits.maxStates) throw tooComplex(nfa.eps.length, countTransitions(nfa), limits.maxStates, at)
    ids.set(key, sets.length)
    sets.push(set)
    return sets.length - 1
  }
  intern(space.closure([nfa.start]))
  for (let d = 0; d < sets.length; d++) {
    const set = sets[d] ?? new Int32Array(0)
    const row = new Int32Array(classes).fill(-1)
    const touched = space.moveAll(set, buckets)
    // Many classes usually lead to the same subset; close each distinct move only once.
    const byMove = new Map<string, number>()
    for (const c of touched) {
      const moved = buckets[c] ?? []
      effort += set.length + moved.length
      if (effort > limits.maxEffort) throw tooComplex(nfa.eps.length, countTransitions(nfa), limits.maxStates, at)
      const moveKey = moved.join(',')
      let target = byMove.get(moveKey)
      if (target === undefined) {
        const closed = space.closure(moved)
        target = closed.length === 0 ? -1 : intern(closed)
        byMove.set(moveKey, target)
      }
      row[c] = target
      moved.length = 0
    }
    rows.push(row)
  }
  const trans = new Int32Array(sets.length * classes)
  rows.forEach((row, d) => trans.set(row, d * classes))
  const accept = Uint8Array.from(sets, (s) => (space.accepts(s) ? 1 : 0))
  return { states: sets.length, classes, trans, accept }
}

/** The complement over all strings of code points: total automaton, accept flags flipped. */
export function complement(dfa: Dfa): Dfa {
  const sink = dfa.states
  const states = dfa.states + 1
  const trans = new Int32Array(states * dfa.classes)
  for (let i = 0; i < dfa.states * dfa.classes; i++) {
    const t = dfa.trans[i] ?? -1
    trans[i] = t < 0 ? sink : t
  }
  trans.fill(sink, sink * dfa.classes)
  const accept = new Uint8Array(states)
  for (let s = 0; s < dfa.states; s++) accept[s] = dfa.accept[s] === 1 ? 0 : 1
  accept[sink] = 1
  return { states, classes: dfa.classes, trans, accept }
}

/** Product automaton accepting what both accept. */
export function intersect(a: Dfa, b: Dfa, limits: DfaLimits, at: number): Dfa {
  const k = a.classes
  const ids = new Map<number, number>()
  const pairs: [number, number][] = []
  const rows: Int32Array[] = []
  const intern = (x: number, y: number): number => {
    const key = x * b.states + y
    const known = ids.get(key)
    if (known !== undefined) return known
    if (pairs.length >= limits.maxStates) throw tooComplex(a.states + b.states, 0, limits.maxStates, at)
    ids.set(key, pairs.length)
    pairs.push([x, y])
    return pairs.length - 1
  }
  if (a.states > 0 && b.states > 0) intern(0, 0)
  for (let p = 0; p < pairs.length; p++) {
    const [x, y] = pairs[p] ?? [0, 0]
    const row = new Int32Array(k).fill(-1)
    for (let c = 0; c < k; c++) {
      const tx = a.trans[x * k + c] ?? -1
      const ty = b.trans[y * k + c] ?? -1
      if (tx >= 0 && ty >= 0) row[c] = intern(tx, ty)
    }
    rows.push(row)
  }
  const trans = new Int32Array(pairs.length * k)
  rows.forEach((row, p) => trans.set(row, p * k))
  const accept = Uint8Array.from(pairs, ([x, y]) => (a.accept[x] === 1 && b.accept[y] === 1 ? 1 : 0))
  return { states: pairs.length, classes: k, trans, accept }
}
