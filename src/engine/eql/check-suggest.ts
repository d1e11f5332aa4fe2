/**
 * "did you mean" suggestions for unknown columns and functions, in Elasticsearch's phrasing:
 * `, did you mean [x]?` for one candidate, `, did you mean any of [x, y]?` for several, '' for none.
 * Like Elasticsearch (QL's findSimilar over Lucene's Levenshtein similarity), a candidate qualifies
 * when 1 - editDistance / longerLength >= 0.5, and the most similar come first. We cap the list so a
 * large ECS schema cannot produce an unreadable message.
 */
export function suggestion(name: string, candidates: readonly string[]): string {
  const similar = cachedSimilar(name, candidates)
  if (similar.length === 0) return ''
  if (similar.length === 1) return `, did you mean [${similar[0] ?? ''}]?`
  return `, did you mean any of [${similar.join(', ')}]?`
}

const MAX_SUGGESTIONS = 10
const MIN_SIMILARITY = 0.5

// The editor re-checks the query on every keystroke, with the same schema: remember the answers.
const cache = new WeakMap<readonly string[], Map<string, string[]>>()

function cachedSimilar(name: string, candidates: readonly string[]): string[] {
  let byName = cache.get(candidates)
  if (byName === undefined) {
    byName = new Map()
    cache.set(candidates, byName)
  }
  let hit = byName.get(name)
  if (hit === undefined) {
    if (byName.size > 1000) byName.clear()
    hit = findSimilar(name, candidates)
    byName.set(name, hit)
  }
  return hit
}

/** Candidates at least half similar to `name`, most similar first (at most MAX_SUGGESTIONS). */
export function findSimilar(name: string, candidates: Iterable<string>): string[] {
  const scored: { name: string; s: number }[] = []
  const mine = profile(name)
  for (const c of candidates) {
    const longer = Math.max(c.length, name.length)
    if (longer === 0 || c === name) continue
    const allowed = Math.floor(longer * (1 - MIN_SIMILARITY))
    // cheap lower bounds first (a schema has thousands of names): the length difference, and the
    // bigrams only one side has
    if (Math.abs(c.length - name.length) > allowed) continue
    const theirs = profileOf(c)
    if (Math.ceil(unmatched(mine.bigrams, theirs.bigrams) / 2) > allowed) continue
    // each edit removes at most one character that only one side has, from each side
    const common = name.length - unmatched(mine.chars, theirs.chars)
    if (Math.max(name.length, c.length) - common > allowed) continue
    const d = levenshtein(name, c, allowed)
    if (d <= allowed) scored.push({ name: c, s: 1 - d / longer })
  }
  scored.sort((a, b) => b.s - a.s || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return scored.slice(0, MAX_SUGGESTIONS).map((x) => x.name)
}

/**
 * Bigram profile of a string (sorted 32-bit codes of adjacent character pairs). One edit destroys
 * at most two of a string's bigrams, so `(bigrams of a not matched in b) / 2` bounds the distance
 * from below; it rejects most of a schema's names without running the quadratic distance.
 */
function bigrams(s: string): Int32Array {
  const out = new Int32Array(Math.max(0, s.length - 1))
  for (let i = 0; i + 1 < s.length; i++) out[i] = (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1)
  return out.sort()
}

/** A string's sorted bigrams and sorted characters (UTF-16 units), for the distance bounds. */
interface Profile {
  readonly bigrams: Int32Array
  readonly chars: Int32Array
}

function profile(s: string): Profile {
  const chars = new Int32Array(s.length)
  for (let i = 0; i < s.length; i++) chars[i] = s.charCodeAt(i)
  return { bigrams: bigrams(s), chars: chars.sort() }
}

const profiles = new Map<string, Profile>()

function profileOf(s: string): Profile {
  let p = profiles.get(s)
  if (p === undefined) {
    if (profiles.size > 50_000) profiles.clear()
    p = profile(s)
    profiles.set(s, p)
  }
  return p
}

/** Codes of `a` (sorted) without a partner in `b` (sorted), as a multiset difference. */
function unmatched(a: Int32Array, b: Int32Array): number {
  let i = 0
  let j = 0
  let common = 0
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0
    const y = b[j] ?? 0
    if (x === y) {
      common++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return a.length - common
}

// The two rows of the distance table, reused across calls: a schema has thousands of names, and
// two fresh arrays per name were most of the garbage of a suggestion.
let rowA = new Int32Array(64)
let rowB = new Int32Array(64)

/** Edit distance, or some value above `allowed` as soon as it is certain to exceed it. */
function levenshtein(a0: string, b0: string, allowed: number): number {
  // A common prefix or suffix never changes the distance, and field names share long ones
  // (`process.` ... `.name`): only the middles need the quadratic table.
  let start = 0
  while (start < a0.length && start < b0.length && a0.charCodeAt(start) === b0.charCodeAt(start)) start++
  let endA = a0.length
  let endB = b0.length
  while (endA > start && endB > start && a0.charCodeAt(endA - 1) === b0.charCodeAt(endB - 1)) {
    endA--
    endB--
  }
  const a = a0.slice(start, endA)
  const b = b0.slice(start, endB)
  if (a.length === 0 || b.length === 0) return a.length + b.length
  const short = a.length <= b.length ? a : b
  if (short.length <= 32 && ASCII.test(short)) return bitParallel(short, short === a ? b : a)
  const m = b.length
  if (rowA.length < m + 1) {
    rowA = new Int32Array(2 * (m + 1))
    rowB = new Int32Array(2 * (m + 1))
  }
  let prev = rowA
  let cur = rowB
  for (let j = 0; j <= m; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let rowMin = i
    let left = i
    let diag = i - 1
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= m; j++) {
      const up = prev[j] ?? 0
      let v = diag + (ca === b.charCodeAt(j - 1) ? 0 : 1)
      if (up + 1 < v) v = up + 1
      if (left + 1 < v) v = left + 1
      cur[j] = v
      left = v
      diag = up
      if (v < rowMin) rowMin = v
    }
    // every later row is at least this row's minimum: stop once nothing can come back under `allowed`
    if (rowMin > allowed) return rowMin
    const t = prev
    prev = cur
    cur = t
  }
  return prev[m] ?? 0
}

const ASCII = /^[\0-\x7f]*$/
// positions of each ASCII character in the pattern, one bit each (cleared after every use)
const peq = new Int32Array(128)

/**
 * Edit distance by Myers' bit-parallel algorithm (Hyyro's formulation for the global distance):
 * one column of the table per text character in a few word operations, for a pattern of at most
 * 32 ASCII characters. Same result as the table below, in linear time.
 */
function bitParallel(pattern: string, text: string): number {
  const m = pattern.length
  for (let i = 0; i < m; i++) peq[pattern.charCodeAt(i)] = (peq[pattern.charCodeAt(i)] ?? 0) | (1 << i)
  const last = 1 << (m - 1)
  let pv = -1
  let mv = 0
  let score = m
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j)
    const eq = c < 128 ? (peq[c] ?? 0) : 0
    const xv = eq | mv
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq
    let ph = mv | ~(xh | pv)
    let mh = pv & xh
    if ((ph & last) !== 0) score++
    else if ((mh & last) !== 0) score--
    ph = (ph << 1) | 1
    mh = mh << 1
    pv = mh | ~(xv | ph)
    mv = ph & xv
  }
  for (let i = 0; i < m; i++) peq[pattern.charCodeAt(i)] = 0
  return score
}
