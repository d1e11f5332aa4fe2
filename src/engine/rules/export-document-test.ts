import type { Diagnostic } from '../diagnostics/diagnostic'
import type { ExceptionItem } from '../exceptions/types'
import { exportTestFile } from './export-test-file'
import { ruleDiagnostic, type RuleDocument } from './rule-document'

/** One event's expected outcome, named by its 0-based position in the events (as documents keep them). */
export interface EventLabel {
  readonly eventIndex: number
  readonly expect: 'match' | 'no-match'
}

/** Settings of the document the test file pins, so the CLI runs the rule as the page did. */
export interface DocumentTestOptions {
  /** ISO instant for date math */
  readonly now?: string
  /** field -> Elasticsearch type */
  readonly mappings?: Readonly<Record<string, string>>
  /** EQL result cap */
  readonly size?: number
  /** the document's exception items: the expected outcomes are those of the rule with them */
  readonly exceptions?: readonly ExceptionItem[]
}

/** What `exportDocumentTestFile` returns: one self-contained suite, and what the export decided. */
export interface DocumentTestFile {
  /** the suite TOML, events inline */
  readonly text: string
  /** "id" when every event has its own unique `id`, else "#" (events named by position) */
  readonly idField: string
  readonly expectedEventIds: readonly string[]
  readonly diagnostics: Diagnostic[]
}

/** The position naming the suite reader understands: `id_field = "#"`. */
const BY_POSITION = '#'

/**
 * A playground document as ONE test file the CLI runs (`npm run cli -- test <file>`): the events
 * inline, and as expected matches the events labelled `match` (every other event must not
 * match). Events keep their own `id` when each has a unique one; otherwise they are named by
 * 0-based position (`id_field = "#"`), so the events are exported exactly as they are, not
 * rewritten with made-up ids. Labels say which events match, not in which order, so an EQL case
 * compares the matching events as a set (`compare = "set"`). Never throws.
 */
export function exportDocumentTestFile(
  rule: RuleDocument,
  events: readonly unknown[],
  labels: readonly EventLabel[],
  options: DocumentTestOptions = {},
): DocumentTestFile {
  const diagnostics: Diagnostic[] = []
  const idField = hasOwnIds(events) ? 'id' : BY_POSITION
  const matching = new Set<number>()
  for (const label of labels) {
    if (!Number.isInteger(label.eventIndex) || label.eventIndex < 0 || label.eventIndex >= events.length) {
      diagnostics.push(ruleDiagnostic('RULE3002', `an expected outcome names event ${label.eventIndex + 1}, but there are ${events.length} events; it is left out`, 'warning'))
    } else if (label.expect === 'match') matching.add(label.eventIndex)
  }
  if (labels.length === 0) {
    diagnostics.push(ruleDiagnostic('RULE3003', 'no event is marked with an expected outcome: the test expects no match', 'warning'))
  }
  const expectedEventIds = [...matching].sort((a, b) => a - b).map((i) => (idField === BY_POSITION ? String(i) : idOf(events[i])))
  const out = exportTestFile(rule, events, {
    expectedEventIds,
    idField,
    inlineEvents: true,
    unordered: rule.language === 'eql',
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.mappings !== undefined ? { mappings: options.mappings } : {}),
    ...(options.size !== undefined ? { size: options.size } : {}),
    ...(options.exceptions !== undefined ? { exceptions: options.exceptions } : {}),
  })
  return { text: out.toml, idField, expectedEventIds, diagnostics }
}

function idOf(event: unknown): string {
  const id = typeof event === 'object' && event !== null && !Array.isArray(event) ? (event as Record<string, unknown>)['id'] : undefined
  return typeof id === 'string' || typeof id === 'number' ? String(id) : ''
}

/** Every event an object with a string or number `id` of its own, no two alike. */
function hasOwnIds(events: readonly unknown[]): boolean {
  const seen = new Set<string>()
  for (const event of events) {
    const id = idOf(event)
    if (id === '' || seen.has(id)) return false
    seen.add(id)
  }
  return events.length > 0
}
