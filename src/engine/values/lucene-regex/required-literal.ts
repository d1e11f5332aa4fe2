import type { RegexNode } from './types'

/**
 * A literal every string of the pattern's language contains (`""` when none is known), for a
 * prefilter: `value.includes(literal)` is a native scan, many times faster per character than the
 * automaton, and most values fail it (`.*[ ]{20,}.*` needs twenty spaces in a row). Only rejects:
 * a value containing the literal still goes through the automaton, so answers do not change.
 *
 * Conservative by construction: a node contributes a literal only when it matches exactly one
 * string (a single code point, a concatenation or fixed repetition of such) or, through a
 * concatenation, a repetition with a minimum or an intersection, when every match must contain it.
 * Unions, complements and optional parts contribute nothing. Case-insensitive patterns parse into
 * sets of several code points, so they contribute nothing either. Surrogate code points are left
 * out, since the automaton reads a surrogate pair as one code point.
 */
export function requiredLiteral(root: RegexNode): string {
  return summarize(root, 0).required
}

interface Summary {
  /** the one string the node matches, or null */
  readonly exact: string | null
  /** the longest string known to occur in every match */
  readonly required: string
}

const NOTHING: Summary = { exact: null, required: '' }
// deep nesting gives up rather than recursing without bound (hostile patterns)
const MAX_DEPTH = 200
// a long literal costs as much to build as it saves; repetitions are capped
const MAX_LITERAL = 256

function longest(a: string, b: string): string {
  return b.length > a.length ? b : a
}

function exactly(s: string): Summary {
  return s.length > MAX_LITERAL ? NOTHING : { exact: s, required: s }
}

function summarize(node: RegexNode, depth: number): Summary {
  if (depth > MAX_DEPTH) return NOTHING
  switch (node.kind) {
    case 'empty-string':
      return { exact: '', required: '' }
    case 'chars': {
      const [only, more] = node.set
      if (only === undefined || more !== undefined || only[0] !== only[1]) return NOTHING
      const cp = only[0]
      return cp >= 0xd800 && cp <= 0xdfff ? NOTHING : exactly(String.fromCodePoint(cp))
    }
    case 'concat': {
      let run: string | null = ''
      let required = ''
      let allExact = true
      for (const part of node.parts) {
        const s = summarize(part, depth + 1)
        required = longest(required, s.required)
        if (s.exact === null) allExact = false
        if (s.exact !== null && run !== null) {
          run += s.exact
          if (run.length > MAX_LITERAL) run = null
        } else {
          run = s.exact
        }
        if (run !== null) required = longest(required, run)
      }
      return allExact && run !== null ? exactly(run) : { exact: null, required }
    }
    case 'repeat': {
      if (node.min < 1) return NOTHING
      const s = summarize(node.operand, depth + 1)
      if (s.exact === null || s.exact.length * node.min > MAX_LITERAL) return { exact: null, required: s.required }
      const least = s.exact.repeat(node.min)
      return node.max === node.min ? exactly(least) : { exact: null, required: least }
    }
    case 'intersection': {
      const l = summarize(node.left, depth + 1)
      const r = summarize(node.right, depth + 1)
      return { exact: null, required: longest(l.required, r.required) }
    }
    case 'union':
    case 'complement':
    case 'any-string':
    case 'empty-language':
      return NOTHING
  }
}
