import { compileWildcardParts, type StringMatcher, type WildcardPart } from '../values/wildcard'
import type { AddExclusionOptions } from './types'

/**
 * The warning shown when a form excludes more than the chosen value: other casings, other values
 * matched by the pattern, or (KQL) a phrase match on a text field. null when the form is exact.
 */
export function exclusionWarning(opts: AddExclusionOptions): string | null {
  const value = opts.value
  if (typeof value !== 'string') return null
  if (opts.language === 'kql') return kqlWarning(opts, value)
  if (opts.form === 'case-insensitive') return hasLetters(value) ? casingWarning(value) : null
  if (opts.form === 'wildcard') return wildcardWarning(opts.pattern ?? value, value, true)
  return null
}

function kqlWarning(opts: AddExclusionOptions, value: string): string | null {
  if (opts.fieldType === 'text' || opts.fieldType === 'match_only_text') {
    return `${opts.field} is a text field: the exclusion is a phrase match, so it ignores case and also excludes ` +
      `longer values containing these words.`
  }
  if (opts.form === 'wildcard') return wildcardWarning(opts.pattern ?? value, value, false)
  return null
}

function hasLetters(s: string): boolean {
  return s.toLowerCase() !== s.toUpperCase()
}

/** "LoginHook" -> "lOGINhOOK": a casing the user did not pick. */
function swapCase(s: string): string {
  let out = ''
  for (const ch of s) out += ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()
  return out
}

function casingWarning(value: string): string {
  return `Case is ignored: this also excludes other casings, e.g. ${JSON.stringify(swapCase(value))}.`
}

/**
 * Says what else a pattern excludes. EQL patterns (`:`, `like~`) ignore case and know `?`; a KQL
 * unquoted pattern is case-sensitive on keyword fields and has no `?` wildcard.
 */
function wildcardWarning(pattern: string, value: string, eql: boolean): string | null {
  if (!wildcardMatcher(pattern, eql)(value)) return `The pattern ${JSON.stringify(pattern)} does not match ${JSON.stringify(value)}: this event would not be excluded.`
  const wild = pattern.includes('*') || (eql && pattern.includes('?'))
  if (!wild) return eql && hasLetters(value) ? casingWarning(value) : null
  const example = pattern.replace(/\*/g, 'anything').replace(eql ? /\?/g : /$^/g, 'x')
  const rules = eql ? '`*` stands for any run of characters, `?` for one, and case is ignored' : '`*` stands for any run of characters'
  return `Broader than the value: ${rules}, so this also excludes e.g. ${JSON.stringify(example)}.`
}

/**
 * The pattern as the engine's own wildcard matcher (linear time): a RegExp built from the user's
 * pattern backtracked catastrophically (`*a*a*a*a*a*a*a*a*b` against 50 `a`s took seconds on the
 * page's main thread, where no watchdog stops it).
 */
function wildcardMatcher(pattern: string, eql: boolean): StringMatcher {
  const parts: WildcardPart[] = []
  for (const ch of pattern) {
    if (ch === '*') parts.push({ kind: 'any' })
    else if (ch === '?' && eql) parts.push({ kind: 'one' })
    else parts.push({ kind: 'literal', text: ch })
  }
  return compileWildcardParts(parts, eql)
}
