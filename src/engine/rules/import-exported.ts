import { parse } from 'smol-toml'
import type { Diagnostic } from '../diagnostics/diagnostic'
import { readExceptionItems } from '../exceptions/read-items'
import { exceptionsOfEqlFilter } from './import-exception-dsl'
import { ruleDiagnostic, type RuleDocument, type RuleExceptions, type RuleImportResult } from './rule-document'
import { isRecord } from './rule-fields'

/**
 * Importers for what the playground itself exports besides rule files, so that each export reads
 * back: an Elasticsearch search request (`_eql/search` body, optionally after its `POST` line) and
 * a CLI test file (a suite with `[suite]` and `[[cases]]`). Never throw.
 */

/** `POST <index>/_eql/search` (or `GET`), as the request export writes above the body. */
const REQUEST_LINE = /^\s*(?:POST|GET)\s+\S*\/(_eql\/search|_search)\b[^\n]*\n/i

/** Whether the text is a search request: a request line, or a JSON body with `_eql/search` fields. */
export function isSearchRequest(text: string): boolean {
  if (REQUEST_LINE.test(text)) return true
  const body = jsonObject(text)
  return body !== null && typeof body['query'] === 'string' && !('name' in body) && ('event_category_field' in body || 'timestamp_field' in body)
}

/**
 * Reads a search request back into a rule. An `_eql/search` body gives an EQL rule with its
 * query and field overrides (`size` as max_signals), and the exception items of the negated
 * clause its filter carries (as the request export writes it); a Query DSL `_search` body cannot
 * be turned back into KQL (the DSL does not say how it was written), so it is refused with a diagnostic.
 */
export function importSearchRequest(text: string, name = 'Untitled rule'): RuleImportResult {
  const line = REQUEST_LINE.exec(text)
  const bodyText = line === null ? text : text.slice(line[0].length)
  const body = jsonObject(bodyText)
  if (body === null) return { rules: [], diagnostics: [ruleDiagnostic('RULE1009', 'the request body is not a JSON object')] }
  const query = body['query']
  if (line?.[1] === '_search' || typeof query !== 'string') {
    return { rules: [], diagnostics: [ruleDiagnostic('RULE1010', 'a Query DSL _search request cannot be read back as KQL; import the rule (TOML or Kibana JSON) instead')] }
  }
  const rule: RuleDocument = { name, type: 'eql', language: 'eql', query, extra: {} }
  const text_ = (key: string): string | undefined => (typeof body[key] === 'string' && body[key] !== '' ? (body[key] as string) : undefined)
  const category = text_('event_category_field')
  const timestamp = text_('timestamp_field')
  const tiebreaker = text_('tiebreaker_field')
  // the defaults are what the request would use anyway; only real overrides become rule fields
  if (category !== undefined && category !== 'event.category') rule.eventCategoryOverride = category
  if (timestamp !== undefined && timestamp !== '@timestamp') rule.timestampField = timestamp
  if (tiebreaker !== undefined) rule.tiebreakerField = tiebreaker
  if (typeof body['size'] === 'number') rule.maxSignals = body['size']
  const diagnostics: Diagnostic[] = []
  const found = exceptionsOfEqlFilter(body['filter'])
  if (found === null) return { rules: [rule], diagnostics }
  const n = found.items.length
  const notes = [`${n} exception item${n === 1 ? '' : 's'} from the request's filter (without their names: the request does not carry them)`]
  diagnostics.push(ruleDiagnostic('RULE1011', notes[0] ?? '', 'info'))
  if (found.unread > 0) diagnostics.push(ruleDiagnostic('RULE1012', `${found.unread} clause${found.unread === 1 ? '' : 's'} of the request's exception filter could not be read as exception items; left out`, 'warning'))
  return { rules: [rule], diagnostics, exceptions: [{ items: found.items, notes }] }
}

/** Whether the text is a test suite in the CLI's format (a `[suite]` table and `[[cases]]`). */
export function isTestFile(text: string): boolean {
  return /^\s*\[suite\]\s*$/m.test(text) && /^\s*\[\[cases\]\]\s*$/m.test(text)
}

/**
 * Reads a CLI test file back into rules: one per case (name, language, query), with the suite's
 * timestamp, tiebreaker and event category fields as the EQL rule's overrides, and the case's
 * exception items. The events and expected outcomes are the suite's, not the rule's, and are not
 * read here.
 */
export function importTestFile(text: string): RuleImportResult {
  const diagnostics: Diagnostic[] = []
  let doc: Record<string, unknown>
  try {
    doc = parse(text) as Record<string, unknown>
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
    return { rules: [], diagnostics: [ruleDiagnostic('RULE1001', `not valid TOML: ${message}`)] }
  }
  const suite = isRecord(doc['suite']) ? doc['suite'] : {}
  const cases = Array.isArray(doc['cases']) ? doc['cases'] : []
  const rules: RuleDocument[] = []
  const exceptions: RuleExceptions[] = []
  cases.forEach((c, i) => {
    if (!isRecord(c) || typeof c['query'] !== 'string') {
      diagnostics.push(ruleDiagnostic('RULE2001', `case ${i + 1}: no query`))
      return
    }
    const eql = c['language'] !== 'kql'
    const name = typeof c['name'] === 'string' && c['name'] !== '' ? c['name'] : `Case ${i + 1}`
    const rule: RuleDocument = { name, type: eql ? 'eql' : 'query', language: eql ? 'eql' : 'kuery', query: c['query'], extra: {} }
    if (eql) {
      const field = (key: string, fallback: string): string | undefined =>
        typeof suite[key] === 'string' && suite[key] !== '' && suite[key] !== fallback ? (suite[key] as string) : undefined
      const category = field('event_category_field', 'event.category')
      const timestamp = field('timestamp_field', '@timestamp')
      const tiebreaker = field('tiebreaker_field', '')
      if (category !== undefined) rule.eventCategoryOverride = category
      if (timestamp !== undefined) rule.timestampField = timestamp
      if (tiebreaker !== undefined) rule.tiebreakerField = tiebreaker
    }
    rules.push(rule)
    const read = readExceptionItems(c['exceptions'])
    for (const p of read.problems) diagnostics.push(ruleDiagnostic('RULE1012', `case ${i + 1}: exception ${p}`, 'warning'))
    const n = read.items.length
    exceptions.push({ items: read.items, notes: n > 0 ? [`${n} exception item${n === 1 ? '' : 's'} from the test file`] : [] })
  })
  if (rules.length === 0 && diagnostics.length === 0) diagnostics.push(ruleDiagnostic('RULE1005', 'the test file has no case'))
  return { rules, diagnostics, ...(exceptions.some((e) => e.items.length > 0) ? { exceptions } : {}) }
}

function jsonObject(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown
    return isRecord(value) ? value : null
  } catch {
    return null
  }
}
