/**
 * The shape of a syntax entry of the quick reference: a form of the language that is neither an
 * operator nor a function (a sequence, a pipe, a string literal, a KQL escape). Kept apart from the
 * entries themselves so the EQL and KQL tables share one shape.
 */

/** Which group of the quick reference a syntax entry belongs to. */
export type SyntaxGroup = 'structure' | 'literals' | 'kql-values' | 'kql-queries' | 'kql-types'

/** One syntax entry. */
export interface SyntaxDoc {
  readonly language: 'eql' | 'kql'
  /** kebab-case key, unique within the language; the reference id is `<language>-syn-<key>` */
  readonly key: string
  readonly group: SyntaxGroup
  /** short title, e.g. `sequence` or `Escaping in unquoted values` */
  readonly name: string
  /** the form as a template, e.g. `sequence [by keys] [with maxspan=N] [stage] [stage] …` */
  readonly signature: string
  /** one or two sentences in our words */
  readonly summary: string
  /** how text case is treated, when it matters */
  readonly caseRule?: string
  /** what `*` and `?` mean, when it matters */
  readonly wildcards?: string
  /** a whole query that parses without diagnostics (a test checks it) */
  readonly example: string
  /** what "Insert" puts in the editor, when it is not the example */
  readonly snippet?: string
  /** EQL keywords (and pipe names) whose hover links to this entry */
  readonly keywords?: readonly string[]
}
