/**
 * "did you mean" suggestions for unknown columns and functions, in Elasticsearch's phrasing:
 * `, did you mean [x]?` for one candidate, `, did you mean any of [x, y]?` for several, '' for none.
 * Candidates are the names within a small edit distance (case-insensitive), closest first.
 */
export function suggestion(name: string, candidates: Iterable<string>): string {
  const similar = findSimilar(name, candidates)
  if (similar.length === 0) return ''
  if (similar.length === 1) return `, did you mean [${similar[0] ?? ''}]?`
  return `, did you mean any of [${similar.join(', ')}]?`
}

const MAX_SUGGESTIONS = 5

export function findSimilar(name: string, candidates: Iterable<string>): string[] {
  const target = name.toLowerCase()
  // short names tolerate one edit, longer ones two (a typo or a transposition)
  const limit = target.length <= 4 ? 1 : 2
  const scored: { name: string; d: number }[] = []
  for (const c of candidates) {
    if (Math.abs(c.length - target.length) > limit) continue
    const d = distance(target, c.toLowerCase(), limit)
    if (d <= limit) scored.push({ name: c, d })
  }
  scored.sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return scored.slice(0, MAX_SUGGESTIONS).map((s) => s.name)
}

/** Damerau-Levenshtein (optimal string alignment) distance, giving up above `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (a === b) return 0
  let prev2: number[] = []
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1)
      cur.push(v)
      if (v < best) best = v
    }
    if (best > limit) return best
    prev2 = prev
    prev = cur
  }
  return prev[b.length] ?? limit + 1
}
