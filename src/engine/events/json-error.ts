/**
 * Finds the first syntax error in a JSON value (RFC 8259 grammar, as in json-scan.ts) and says
 * why, with an offset. JSON.parse already rejected the text; its messages differ between
 * browsers and some carry no position, so this validator exists to give every bad line the same
 * precise line number and reason everywhere. Iterative (explicit stack): no recursion limit.
 */
import { isJsonSpace, skipSpace } from './json-scan'

export interface JsonError {
  readonly offset: number
  readonly message: string
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y
const LITERAL = /true|false|null/y

function show(text: string, i: number): string {
  const ch = text[i]
  return ch === undefined ? 'end of input' : `'${ch}'`
}

/** Validates one string literal at `i` (a quote); returns its end or an error. */
function scanString(text: string, i: number, to: number): number | JsonError {
  for (let j = i + 1; j < to; j++) {
    const c = text.charCodeAt(j)
    if (c === 34) return j + 1
    if (c < 32) return { offset: j, message: 'line break or control character inside a string (unterminated string?)' }
    if (c === 92) {
      const e = text[j + 1]
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return { offset: j, message: 'invalid \\u escape in string' }
        j += 5
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j++
      else return { offset: j, message: `invalid escape '\\${e ?? ''}' in string` }
    }
  }
  return { offset: to, message: 'unterminated string' }
}

type Frame = 'object' | 'array'

/**
 * The first error in text[from, to), which should hold exactly one JSON value; undefined when the
 * range is valid JSON.
 */
export function findJsonError(text: string, from: number, to: number): JsonError | undefined {
  const stack: Frame[] = []
  let i = skipSpace(text, from)
  // expect: 'value' | 'key' (property name or '}' right after '{') | 'after' (',' or closer)
  let expect: 'value' | 'firstValue' | 'key' | 'firstKey' | 'after' = 'value'
  for (;;) {
    i = skipSpace(text, i)
    if (i >= to) {
      if (stack.length === 0 && expect === 'after') return undefined
      const open = stack[stack.length - 1]
      return { offset: to, message: open ? `unexpected end of input: unclosed ${open}` : 'empty input: expected a JSON value' }
    }
    const c = text.charCodeAt(i)
    const top = stack[stack.length - 1]
    if (expect === 'after') {
      if (top === undefined) return { offset: i, message: `unexpected ${show(text, i)} after the end of the JSON value` }
      const closer = top === 'object' ? 125 : 93
      if (c === closer) {
        stack.pop()
        i++
        continue
      }
      if (c === 44) {
        expect = top === 'object' ? 'key' : 'value'
        i++
        continue
      }
      const want = top === 'object' ? "',' or '}' after a property value" : "',' or ']' after an array element"
      return { offset: i, message: `expected ${want}, found ${show(text, i)}` }
    }
    if (expect === 'key' || expect === 'firstKey') {
      if (c === 125) {
        if (expect === 'key') return { offset: i, message: "trailing comma before '}'" }
        stack.pop()
        expect = 'after'
        i++
        continue
      }
      if (c !== 34) return { offset: i, message: `expected a property name in double quotes, found ${show(text, i)}` }
      const end = scanString(text, i, to)
      if (typeof end !== 'number') return end
      const colon = skipSpace(text, end)
      if (text.charCodeAt(colon) !== 58) return { offset: colon, message: `expected ':' after a property name, found ${show(text, colon)}` }
      i = colon + 1
      expect = 'value'
      continue
    }
    // a value is expected
    if (c === 93 && expect === 'firstValue') {
      stack.pop()
      expect = 'after'
      i++
      continue
    }
    if (c === 93 && top === 'array') return { offset: i, message: "trailing comma before ']'" }
    if (c === 123 || c === 91) {
      stack.push(c === 123 ? 'object' : 'array')
      expect = c === 123 ? 'firstKey' : 'firstValue'
      i++
      continue
    }
    if (c === 34) {
      const end = scanString(text, i, to)
      if (typeof end !== 'number') return end
      i = end
    } else {
      const re = c === 45 || (c >= 48 && c <= 57) ? NUMBER : LITERAL
      re.lastIndex = i
      const m = re.exec(text)
      const end = m ? i + m[0].length : i
      const next = text.charCodeAt(end)
      if (!m || !(end >= to || isJsonSpace(next) || next === 44 || next === 93 || next === 125)) {
        return { offset: i, message: `unexpected ${show(text, i)}: expected a JSON value (object, array, string, number, true, false or null)` }
      }
      i = end
    }
    expect = 'after'
  }
}
