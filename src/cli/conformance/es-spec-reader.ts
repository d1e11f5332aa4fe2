/**
 * Reads an Elasticsearch EQL spec file. Format (TOML, an array of tables):
 *
 *   [[queries]]
 *   name = "..."                      required, unique across all loaded files
 *   query = '''...'''                 required, trimmed
 *   expected_event_ids = [1, 2]       required; [[1, 2], [1, 3]] = any one of these lists
 *   join_keys = ["a", "null"]         optional; flattened join keys, as strings
 *   size = 3                          optional request size (harness default 50)
 *   max_samples_per_key = 2           optional
 *   note / notes / description / tags / case_sensitive / case_insensitive / allow_partial_* /
 *   expect_shard_failures            accepted, not used here
 *
 * Quirk replicated: Elasticsearch's TOML parser accepts a bare `null` inside arrays
 * (test_extra.toml: `join_keys = [null, "tag1"]`); strict TOML does not, so bare nulls outside
 * strings and comments are rewritten to the string "null" before parsing (join keys compare as
 * strings, with "null" for a null key, so the meaning is unchanged).
 */
import { parse } from 'smol-toml'

export interface EsCase {
  readonly name: string
  readonly query: string
  /** acceptable id lists (one entry unless the spec gives alternatives); ids as strings, "-1" = missing */
  readonly expected: readonly (readonly string[])[]
  /** expected flattened join keys; null when the spec gives none (or an empty list: not compared) */
  readonly joinKeys: readonly string[] | null
  readonly size: number | undefined
  readonly maxSamplesPerKey: number | undefined
}

export interface EsSpec {
  readonly cases: EsCase[]
  /** spec-file errors (a case without name, query or expected ids, duplicate names) */
  readonly problems: string[]
}

/** Rewrites bare `null` tokens (outside strings and comments) to "null". */
export function quoteBareNulls(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const rest = text.startsWith("'''", i) ? "'''" : text.startsWith('"""', i) ? '"""' : undefined
    if (rest) {
      const end = text.indexOf(rest, i + 3)
      const stop = end < 0 ? text.length : end + 3
      out += text.slice(i, stop)
      i = stop
      continue
    }
    const c = text[i]
    if (c === '#') {
      const nl = text.indexOf('\n', i)
      const stop = nl < 0 ? text.length : nl
      out += text.slice(i, stop)
      i = stop
    } else if (c === '"' || c === "'") {
      let j = i + 1
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += c === '"' && text[j] === '\\' ? 2 : 1
      out += text.slice(i, j + 1)
      i = j + 1
    } else if (text.startsWith('null', i) && !/\w/.test(text[i - 1] ?? '') && !/\w/.test(text[i + 4] ?? '')) {
      out += '"null"'
      i += 4
    } else {
      out += c
      i++
    }
  }
  return out
}

function idList(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined
  const ids: string[] = []
  for (const x of v) {
    if (typeof x !== 'number' && typeof x !== 'bigint') return undefined
    ids.push(String(x))
  }
  return ids
}

function optionalInt(v: unknown): number | undefined {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined
}

/** Parses a spec file's text. `seen` carries names across files (the harness requires uniqueness). */
export function readEsSpec(text: string, seen: Set<string> = new Set()): EsSpec {
  const problems: string[] = []
  let doc: Record<string, unknown>
  try {
    doc = parse(quoteBareNulls(text)) as Record<string, unknown>
  } catch (e) {
    return { cases: [], problems: [`invalid TOML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`] }
  }
  const tables = Array.isArray(doc['queries']) ? (doc['queries'] as unknown[]) : []
  const cases: EsCase[] = []
  for (const [n, t] of tables.entries()) {
    if (typeof t !== 'object' || t === null) continue
    const table = t as Record<string, unknown>
    const name = typeof table['name'] === 'string' ? table['name'].trim() : ''
    const query = typeof table['query'] === 'string' ? table['query'].trim() : ''
    const label = name || `#${n + 1}`
    if (!name || !query) {
      problems.push(`${label}: a case needs a name and a query`)
      continue
    }
    const raw = table['expected_event_ids']
    let expected: string[][] | undefined
    if (Array.isArray(raw) && raw.length > 0 && raw.every(Array.isArray)) {
      const lists = raw.map(idList)
      expected = lists.every((l) => l !== undefined) ? (lists as string[][]) : undefined
    } else {
      const flat = idList(raw)
      expected = flat ? [flat] : undefined
    }
    if (!expected) {
      problems.push(`${label}: expected_event_ids must be a list of ids or a list of id lists`)
      continue
    }
    if (seen.has(name)) problems.push(`${name}: duplicate case name`)
    seen.add(name)
    const keys = table['join_keys']
    const joinKeys = Array.isArray(keys) && keys.length > 0 ? keys.map((k) => (k === null ? 'null' : String(k))) : null
    cases.push({ name, query, expected, joinKeys, size: optionalInt(table['size']), maxSamplesPerKey: optionalInt(table['max_samples_per_key']) })
  }
  return { cases, problems }
}
