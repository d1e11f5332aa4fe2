import type { CodeDef } from '../diagnostics/diagnostic'

/**
 * Lexer and parser codes, EQL1xxx. Templates repeat Elasticsearch's parser wording (ANTLR messages
 * for generic syntax errors, ParsingException texts for the rest) so an analyst recognises the error
 * Elasticsearch would return. Where Elasticsearch's exact wording could not be confirmed the
 * template is ours and says so in a comment. Codes are stable: never renumber.
 */
function def(code: string, template: string, severity: CodeDef['severity'] = 'error'): CodeDef {
  return { code, severity, template }
}

export const SYNTAX_CODES = {
  // ------------------------------------------------------------------ lexing
  tokenRecognition: def('EQL1001', "token recognition error at: '{text}'"),
  singleQuotedString: def('EQL1002', `Use double quotes ["] to define string literals, not single quotes [']`),
  /** `{prefix}` is `?"` or `?'` */
  questionQuotedString: def('EQL1003', 'Use triple double quotes ["""] to define unescaped string literals, not [{prefix}]'),
  unicodeDigits: def('EQL1004', 'Unicode sequence should use [2-8] hex digits, [{text}] has [{count}]'),
  unicodeInvalid: def('EQL1005', 'Invalid unicode character code [{code}]'),
  unicodeSurrogate: def('EQL1006', 'Invalid unicode character code, [{code}] is a surrogate code'),
  /** ours: ANTLR would fall back to `/` `*` tokens and report something less helpful */
  unterminatedComment: def('EQL1007', 'Unterminated block comment'),

  // ------------------------------------------------------------------ generic syntax (ANTLR)
  mismatchedInput: def('EQL1010', "mismatched input '{token}' expecting {expected}"),
  noViableAlternative: def('EQL1011', "no viable alternative at input '{text}'"),
  extraneousInput: def('EQL1012', "extraneous input '{token}' expecting {expected}"),
  /** same text as mismatchedInput; its own code lets editors suggest `==` or `:` */
  equalsAsEquality: def('EQL1013', "mismatched input '=' expecting {expected}"),
  /** same text as mismatchedInput; its own code lets editors suggest back-quotes: event.`sequence` */
  keywordAsField: def('EQL1014', "mismatched input '{token}' expecting {expected}"),
  /** same text as mismatchedInput; keywords are lowercase-only (`WHERE` is an identifier) */
  miscasedKeyword: def('EQL1015', "mismatched input '{token}' expecting {expected}"),
  tooDeep: def('EQL1016', 'EQL statement is too large, causing stack overflow when generating the parsing tree: [{statement}]'),

  // ------------------------------------------------------------------ unsupported syntax
  arrayIndex: def('EQL1020', 'Array indexes are not supported'),
  processRelationship: def('EQL1021', 'Process relationships are not supported'),
  joinUnsupported: def('EQL1022', 'JOIN command is not supported'),
  pipeNotSupported: def('EQL1023', 'Pipe [{name}] is not supported'),
  /** `{suggestion}` is '', ', did you mean [x]?' or ', did you mean any of [x, y]?' */
  unknownPipe: def('EQL1024', 'Unrecognized pipe [{name}]{suggestion}'),
  pipeArgCount: def('EQL1025', 'Pipe [{name}] expects exactly one argument but found [{count}]'),
  pipeArgInteger: def('EQL1026', 'Pipe [{name}] expects a positive integer but found [{value}]'),

  // ------------------------------------------------------------------ sequences and samples
  maxspanPositive: def('EQL1030', 'A positive maxspan value is required; found [{value}]'),
  maxspanNoUnit: def('EQL1031', 'No time unit specified, did you mean [s] as in [{text}s]?'),
  maxspanUnit: def('EQL1032', 'Unrecognized time unit [{unit}] in [{text}], please specify one of [ms, s, m, h, d]'),
  maxspanDecimal: def('EQL1033', 'Decimal time interval [{text}] not supported; please use an positive integer'),
  byAfterWith: def('EQL1034', 'Please specify sequence [by] before [with] not after'),
  joinKeyCount: def('EQL1035', 'Inconsistent number of join keys specified; expected [{expected}] but found [{found}]'),
  /** ours (Elasticsearch's wording unconfirmed): runs must be an integer in 1..100 */
  runsRange: def('EQL1036', 'A [runs] value between [1] and [100] is required; found [{value}]'),
  /** ours: `with x=2` on a stage where only `runs` is known */
  unknownStageParam: def('EQL1037', 'Unrecognized parameter [{name}], did you mean [runs]?'),
  /** ours (unconfirmed wording) */
  missingNeedsMaxspan: def('EQL1038', 'A sequence with missing events ![...] requires [with maxspan]'),
  missingNeedsPositive: def('EQL1039', 'A sequence requires at least one positive event query; found none'),
  /** ours: `sample` takes no `with maxspan`, `with runs`, `until` nor `![...]` missing events; {clause} names it */
  sampleClause: def('EQL1040', '[{clause}] is not supported in samples'),
  /** ours: the until stage cannot be a missing event */
  missingUntil: def('EQL1041', 'An [until] stage cannot be a missing event'),
} as const satisfies Record<string, CodeDef>

export type SyntaxCodeName = keyof typeof SYNTAX_CODES

/** All EQL1xxx definitions, for the cross-registry uniqueness test. */
export const SYNTAX_CODE_LIST: readonly CodeDef[] = Object.values(SYNTAX_CODES)
