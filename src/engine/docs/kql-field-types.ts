/**
 * "How `:` matches per field type" for the KQL quick reference. In KQL the field's mapping type,
 * not the operator, decides case and wildcards, so each family gets an entry. The case and
 * wildcard lines come from kqlLiteralRule (the same words the value hover shows), so the panel
 * and the hover cannot disagree.
 */
import type { EsFieldType } from '../schema/types'
import { kqlLiteralRule } from './kql-literals'
import type { SyntaxDoc } from './syntax-doc'

interface TypeRow {
  readonly type: EsFieldType
  readonly name: string
  readonly summary: string
  readonly example: string
}

const ROWS: readonly TypeRow[] = [
  {
    type: 'keyword',
    name: 'keyword fields',
    summary: 'Most ECS fields (`process.name`, `file.path`, `event.action`, `user.name`…): the value is compared with the whole stored string.',
    example: 'process.name : "launchctl" or file.path : /Library/LaunchDaemons/*',
  },
  {
    type: 'wildcard',
    name: 'wildcard fields',
    summary:
      'ECS `process.command_line`, `url.full` and a few others. An unquoted pattern with spaces is split at the spaces and ANY piece may match: `*foo bar*` means "ends with foo" or "starts with bar". Quote it to keep the spaces.',
    example: 'process.command_line : *curl* and not process.command_line : "curl --version"',
  },
  {
    type: 'text',
    name: 'text fields',
    summary: '`message`, `error.message` and `.text` multi-fields are analysed into lower-cased words: a value matches when any of its words occurs; a quoted value is a phrase.',
    example: 'message : "permission denied"',
  },
  {
    type: 'long',
    name: 'number fields',
    summary: 'The value is read as a number; a word that is not a number fails the whole search. `*` cannot be a pattern here.',
    example: 'process.pid : 1 or destination.port >= 49152',
  },
  {
    type: 'ip',
    name: 'ip fields',
    summary: 'An address or a CIDR block (`10.0.0.0/8`); anything else fails the search.',
    example: 'source.ip : 10.0.0.0/8',
  },
  {
    type: 'date',
    name: 'date fields',
    summary: 'A date names its whole span: `"2024-05-01"` is the whole day (UTC). Ranges accept date math (`now-1h`, `now/d`).',
    example: '@timestamp : "2024-05-01" or @timestamp >= now-1h',
  },
  {
    type: 'boolean',
    name: 'boolean fields',
    summary: '`true` or `false`.',
    example: 'process.code_signature.trusted : false',
  },
  {
    type: 'constant_keyword',
    name: 'constant_keyword fields',
    summary: 'ECS `data_stream.*`: every document of an index has the one mapped value; a pattern is matched like on a wildcard field.',
    example: 'data_stream.dataset : endpoint.events.process',
  },
]

/** The reference key of a field type's entry (numbers share one, match_only_text is text). */
export function kqlTypeKey(type: EsFieldType | string): string | undefined {
  switch (type) {
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
    case 'unsigned_long':
      return 'number'
    case 'match_only_text':
      return 'text'
    case 'date_nanos':
      return 'date'
    default:
      // an element-id-friendly key: constant_keyword -> constant-keyword
      return ROWS.some((r) => r.type === type) ? type.replace(/_/g, '-') : undefined
  }
}

/** One entry per field-type family, in the order a detection engineer meets them. */
export const KQL_FIELD_TYPE_DOCS: readonly SyntaxDoc[] = ROWS.map((r) => ({
  language: 'kql',
  key: kqlTypeKey(r.type) ?? r.type,
  group: 'kql-types',
  name: r.name,
  signature: `${r.type === 'long' ? 'number' : r.type} field : value`,
  summary: r.summary,
  caseRule: kqlLiteralRule(r.type, false, false),
  wildcards: kqlLiteralRule(r.type, false, true),
  example: r.example,
}))
