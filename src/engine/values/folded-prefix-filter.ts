import { parseEqlWildcard } from './wildcard'

/**
 * A cheap, exact "cannot match" test for case-insensitive wildcard patterns (EQL `:`, `like~`)
 * that all start with ASCII literal text, the common shape of path rules
 * (`file.path : "/Library/LaunchDaemons/*"`).
 *
 * Why: case-insensitive matching folds the whole value first (foldCase allocates a lower-cased
 * copy), yet most values already differ from every pattern in their first characters. Comparing
 * those characters folded one by one rejects them without the copy.
 *
 * Exact because folding works per code point and maps ASCII to ASCII: when the first characters
 * of the value are ASCII, the folded value starts with them lower-cased, whatever follows. When a
 * non-ASCII character comes first, the filter does not decide and the full match runs.
 *
 * `folded` are the patterns already case-folded (as the matcher compiles them). Returns null when
 * some pattern has no ASCII literal prefix (no filter is possible).
 */
export function foldedPrefixFilter(folded: readonly string[]): ((value: string) => boolean) | null {
  const prefixes: string[] = []
  for (const p of folded) {
    const first = parseEqlWildcard(p)[0]
    if (first === undefined || first.kind !== 'literal' || !isAscii(first.text)) return null
    prefixes.push(first.text)
  }
  if (prefixes.length === 0) return null
  return (value) => {
    next: for (const prefix of prefixes) {
      for (let i = 0; i < prefix.length; i++) {
        // all of an ASCII value was compared: folded, it is as long, too short for the prefix
        if (i >= value.length) continue next
        let c = value.charCodeAt(i)
        if (c >= 0x80) return true
        if (c >= 0x41 && c <= 0x5a) c += 32
        if (c !== prefix.charCodeAt(i)) continue next
      }
      return true
    }
    return false
  }
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false
  return true
}
