/**
 * What a KQL value means for the field it is matched against: in KQL the field's mapping type, not
 * the operator, decides case and wildcards. Mirrors what the evaluator does (kql/compile-match.ts,
 * compile-wildcard.ts, compile-text.ts), in words for hover and the quick reference.
 */
import type { EsFieldType } from '../schema/types'

/** The families of field types that treat a KQL value alike. */
export type KqlValueFamily = 'keyword' | 'split' | 'text' | 'typed' | 'unknown'

/** Which family a mapping type belongs to (undefined: the field is not mapped). */
export function kqlValueFamily(type: EsFieldType | undefined): KqlValueFamily {
  switch (type) {
    case undefined:
      return 'unknown'
    case 'keyword':
      return 'keyword'
    case 'wildcard':
    case 'constant_keyword':
    case 'version':
    case 'flattened':
      return 'split'
    case 'text':
    case 'match_only_text':
      return 'text'
    default:
      return 'typed'
  }
}

/**
 * One line (markdown) on how a KQL value is matched.
 * @param type the field's mapping type, or undefined when unmapped (treated like keyword)
 * @param quoted whether the value is in double quotes
 * @param hasStar whether an unquoted value contains `*`
 */
export function kqlLiteralRule(type: EsFieldType | undefined, quoted: boolean, hasStar: boolean): string {
  const family = kqlValueFamily(type)
  const q = ' `?` is always a literal character in KQL.'
  if (family === 'typed') {
    return `Read as a ${type ?? ''} value, so case does not apply; \`*\` is not a wildcard here (only \`field:*\`, "exists").`
  }
  if (family === 'text') {
    return quoted
      ? 'Analysed text: a phrase — these words, in this order, case-insensitive; `*` is literal.' + q
      : hasStar
        ? 'Analysed text: split at whitespace, each piece lower-cased and matched against single words, `*` a wildcard.' + q
        : 'Analysed text: case-insensitive, matches when any of the words occurs.' + q
  }
  if (quoted) return 'Exact whole value, case-sensitive; `*` is literal in quotes.' + q
  if (!hasStar) return 'Exact whole value, case-sensitive.' + q
  if (family === 'split') {
    return `\`${type ?? ''}\` field: the value is split at whitespace and any piece may match; case-sensitive, \`*\` is a wildcard.` + q
  }
  const unknown = family === 'unknown' ? ' (unmapped: treated as keyword)' : ''
  return `Keyword${unknown}: one case-sensitive pattern over the whole value, whitespace included; \`*\` is a wildcard.` + q
}
