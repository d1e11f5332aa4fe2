import type { Diagnostic, CodeDef } from '../diagnostics/diagnostic'
import type { Span } from '../source/span'

/**
 * Types of the exclusion editor: "exclude this field value from the rule", producing a minimal text
 * edit in the rule's own idiom (see add-exclusion.ts).
 */

/**
 * How broadly the excluded value is matched:
 * - exact: case-sensitive equality, no wildcards (EQL `==` / `in`, KQL quoted phrase)
 * - case-insensitive: equality ignoring case (EQL `:` / `in~`; KQL has no such form on keywords)
 * - wildcard: the user's pattern, `*` any run (and `?` one character in EQL), ignoring case in EQL
 */
export type ExclusionForm = 'exact' | 'case-insensitive' | 'wildcard'

/** A scalar value as it appears in an event's field. */
export type ExcludedValue = string | number | boolean

export interface AddExclusionOptions {
  readonly language: 'eql' | 'kql'
  readonly query: string
  /** dotted field path, e.g. "process.args" */
  readonly field: string
  readonly value: ExcludedValue
  readonly form: ExclusionForm
  /** the wildcard form's pattern; defaults to the value itself */
  readonly pattern?: string
  /** EQL sequences and samples: which stage (0-based) gets the exclusion */
  readonly stage?: number
  /**
   * EQL sequences and samples without `stage`: offsets in the query of the conditions the event
   * matched; the first stage containing one gets the exclusion (the first stage when none does)
   */
  readonly at?: readonly number[]
  /** the field's mapping type when known ('keyword', 'text', …), for KQL's phrase warning */
  readonly fieldType?: string
}

/** One replacement in the query text: [span.start, span.end) becomes `text`. */
export interface TextEdit {
  readonly span: Span
  readonly text: string
}

export interface AddExclusionResult {
  /** the new query text; the input unchanged when `edit` is null */
  readonly query: string
  /** the minimal edit turning the input into `query` (for an undoable editor edit), or null */
  readonly edit: TextEdit | null
  /** the excluded value or clause as it reads in the new query, for previews */
  readonly clause: string
  /** true when the value joined an existing `not field …(list)` instead of a new `and not` clause */
  readonly appended: boolean
  /** set when the form excludes more than the value itself (other casings, other values) */
  readonly warning: string | null
  /** why no edit could be made (errors), or remarks about the edit */
  readonly diagnostics: Diagnostic[]
}

export const TUNE_CODES = {
  queryErrors: { code: 'TUNE001', severity: 'error', template: 'Fix the query first: it has errors, so the exclusion cannot be placed.' },
  noStage: { code: 'TUNE002', severity: 'error', template: 'The query has no stage {stage}.' },
  notString: { code: 'TUNE003', severity: 'error', template: 'Only text values can be excluded {form}; use the exact form for {value}.' },
  badPattern: { code: 'TUNE004', severity: 'error', template: 'The pattern is empty or starts or ends with a space.' },
  notReparsed: { code: 'TUNE005', severity: 'error', template: 'The exclusion could not be written so that the query reads it back: {reason}.' },
  kqlNoCase: { code: 'TUNE006', severity: 'warning', template: 'KQL has no case-insensitive match on keyword fields: the exclusion uses the exact value.' },
} as const satisfies Record<string, CodeDef>
