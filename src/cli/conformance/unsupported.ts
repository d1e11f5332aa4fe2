/**
 * Classifies the queries of Elasticsearch's test_queries_unsupported.toml. That file is a 7.10-era
 * list and several of its queries work today; the ones using a feature Elasticsearch still does
 * not support must be rejected with an error diagnostic (../shared/conformance/README.md, table).
 * The features, recognised on the query text with its string literals blanked out:
 *
 *   pipes other than head/tail   `| filter`, `| unique`, `| sort`, `| count`, `| unique_count`, ...
 *   join                         `join ...` queries
 *   lineage                      `descendant of`, `child of`, `event of`
 *   array functions              arrayContains, arrayCount, arraySearch
 *   match / wildcard / safe      match, matchLite, wildcard, safe function calls
 *   array indexing               `field[0]`
 *   !:                           the negated insensitive-equality operator
 */

/** The query with the contents of string literals replaced by spaces (lengths kept). */
function blankStrings(query: string): string {
  return query.replace(/\?"(?:[^"\\\n]|\\.)*"|"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (s) => ' '.repeat(s.length))
}

const FEATURES: readonly (readonly [string, RegExp])[] = [
  ['a pipe other than head/tail', /\|\s*(?!(?:head|tail)\b)[A-Za-z_]\w*/i],
  ['join', /^\s*join\b/i],
  ['lineage (descendant of / child of / event of)', /\b(?:descendant|child|event)\s+of\b/i],
  ['an array function', /\barray(?:Contains|Count|Search)\s*\(/i],
  ['match / matchLite / wildcard / safe', /\b(?:match|matchLite|wildcard|safe)\s*\(/i],
  ['array indexing', /[A-Za-z_][\w.]*\[\s*\d+\s*\]/],
  ['the !: operator', /!:/],
]

/**
 * The unsupported feature a query uses (a short description), or undefined when it uses none of
 * the listed ones (it may well be supported today).
 */
export function unsupportedFeature(query: string): string | undefined {
  const text = blankStrings(query)
  for (const [what, re] of FEATURES) if (re.test(text)) return what
  return undefined
}
