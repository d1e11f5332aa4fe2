import type { QueryLanguage } from './document-slice'

/**
 * Guessing a rule's language from its text, for pasted and loaded queries. Pure and cheap (it
 * reads the start of the text), so it can run on every paste.
 *
 * EQL has a shape KQL never has: it starts with `<category> where`, `sequence` or `sample` (after
 * comments). KQL is everything else, but only once it says something KQL-like (`field : value`,
 * a range, a boolean operator): a bare word such as `process` is the start of either, and
 * switching the language under someone typing EQL would be wrong. `null` means "cannot tell".
 */

/** EQL comments (`//` to end of line, block comments) and whitespace at the start of the text. */
const LEADING_NOISE = /^(?:\s+|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/

/** `process where`, `"network" where`, `any where`: a category (bare, quoted or `any`) then `where`. */
const EQL_EVENT_QUERY = /^(?:[A-Za-z_][\w.-]*|"(?:[^"\\]|\\.)*"|`[^`]*`)\s+where\b/i

/** `sequence by x`, `sequence with maxspan=5m`, `sequence [`, `sample by x`, `sample [`. */
const EQL_GROUP_QUERY = /^(?:sequence|sample)(?:\s+(?:by|with)\b|\s*\[)/i

/** A KQL field clause: `field : value`, `field:value`, `field >= 3` (a field name, then the operator). */
const KQL_CLAUSE = /(?:^|[\s(])[@A-Za-z_*][\w.@*-]*\s*(?::|<=|>=|<|>)(?!=)/

/** Boolean operators between two terms (Kibana's KQL spells them in any case). */
const KQL_BOOLEAN = /\S\s+(?:and|or)\s+\S|^\s*not\s+\S/i

/** Which language `text` is written in, or null when it cannot tell (blank, a bare word). */
export function detectLanguage(text: string): QueryLanguage | null {
  const body = text.replace(LEADING_NOISE, '')
  if (body === '') return null
  if (EQL_EVENT_QUERY.test(body) || EQL_GROUP_QUERY.test(body)) return 'eql'
  if (KQL_CLAUSE.test(body) || KQL_BOOLEAN.test(body)) return 'kql'
  return null
}

/** An edit that adds at least this many characters in one go is a paste or a load, not typing. */
const PASTE_MIN_CHARS = 8

/**
 * The characters one edit inserted: what is left of `next` after the part it shares with
 * `previous` at both ends. Typing inserts one; a paste, a drop or an example load inserts many.
 */
export function insertedLength(previous: string, next: string): number {
  const max = Math.min(previous.length, next.length)
  let head = 0
  while (head < max && previous.charCodeAt(head) === next.charCodeAt(head)) head++
  let tail = 0
  while (tail < max - head && previous.charCodeAt(previous.length - 1 - tail) === next.charCodeAt(next.length - 1 - tail)) tail++
  return next.length - head - tail
}

/**
 * The language after an edit from `previous` to `next` while `current` is selected: the detected
 * one when the edit looks like a paste or a load and detection is sure, otherwise `current`.
 */
export function languageAfterEdit(previous: string, next: string, current: QueryLanguage): QueryLanguage {
  if (insertedLength(previous, next) < PASTE_MIN_CHARS) return current
  return detectLanguage(next) ?? current
}
