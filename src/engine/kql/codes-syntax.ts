import type { CodeDef } from '../diagnostics/diagnostic'

/**
 * KQL parser codes, KQL1xxx. Every error starts with Kibana's KQLSyntaxError sentence
 * ("Expected {expected} but {found} found.", the expectation list computed the way Kibana's
 * generated parser computes it), so an analyst recognises what Kibana would say. The specific
 * codes share that sentence and add our own hint after it; they exist so editors and tests can key
 * on the kind of mistake. Warnings (KQL11xx) are ours: the query parses, but probably not as meant.
 * Codes are stable: never renumber.
 */
function def(code: string, template: string, severity: CodeDef['severity'] = 'error'): CodeDef {
  return { code, severity, template }
}

const KIBANA = 'Expected {expected} but {found} found.'

export const KQL_SYNTAX_CODES = {
  // ------------------------------------------------------------------ errors
  /** any syntax error none of the codes below explains better */
  syntax: def('KQL1001', KIBANA),
  unterminatedString: def('KQL1002', `${KIBANA} The quoted string is never closed.`),
  invalidEscape: def(
    'KQL1003',
    `${KIBANA} Outside quotes a backslash may only escape one of \\ ( ) : < > " * { }, t, r, n, uXXXX, and, or, not; double it (\\\\) or quote the value.`,
  ),
  keywordNeedsSpace: def('KQL1004', `${KIBANA} [and] and [or] need whitespace on both sides, [not] needs whitespace after it.`),
  doubleNot: def('KQL1005', `${KIBANA} Only one [not] may precede a clause; write not (not ...).`),
  notAfterColon: def('KQL1006', `${KIBANA} A [not] after a colon needs parentheses: field:(not value).`),
  notInsideValue: def(
    'KQL1007',
    `${KIBANA} [not] followed by whitespace ends an unquoted value, even inside a word; quote the value.`,
  ),
  emptyGroup: def('KQL1008', `${KIBANA} Parentheses and braces cannot be empty.`),
  danglingKeyword: def('KQL1009', `${KIBANA} [{keyword}] must be followed by a clause.`),
  missingOperator: def('KQL1010', `${KIBANA} Join clauses and groups with [and] or [or].`),
  colonBeforeRange: def('KQL1011', `${KIBANA} A range takes no colon: field < value.`),
  unescapedSpecial: def('KQL1012', `${KIBANA} Escape [{char}] with a backslash or quote the value.`),
  missingValue: def('KQL1013', `${KIBANA} A value is missing.`),
  rangeWithoutField: def('KQL1014', `${KIBANA} A range needs a field: field < value.`),
  unbalanced: def('KQL1015', `${KIBANA} Unbalanced parentheses or braces.`),
  /** ours: Kibana's generated parser overflows the JavaScript stack instead */
  tooDeep: def('KQL1016', 'KQL query nests too deeply (more than {max} levels of parentheses, braces and value lists)'),
  /** Kibana's wording; only with allowLeadingWildcards: false (the detection engine allows them) */
  leadingWildcard: def('KQL1017', 'Leading wildcards are disabled. See query:allowLeadingWildcards in Advanced Settings.'),

  // ------------------------------------------------------------------ warnings (ours)
  /** `\n` wins over the escaped keyword `\not`: `f:\not x` is a line feed then "ot x" */
  escapedNotIsNewline: def(
    'KQL1101',
    '[\\n] here is a line feed, not an escaped [not]; write [\\NOT] or quote the value',
    'warning',
  ),
  /** `"C:\Windows\temp"`: `\t` is a TAB inside quotes, other backslashes are kept */
  quotedPathEscape: def(
    'KQL1102',
    'Inside quotes [{escape}] is a {meaning}, while other single backslashes are kept as written; double the backslash if this is a path',
    'warning',
  ),
  /** `null:x`: Kibana reads the field name as the null literal and searches the value in every field */
  nullFieldName: def('KQL1103', 'An unquoted [null] field name means no field: the value is searched in all fields', 'warning'),
} as const satisfies Record<string, CodeDef>

export type KqlSyntaxCodeName = keyof typeof KQL_SYNTAX_CODES

/** All KQL1xxx definitions, for the cross-registry uniqueness test. */
export const KQL_SYNTAX_CODE_LIST: readonly CodeDef[] = Object.values(KQL_SYNTAX_CODES)
