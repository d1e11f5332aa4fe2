/**
 * Reference for every EQL and KQL operator, in our own words: how each compares text (case) and
 * whether `*` / `?` in a string are wildcards. Completion shows it as documentation, hover shows it
 * on the operator and on the string literals it applies to, and the quick-reference panel lists it.
 */

/** How an operator treats the case of text. */
export type CaseRule = 'sensitive' | 'insensitive' | 'per-field-type' | 'none'

/** One operator's reference entry. */
export interface OperatorDoc {
  readonly language: 'eql' | 'kql'
  /** as written, e.g. `like~`, `not in`, `:` */
  readonly op: string
  /** one line: what it tests */
  readonly summary: string
  readonly caseRule: CaseRule
  /** what the string literals it compares against mean, e.g. "case-sensitive, * and ? are literal" */
  readonly literal: string
  readonly example: string
}

const EXACT = 'case-sensitive, `*` and `?` are literal characters'
const EXACT_FOLDED = 'case-insensitive, `*` and `?` are literal characters'

/** EQL operators, in the order completion offers them after a field. */
export const EQL_OPERATOR_DOCS: readonly OperatorDoc[] = [
  { language: 'eql', op: '==', summary: 'Equal.', caseRule: 'sensitive', literal: EXACT, example: 'process.name == "cmd.exe"' },
  { language: 'eql', op: '!=', summary: 'Not equal: the complement of `==`, so it also holds for events without the field.', caseRule: 'sensitive', literal: EXACT, example: 'event.type != "end"' },
  {
    language: 'eql',
    op: ':',
    summary: 'Matches a string or any string of a list, `*` (any run of characters) and `?` (one character) as wildcards.',
    caseRule: 'insensitive',
    literal: 'case-insensitive, `*` and `?` are wildcards',
    example: 'process.name : ("cmd.exe", "power*.exe")',
  },
  {
    language: 'eql',
    op: 'like',
    summary: 'Matches a wildcard pattern or any of a list (`*` any run, `?` one character).',
    caseRule: 'sensitive',
    literal: 'case-sensitive, `*` and `?` are wildcards',
    example: 'file.path like "C:\\\\Windows\\\\*"',
  },
  {
    language: 'eql',
    op: 'like~',
    summary: 'Like `like`, ignoring case.',
    caseRule: 'insensitive',
    literal: 'case-insensitive, `*` and `?` are wildcards',
    example: 'file.name like~ "*.PS1"',
  },
  {
    language: 'eql',
    op: 'regex',
    summary: 'Matches a Lucene regular expression against the WHOLE value (anchored), or any of a list.',
    caseRule: 'sensitive',
    literal: 'case-sensitive Lucene regular expression (anchored: it must match the whole value); `*` and `?` are regex operators',
    example: 'process.name regex "[a-z]{8}\\\\.exe"',
  },
  {
    language: 'eql',
    op: 'regex~',
    summary: 'Like `regex`, ignoring case.',
    caseRule: 'insensitive',
    literal: 'case-insensitive Lucene regular expression (anchored); `*` and `?` are regex operators',
    example: 'dns.question.name regex~ ".*\\\\.ONION"',
  },
  { language: 'eql', op: 'in', summary: 'Equal to any value of the list.', caseRule: 'sensitive', literal: EXACT, example: 'event.type in ("start", "process_started")' },
  { language: 'eql', op: 'in~', summary: 'Like `in`, ignoring case.', caseRule: 'insensitive', literal: EXACT_FOLDED, example: 'process.name in~ ("CMD.EXE", "powershell.exe")' },
  { language: 'eql', op: 'not in', summary: 'Equal to none of the values of the list (events without the field included).', caseRule: 'sensitive', literal: EXACT, example: 'user.name not in ("root", "admin")' },
  { language: 'eql', op: 'not in~', summary: 'Like `not in`, ignoring case.', caseRule: 'insensitive', literal: EXACT_FOLDED, example: 'user.name not in~ ("ROOT")' },
  { language: 'eql', op: '<', summary: 'Less than (text compares code unit by code unit).', caseRule: 'sensitive', literal: 'compared in order, case-sensitively; `*` and `?` are literal', example: 'process.pid < 100' },
  { language: 'eql', op: '<=', summary: 'Less than or equal.', caseRule: 'sensitive', literal: 'compared in order, case-sensitively; `*` and `?` are literal', example: 'file.size <= 1024' },
  { language: 'eql', op: '>', summary: 'Greater than.', caseRule: 'sensitive', literal: 'compared in order, case-sensitively; `*` and `?` are literal', example: 'file.size > 1000000' },
  { language: 'eql', op: '>=', summary: 'Greater than or equal.', caseRule: 'sensitive', literal: 'compared in order, case-sensitively; `*` and `?` are literal', example: '@timestamp >= "2024-01-01"' },
  { language: 'eql', op: 'and', summary: 'Both conditions hold.', caseRule: 'none', literal: '', example: 'process.name == "sh" and user.name == "root"' },
  { language: 'eql', op: 'or', summary: 'Either condition holds.', caseRule: 'none', literal: '', example: 'process.name == "sh" or process.name == "zsh"' },
  { language: 'eql', op: 'not', summary: 'The condition does not hold (a missing field makes a comparison false, so `not` makes it true).', caseRule: 'none', literal: '', example: 'not process.name : "svchost.exe"' },
]

