/**
 * Cheap structural scanning of JSON text (RFC 8259), used to cut a document into top-level values
 * and array elements *before* parsing them, so that one bad value costs one problem and not the
 * whole file. Grammar relied on:
 *
 *   value   = object / array / string / number / "true" / "false" / "null"
 *   object  = "{" [ member *( "," member ) ] "}"      member = string ":" value
 *   array   = "[" [ value *( "," value ) ] "]"
 *   string  = '"' *( unescaped / "\" escape ) '"'
 *
 * Scanning only balances brackets outside strings; it does not validate (see json-error.ts). All
 * loops are iterative so deeply nested input cannot overflow the stack.
 */

/** JSON whitespace: space, tab, line feed, carriage return. */
export function isJsonSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13
}

/** Index of the first non-whitespace character at or after `from`, or `text.length`. */
export function skipSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++
  return i
}

/** Characters that end a bare scalar (number or literal) */
function endsScalar(c: number): boolean {
  // , ] } [ { " and whitespace
  return isJsonSpace(c) || c === 44 || c === 93 || c === 125 || c === 91 || c === 123 || c === 34
}

/** End (exclusive) of the string starting with the quote at `start`, or -1 when unterminated. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 92) i++ // backslash: skip the escaped character
    else if (c === 34) return i + 1
  }
  return -1
}

/**
 * End (exclusive) of the value starting at `start` (a non-space character), found by balancing
 * brackets outside strings; -1 when the text ends before the value closes. Mismatched bracket
 * kinds are not detected here: JSON.parse rejects them afterwards.
 */
export function valueEnd(text: string, start: number): number {
  const first = text.charCodeAt(start)
  if (first === 34) return stringEnd(text, start)
  if (first !== 123 && first !== 91) {
    let i = start + 1
    while (i < text.length && !endsScalar(text.charCodeAt(i))) i++
    return i
  }
  let depth = 0
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      const end = stringEnd(text, i)
      if (end < 0) return -1
      i = end - 1
    } else if (c === 123 || c === 91) depth++
    else if (c === 125 || c === 93) {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return -1
}

/** One element of an array: its extent in the text. */
export interface Extent {
  readonly start: number
  readonly end: number
}

/**
 * The extents of the elements of the array whose `[` is at `open`, up to its `]` (or the end of
 * the text when unterminated). An element whose brackets never close extends to the end.
 * Separators are expected between elements; stray text is returned as its own extent so that
 * parsing it yields a problem at the right line.
 */
export function arrayElements(text: string, open: number, close: number): Extent[] {
  const out: Extent[] = []
  let i = skipSpace(text, open + 1)
  while (i < close) {
    const c = text.charCodeAt(i)
    if (c === 44) {
      i = skipSpace(text, i + 1)
      continue
    }
    const end = valueEnd(text, i)
    const stop = end < 0 || end > close ? close : end
    out.push({ start: i, end: Math.max(stop, i + 1) })
    i = skipSpace(text, Math.max(stop, i + 1))
  }
  return out
}

/**
 * Where to resume after a value that failed to parse: the start of the next line (after the line
 * of `from`) that begins, in column 1, with `{` or `[` — how NDJSON lines and `jq` output start,
 * while nested members of a pretty-printed document are indented. `text.length` when none.
 */
export function resyncPoint(text: string, from: number): number {
  let i = text.indexOf('\n', from)
  while (i >= 0) {
    const c = text.charCodeAt(i + 1)
    if (c === 123 || c === 91) return i + 1
    i = text.indexOf('\n', i + 1)
  }
  return text.length
}
