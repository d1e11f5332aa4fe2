/**
 * The quick reference: every operator, function and syntax entry of both languages as one flat
 * list of entries with stable ids (`eql-fn-startsWith`, `eql-op-like`, `kql-syn-escaping`), built
 * from the tables completion and hover already use, so the panel, the hover and the completion
 * list say the same thing.
 */
import { FUNCTION_DOCS, tildeNote, type FunctionDoc } from './eql-functions'
import { EQL_SYNTAX_DOCS } from './eql-syntax'
import { KQL_FIELD_TYPE_DOCS } from './kql-field-types'
import { KQL_SYNTAX_DOCS } from './kql-syntax'
import { EQL_OPERATOR_DOCS, KQL_OPERATOR_DOCS, type OperatorDoc } from './operators'
import type { SyntaxDoc, SyntaxGroup } from './syntax-doc'

/** A group of the panel; the language's groups are shown in this order. */
export type ReferenceGroupId = 'operators' | 'functions' | SyntaxGroup

/** One entry of the quick reference. */
export interface ReferenceEntry {
  /** stable, usable as an element id: `<language>-<kind>-<key>` */
  readonly id: string
  readonly language: 'eql' | 'kql'
  readonly group: ReferenceGroupId
  readonly name: string
  readonly signature: string
  /** one or two sentences */
  readonly summary: string
  /** how the entry treats letter case, when it matters */
  readonly caseRule?: string
  /** what `*` and `?` mean, when it matters */
  readonly wildcards?: string
  /** shown as the example */
  readonly example: string
  /** the example as a whole query (what the tests parse) */
  readonly exampleQuery: string
  /** what "Insert" puts into the query editor */
  readonly snippet: string
  /** EQL keywords whose hover links here */
  readonly keywords: readonly string[]
}

/** The groups of each language, in display order, with their titles. */
export const REFERENCE_GROUPS: readonly { readonly language: 'eql' | 'kql'; readonly id: ReferenceGroupId; readonly title: string }[] = [
  { language: 'eql', id: 'operators', title: 'Operators' },
  { language: 'eql', id: 'functions', title: 'Functions' },
  { language: 'eql', id: 'structure', title: 'Sequences, samples & pipes' },
  { language: 'eql', id: 'literals', title: 'Strings, fields & literals' },
  { language: 'kql', id: 'operators', title: 'Operators' },
  { language: 'kql', id: 'kql-values', title: 'Values, wildcards & escaping' },
  { language: 'kql', id: 'kql-queries', title: 'Query forms' },
  { language: 'kql', id: 'kql-types', title: 'How : matches per field type' },
]

const OP_KEYS: Readonly<Record<string, string>> = { '==': 'eq', '!=': 'neq', ':': 'colon', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' }

/** The id of an operator's entry: `eql-op-like-ci` for `like~`, `eql-op-not-in` for `not in`. */
export function operatorEntryId(language: 'eql' | 'kql', op: string): string {
  const key = OP_KEYS[op] ?? op.toLowerCase().replace(/~$/, '-ci').replace(/\s+/g, '-')
  return `${language}-op-${key}`
}

/** The id of a function's entry, e.g. `eql-fn-startsWith`. */
export function functionEntryId(doc: FunctionDoc): string {
  return `eql-fn-${doc.display}`
}

const CASE_WORDS: Readonly<Record<OperatorDoc['caseRule'], string | undefined>> = {
  sensitive: 'case-sensitive',
  insensitive: 'case-insensitive',
  'per-field-type': 'depends on the field type (keyword: case-sensitive; text: case-insensitive)',
  none: undefined,
}

function fromOperator(d: OperatorDoc): ReferenceEntry {
  const caseRule = CASE_WORDS[d.caseRule]
  // the literal line starts with the case rule; the wildcard part is what follows it
  const wildcards = d.literal.replace(/^case-(in)?sensitive,? /, '')
  return {
    id: operatorEntryId(d.language, d.op),
    language: d.language,
    group: 'operators',
    name: d.op,
    signature: d.op === 'not' ? 'not condition' : d.op === 'and' || d.op === 'or' ? `condition ${d.op} condition` : `field ${d.op} value`,
    summary: d.summary,
    ...(caseRule !== undefined ? { caseRule } : {}),
    ...(wildcards !== '' ? { wildcards } : {}),
    example: d.example,
    exampleQuery: d.language === 'eql' ? `any where ${d.example}` : d.example,
    snippet: d.example,
    keywords: [],
  }
}

function fromFunction(d: FunctionDoc): ReferenceEntry {
  return {
    id: functionEntryId(d),
    language: 'eql',
    group: 'functions',
    name: d.tilde ? `${d.display} / ${d.display}~` : d.display,
    signature: d.signature,
    summary: `${d.description} Returns ${d.returns}.`,
    caseRule: tildeNote(d),
    ...(d.tilde ? { wildcards: '`*` and `?` are literal characters' } : {}),
    example: d.example,
    exampleQuery: `any where ${d.example}`,
    snippet: d.example,
    keywords: [],
  }
}

function fromSyntax(d: SyntaxDoc): ReferenceEntry {
  const kind = d.group === 'kql-types' ? 'type' : 'syn'
  return {
    id: `${d.language}-${kind}-${d.key}`,
    language: d.language,
    group: d.group,
    name: d.name,
    signature: d.signature,
    summary: d.summary,
    ...(d.caseRule !== undefined ? { caseRule: d.caseRule } : {}),
    ...(d.wildcards !== undefined ? { wildcards: d.wildcards } : {}),
    example: d.example,
    exampleQuery: d.example,
    snippet: d.snippet ?? d.example,
    keywords: d.keywords ?? [],
  }
}

/** Every entry of both languages, EQL first, each language in group order. */
export const REFERENCE_ENTRIES: readonly ReferenceEntry[] = [
  ...EQL_OPERATOR_DOCS.map(fromOperator),
  ...FUNCTION_DOCS.map(fromFunction),
  ...EQL_SYNTAX_DOCS.map(fromSyntax),
  ...KQL_OPERATOR_DOCS.map(fromOperator),
  ...KQL_SYNTAX_DOCS.map(fromSyntax),
  ...KQL_FIELD_TYPE_DOCS.map(fromSyntax),
]

const BY_ID: ReadonlyMap<string, ReferenceEntry> = new Map(REFERENCE_ENTRIES.map((e) => [e.id, e]))

/** The entry with this id, or undefined. */
export function referenceEntry(id: string): ReferenceEntry | undefined {
  return BY_ID.get(id)
}

/** The entry an EQL keyword (or pipe name) links to, or undefined. */
export function keywordEntry(keyword: string): ReferenceEntry | undefined {
  return REFERENCE_ENTRIES.find((e) => e.language === 'eql' && e.keywords.includes(keyword))
}