/** KQL operators; `:` depends on the field's mapping type (see kqlLiteralRule). */
export const KQL_OPERATOR_DOCS: readonly OperatorDoc[] = [
  {
    language: 'kql',
    op: ':',
    summary: 'Field matches the value (or any value of `(a or b)`); `field:*` means the field exists. How text matches depends on the field type.',
    caseRule: 'per-field-type',
    literal: 'depends on the field type: keyword exact and case-sensitive, text analysed (case-insensitive words)',
    example: 'process.name : "cmd.exe"',
  },
  { language: 'kql', op: '<', summary: 'Range: less than (numbers, dates, IPs, or text in order).', caseRule: 'sensitive', literal: 'compared in order; `*` is literal', example: 'process.pid < 100' },
  { language: 'kql', op: '<=', summary: 'Range: less than or equal.', caseRule: 'sensitive', literal: 'compared in order; `*` is literal', example: '@timestamp <= now-1d' },
  { language: 'kql', op: '>', summary: 'Range: greater than.', caseRule: 'sensitive', literal: 'compared in order; `*` is literal', example: 'file.size > 1000000' },
  { language: 'kql', op: '>=', summary: 'Range: greater than or equal.', caseRule: 'sensitive', literal: 'compared in order; `*` is literal', example: '@timestamp >= "2024-01-01"' },
  { language: 'kql', op: 'and', summary: 'Both conditions hold (any case: `and`, `AND`).', caseRule: 'none', literal: '', example: 'process.name : sh and user.name : root' },
  { language: 'kql', op: 'or', summary: 'Either condition holds (any case).', caseRule: 'none', literal: '', example: 'process.name : sh or process.name : zsh' },
  { language: 'kql', op: 'not', summary: 'The condition does not hold (any case).', caseRule: 'none', literal: '', example: 'not event.outcome : "success"' },
]

/** The entry for an operator as written in a language, or undefined. */
export function operatorDoc(language: 'eql' | 'kql', op: string): OperatorDoc | undefined {
  const list = language === 'eql' ? EQL_OPERATOR_DOCS : KQL_OPERATOR_DOCS
  const key = language === 'kql' ? op.toLowerCase() : op
  return list.find((d) => d.op === key)
}

/** Markdown for an operator: summary, case and wildcard behaviour, example. */
export function operatorMarkdown(doc: OperatorDoc): string {
  const parts = [`**\`${doc.op}\`** — ${doc.summary}`]
  if (doc.literal !== '') parts.push(`Strings: ${doc.literal}.`)
  parts.push(`Example: \`${doc.example}\``)
  return parts.join('\n\n')
}
