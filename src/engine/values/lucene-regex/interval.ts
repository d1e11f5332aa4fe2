/**
 * Numeric intervals `<n-m>` (INTERVAL flag), turned into an ordinary syntax tree of digits.
 *
 * Grammar of the text between the angle brackets (bounds are Java ints, at most 2147483647):
 *   body  ::= bound '-' bound
 *   bound ::= '+'? [0-9]+
 *
 * Meaning, as Lucene defines it: the decimal numbers from min to max inclusive (the bounds may
 * be written in either order). When both bounds are written with the same number of digits the
 * match has exactly that many digits, zero-padded (`<00-99>` matches `07`, not `7`); otherwise
 * any number of leading zeros is accepted (`<1-100>` matches `7`, `07` and `007`).
 *
 * A same-width range [a, b] splits on its first digit: a0 followed by [rest(a), 99..9], the full
 * digits strictly between, and b0 followed by [00..0, rest(b)] — O(width²) nodes.
 */
import { range, singleton } from './char-set'
import type { RegexNode } from './types'

const BOUND = /^\+?[0-9]+$/

/** Tree for the body of `<...>` (without brackets), or `undefined` when it is not `n-m`. */
export function intervalNode(body: string, at: number): RegexNode | undefined {
  const dash = body.indexOf('-')
  if (dash <= 0 || dash === body.length - 1 || dash !== body.lastIndexOf('-')) return undefined
  const smin = body.slice(0, dash)
  const smax = body.slice(dash + 1)
  if (!BOUND.test(smin) || !BOUND.test(smax)) return undefined
  let min = Number(smin)
  let max = Number(smax)
  // Lucene reads the bounds as Java ints.
  if (min > 0x7fffffff || max > 0x7fffffff) return undefined
  if (min > max) [min, max] = [max, min]
  const digits = smin.length === smax.length ? smin.length : 0
  const b = new Builder(at)
  if (digits > 0) return b.fixed(pad(min, digits), pad(max, digits))
  const zeros: RegexNode = { kind: 'repeat', at, operand: b.digit(0x30), min: 0, max: undefined }
  return b.concat([zeros, b.canonical(min, max)])
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

class Builder {
  constructor(private readonly at: number) {}

  digit(cp: number): RegexNode {
    return { kind: 'chars', at: this.at, set: singleton(cp) }
  }

  private anyDigits(count: number): RegexNode {
    const d: RegexNode = { kind: 'chars', at: this.at, set: range(0x30, 0x39) }
    return count === 1 ? d : { kind: 'repeat', at: this.at, operand: d, min: count, max: count }
  }

  concat(parts: RegexNode[]): RegexNode {
    const kept = parts.filter((p) => p.kind !== 'empty-string')
    if (kept.length === 0) return { kind: 'empty-string', at: this.at }
    return kept.length === 1 && kept[0] !== undefined ? kept[0] : { kind: 'concat', at: this.at, parts: kept }
  }

  private union(alternatives: RegexNode[]): RegexNode {
    return alternatives.length === 1 && alternatives[0] !== undefined
      ? alternatives[0]
      : { kind: 'union', at: this.at, alternatives }
  }

  /** Numbers without leading zeros (0 itself is `0`) from min to max. */
  canonical(min: number, max: number): RegexNode {
    const alternatives: RegexNode[] = []
    for (let width = String(min).length; width <= String(max).length; width++) {
      const lo = Math.max(min, width === 1 ? 0 : 10 ** (width - 1))
      const hi = Math.min(max, 10 ** width - 1)
      if (lo <= hi) alternatives.push(this.fixed(pad(lo, width), pad(hi, width)))
    }
    return this.union(alternatives)
  }

  /** Digit strings of a's width between a and b (a <= b, same width). */
  fixed(a: string, b: string): RegexNode {
    if (a.length === 0) return { kind: 'empty-string', at: this.at }
    const a0 = a.charCodeAt(0)
    const b0 = b.charCodeAt(0)
    const restA = a.slice(1)
    const restB = b.slice(1)
    if (a0 === b0) return this.concat([this.digit(a0), this.fixed(restA, restB)])
    const width = restA.length
    if (/^0*$/.test(restA) && /^9*$/.test(restB)) {
      const first: RegexNode = { kind: 'chars', at: this.at, set: range(a0, b0) }
      return width === 0 ? first : this.concat([first, this.anyDigits(width)])
    }
    const alternatives = [this.concat([this.digit(a0), this.fixed(restA, '9'.repeat(width))])]
    if (b0 - a0 > 1) {
      const middle: RegexNode = { kind: 'chars', at: this.at, set: range(a0 + 1, b0 - 1) }
      alternatives.push(width === 0 ? middle : this.concat([middle, this.anyDigits(width)]))
    }
    alternatives.push(this.concat([this.digit(b0), this.fixed('0'.repeat(width), restB)]))
    return this.union(alternatives)
  }
}
