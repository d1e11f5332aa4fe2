/**
 * Searching and grouping the quick reference: pure, so Vitest checks it without a DOM. A search
 * keeps the entries whose text holds every word of the query (any order, any case), in the order
 * of the reference; the panel shows one language at a time and says how many entries of the
 * other language match, so a search for `like` in KQL is not a dead end.
 */
import { REFERENCE_GROUPS, type ReferenceEntry, type ReferenceGroupId } from '../../../engine/docs/reference'

/** One group of the panel with the entries to show. */
export interface ShownGroup {
  readonly id: ReferenceGroupId
  readonly title: string
  readonly entries: readonly ReferenceEntry[]
}

/** What the panel shows for a language and a search. */
export interface ReferenceView {
  readonly groups: readonly ShownGroup[]
  /** entries shown */
  readonly count: number
  /** entries of the other language that match the same search */
  readonly otherCount: number
}

const haystacks = new WeakMap<ReferenceEntry, string>()

function haystack(e: ReferenceEntry): string {
  let text = haystacks.get(e)
  if (text === undefined) {
    text = [e.id, e.name, e.signature, e.summary, e.caseRule ?? '', e.wildcards ?? '', e.example, ...e.keywords].join('\n').toLowerCase()
    haystacks.set(e, text)
  }
  return text
}

/** Whether an entry matches a search (every whitespace-separated word, case-insensitively). */
export function matchesSearch(entry: ReferenceEntry, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter((w) => w !== '')
  if (words.length === 0) return true
  const text = haystack(entry)
  return words.every((w) => text.includes(w))
}

/** The groups of `language` with the entries that match `search`; empty groups are left out. */
export function referenceView(entries: readonly ReferenceEntry[], language: 'eql' | 'kql', search: string): ReferenceView {
  const matching = entries.filter((e) => matchesSearch(e, search))
  const groups = REFERENCE_GROUPS.filter((g) => g.language === language)
    .map((g) => ({ id: g.id, title: g.title, entries: matching.filter((e) => e.language === language && e.group === g.id) }))
    .filter((g) => g.entries.length > 0)
  const count = groups.reduce((n, g) => n + g.entries.length, 0)
  return { groups, count, otherCount: matching.filter((e) => e.language !== language).length }
}

/**
 * Splits text with `code` spans into plain and code runs, for rendering the reference's prose
 * (`a` `b` -> [['text', …], ['code', …]]). An unclosed backtick is kept as text.
 */
export function codeRuns(text: string): readonly (readonly ['text' | 'code', string])[] {
  const runs: (readonly ['text' | 'code', string])[] = []
  const re = /`([^`]+)`/g
  let last = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > last) runs.push(['text', text.slice(last, m.index)])
    runs.push(['code', m[1] ?? ''])
    last = m.index + m[0].length
  }
  if (last < text.length) runs.push(['text', text.slice(last)])
  return runs
}
