import { add } from './add'
import { between } from './between'
import { cidrMatch } from './cidr-match'
import { concat } from './concat'
import { divide } from './divide'
import { endsWith } from './ends-with'
import type { FunctionDef } from './function-def'
import { indexOf } from './index-of'
import { length } from './length'
import { modulo } from './modulo'
import { multiply } from './multiply'
import { number } from './number'
import { startsWith } from './starts-with'
import { string } from './string'
import { stringContains } from './string-contains'
import { substring } from './substring'
import { subtract } from './subtract'

/**
 * Elasticsearch's EQL builtins. Names resolve case-insensitively (`CONCAT(...)` works), so the map is
 * keyed by lower-case name. Python-only functions (arrayContains, match, wildcard, safe, ...) are
 * deliberately absent: Elasticsearch answers `Unknown function`.
 */
export const FUNCTIONS: readonly FunctionDef[] = [
  add,
  between,
  cidrMatch,
  concat,
  divide,
  endsWith,
  indexOf,
  length,
  modulo,
  multiply,
  number,
  startsWith,
  string,
  stringContains,
  substring,
  subtract,
]

const BY_NAME: ReadonlyMap<string, FunctionDef> = new Map(FUNCTIONS.map((f) => [f.name, f]))

/** The builtin called `name` (any case), or undefined. */
export function lookupFunction(name: string): FunctionDef | undefined {
  return BY_NAME.get(name.toLowerCase())
}

export type { FunctionDef } from './function-def'
