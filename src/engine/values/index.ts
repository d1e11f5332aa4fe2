/**
 * Values: the ONE place for value rules shared by the EQL and KQL engines — field lookup in JSON
 * events (`compileGetter`, `compileObjectGetter`), what each field type indexes for a document
 * value (`indexerFor`) and for a query constant (`constantIndexerFor`), equality/ordering/display,
 * case folding, wildcards, the standard analyzer for text fields, dates (formats, range bounds,
 * date math), IPs and CIDRs, versions and Java integer arithmetic. Lucene regular expressions
 * live in `lucene-regex/` and are re-exported here.
 */
export type { Indexed, IpValue, VersionValue, IndexedKey, ValueFault } from './indexed-types'
export { isFault } from './indexed-types'
export {
  compileGetter,
  compileObjectGetter,
  hasLeafValue,
  leafValuesUnder,
  forEachValue,
  valuesOf,
  type Getter,
  type GetterOptions,
} from './field-getter'
export { indexerFor, scalarText, type Indexer } from './field-indexer'
export { constantIndexerFor, type ConstantIndexer } from './constant-indexer'
export { compareIndexed, equalIndexed, indexedKey, displayIndexed, displayIndexedAs } from './compare-indexed'
export { formatDate } from './date-format-output'
export { foldCase, lowerRoot, lowerSimple, compareKeyword } from './case-fold'
export { analyzeStandard } from './text-analysis'
export {
  compileWildcard,
  compileWildcardParts,
  parseEqlWildcard,
  hasWildcard,
  type WildcardPart,
  type StringMatcher,
} from './wildcard'
export {
  parseDateMillis,
  parseDateNanos,
  parseDateBound,
  compileDateFormat,
  dateFormatProblem,
  formatDateMillis,
  DEFAULT_DATE_FORMAT,
} from './date-parse'
export { parseDateMath, type DateMathOptions } from './date-math'
export { parseIp, compareIp, parseCidr, cidrContains, cidrMatches, type Cidr } from './ip-address'
export { parseVersion, compareVersion } from './semantic-version'
export { coerceNumber, toHalfFloat, type NumericType } from './numeric-coerce'
export {
  integerOp,
  floatOp,
  truncDiv,
  javaRemainder,
  integerKindOf,
  type IntegerKind,
  type ArithOp,
} from './java-arithmetic'
export * from './lucene-regex'
