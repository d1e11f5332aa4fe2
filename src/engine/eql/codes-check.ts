import type { CodeDef } from '../diagnostics/diagnostic'

/**
 * Checker (verification) codes, EQL2xxx. Templates follow Elasticsearch's verifier wording where it
 * has one, so an analyst recognises the message Elasticsearch would return; `{x}` are placeholders
 * filled by makeDiagnostic. Codes are stable: tests and users key on them, never renumber.
 */
function def(code: string, severity: CodeDef['severity'], template: string): CodeDef {
  return { code, severity, template }
}

export const CHECK_CODES = {
  /** `{suggestion}` is '' or ', did you mean [x]?' or ', did you mean any of [x, y]?' */
  unknownColumn: def('EQL2001', 'error', 'Unknown column [{name}]{suggestion}'),
  unknownFunction: def('EQL2002', 'error', 'Unknown function [{name}]{suggestion}'),
  arity: def('EQL2003', 'error', 'error building [{name}]: {reason}'),
  argumentType: def(
    'EQL2004',
    'error',
    '{ordinal} argument of [{source}] must be [{expected}], found value [{value}] type [{type}]{hint}',
  ),
  noCaseInsensitiveVariant: def('EQL2005', 'error', 'Unused parameters [true] detected when building [{name}]'),
  constantRequired: def('EQL2006', 'error', '{ordinal} argument of [{source}] must be a constant, received [{value}]'),
  fieldComparison: def(
    'EQL2007',
    'error',
    'Comparisons against fields are not (currently) supported; offender [{offender}] in [{source}]',
  ),
  textField: def(
    'EQL2008',
    'error',
    '[{source}] cannot operate on {ordinal} argument field of data type [text]: No keyword/multi-field defined exact matches for [{name}]; define one or use MATCH/QUERY instead',
  ),
  unsupportedType: def('EQL2009', 'error', 'Cannot use field [{name}] with unsupported type [{type}]'),
  nestedField: def('EQL2010', 'error', 'Cannot use field [{name}] type [nested] due to nested fields not being supported yet'),
  conditionNotBoolean: def('EQL2011', 'error', 'Condition expression needs to be boolean, found [{type}]'),
  // EQL2012 retired: the parser reports an inconsistent number of join keys (EQL1xxx)
  joinKeyType: def(
    'EQL2013',
    'error',
    'Sequence key [{name}] type [{type}] is incompatible with key [{otherName}] type [{otherType}]',
  ),
  badRegex: def('EQL2014', 'error', 'Invalid regular expression [{pattern}]: {reason}'),
  /** a constant the field's type cannot hold: Elasticsearch fails the search with a parse error */
  unconvertibleConstant: def('EQL2015', 'error', 'Cannot compare field [{name}] of type [{type}] with [{value}]: {reason}'),
  arithmeticError: def('EQL2016', 'error', 'Cannot evaluate [{source}]: {reason}'),
  objectField: def('EQL2017', 'error', 'Cannot use field [{name}] of type [object]; name one of its leaf fields'),
  functionArgument: def('EQL2018', 'error', 'Cannot evaluate [{source}]: {reason}'),
  nestedHierarchy: def('EQL2019', 'error', 'Cannot use field [{name}] with unsupported nested type in hierarchy (field [{parent}])'),
  notSearchable: def('EQL2020', 'error', 'Cannot search on field [{name}] since it is not indexed.'),
  // ------------------------------------------------------------------ warnings
  sameField: def('EQL2101', 'warning', 'Field [{name}] is compared with itself; the condition does not depend on its value'),
  wildcardInEquals: def(
    'EQL2102',
    'warning',
    '`{op}` does not expand wildcards; [{value}] matches only that exact text. Use `:` or `like` for a wildcard match',
  ),
  /** Elasticsearch folds these to null (an unmapped `?field`, a null operand): no event matches, negated or not */
  alwaysNull: def('EQL2103', 'warning', '[{source}] is always null, so neither it nor its negation matches any event'),
  ignoreAbove: def(
    'EQL2104',
    'warning',
    '[{value}] is longer than ignore_above ({limit}) of field [{name}]; such values are not indexed and never match',
  ),
  // EQL2105 retired (was "always false"; null-folded conditions are EQL2103)
} as const satisfies Record<string, CodeDef>

export type CheckCodeName = keyof typeof CHECK_CODES

/** All EQL2xxx definitions, for the cross-registry uniqueness test. */
export const CHECK_CODE_LIST: readonly CodeDef[] = Object.values(CHECK_CODES)
