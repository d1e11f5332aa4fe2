/**
 * "did you mean" suggestions for unknown columns and functions, in Elasticsearch's phrasing:
 * `, did you mean [x]?` for one candidate, `, did you mean any of [x, y]?` for several, '' for none.
 * Like Elasticsearch (QL's findSimilar over Lucene's Levenshtein similarity), a candidate qualifies
 * when 1 - editDistance / longerLength >= 0.5, and the most similar come first. We cap the list so a
 * large ECS schema cannot produce an unreadable message.
 */
export function suggestion(name: string, candidates: Iterable<string>): string {
  const similar = findSimilar(name, candidates)
  if (similar.length === 0) return ''
  if (similar.length === 1) return `, did you mean [${similar[0] ?? ''}]?`
  return `, did you mean any of [${similar.join(', ')}]?`
}

const MAX_SUGGESTIONS = 10
const MIN_SIMILARITY = 0.5

export function findSimilar(name: string, candidates: Iterable<string>): string[] {
  const scored: { name: string; s: number }[] = []
  for (const c of candidates) {
    const longer = Math.max(c.length, name.length)
    if (longer === 0 || c === name) continue
    // the distance is at least the length difference: skip hopeless candidates cheaply
    if (1 - Math.abs(c.length - name.length) / longer < MIN_SIMILARITY) continue
    const s = 1 - levenshtein(name, c) / longer
    if (s >= MIN_SIMILARITY) scored.push({ name: c, s })
  }
  scored.sort((a, b) => b.s - a.s || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return scored.slice(0, MAX_SUGGESTIONS).map((x) => x.name)
}

function levenshtein(a: string, b: string): number {
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost))
    }
    prev = cur
  }
  return prev[b.length] ?? 0
}
