import { parseEql } from '../eql/parser'
import { parseKql } from '../kql/parser'
import { hasErrors, makeDiagnostic } from '../diagnostics/diagnostic'
import { span } from '../source/span'
import { placeEqlExclusion, type PlacedExclusion } from './eql-exclusion'
import { placeKqlExclusion } from './kql-exclusion'
import { applyTextEdit } from './layout'
import { TUNE_CODES, type AddExclusionOptions, type AddExclusionResult } from './types'
import { exclusionWarning } from './warnings'

/**
 * Adds "exclude this value" to a rule's query, in the rule's own idiom: the value joins an existing
 * `not field : (…)` / `not field in (…)` list of the chosen filter when one takes the chosen form,
 * keeping the list's layout; otherwise the query gains `and not field <op> value`. Returns the new
 * text and the minimal edit (so an editor can apply it as one undoable step), a warning when the
 * form excludes more than the value, and diagnostics when no edit could be made. The result is
 * parsed back before it is returned: an edit is never handed out for a query that would not parse.
 * Never throws.
 */
export function addExclusion(opts: AddExclusionOptions): AddExclusionResult {
  const placed: PlacedExclusion = opts.language === 'eql' ? placeEqlExclusion(opts) : placeKqlExclusion(opts)
  const warning = exclusionWarning(opts)
  if (placed.edit === null) return { query: opts.query, ...placed, warning }
  const query = applyTextEdit(opts.query, placed.edit)
  const reparsed = opts.language === 'eql' ? parseEql(query).diagnostics : parseKql(query).diagnostics
  if (hasErrors(reparsed)) {
    const reason = reparsed.find((d) => d.severity === 'error')?.message ?? 'syntax error'
    const d = makeDiagnostic(TUNE_CODES.notReparsed, span(0, opts.query.length), { reason })
    return { query: opts.query, edit: null, clause: placed.clause, appended: false, warning, diagnostics: [d] }
  }
  return { query, ...placed, warning }
}

export { TUNE_CODES } from './types'
export type { AddExclusionOptions, AddExclusionResult, ExclusionForm, ExcludedValue, TextEdit } from './types'
