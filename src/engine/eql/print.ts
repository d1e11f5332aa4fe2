/**
 * Canonical EQL printer: AST -> text, for "format document" and parse -> print -> parse round trips.
 *
 * Canonical form: lowercase keywords, single spaces around binary operators, `, ` in lists, only the
 * parentheses the precedence requires (so the printed text parses back to the same tree), fields
 * back-quoted only when a segment is not a plain identifier or is a keyword. Literals are printed as
 * written (`raw`), so `"""C:\x"""` stays a raw string. Event queries print on one line; sequences
 * and samples put each stage on its own line. Comments are not kept.
 */
import { assertNever, type Category, type EventFilter, type Expr, type Query, type Stage, type Statement } from './ast'
import { isKeyword } from './token'

// Binding levels, loosest first (see parse-expression.ts).
const OR = 1
const AND = 2
const NOT = 3
const COMPARE = 4
const ADD = 5
const MUL = 6
const UNARY = 7
const PREDICATE = 8
const PRIMARY = 9

/** Prints a statement in canonical form. */
export function printEql(statement: Statement): string {
  const multiLine = statement.query.type !== 'EventQuery'
  let out = printQuery(statement.query)
  for (const p of statement.pipes) out += `${multiLine ? '\n' : ' '}| ${p.name} ${p.count}`
  return out
}

function printQuery(q: Query): string {
  switch (q.type) {
    case 'EventQuery':
      return printFilter(q.filter)
    case 'SequenceQuery': {
      let head = 'sequence' + printKeys(q.keys)
      if (q.maxspan !== null) head += ` with maxspan=${q.maxspan.value}${q.maxspan.unit}`
      const lines = [head, ...q.stages.map((s) => '  ' + printStage(s))]
      if (q.until !== null) lines.push('until ' + printStage(q.until))
      return lines.join('\n')
    }
    case 'SampleQuery':
      return ['sample' + printKeys(q.keys), ...q.stages.map((s) => '  ' + printStage(s))].join('\n')
    default:
      return assertNever(q)
  }
}

function printKeys(keys: readonly Expr[]): string {
  return keys.length === 0 ? '' : ' by ' + keys.map((k) => wrap(k, OR)).join(', ')
}

function printStage(s: Stage): string {
  let out = `${s.missing ? '![' : '['}${printFilter(s.filter)}]${printKeys(s.keys)}`
  if (s.runs !== 1) out += ` with runs=${s.runs}`
  return out
}

function printFilter(f: EventFilter): string {
  return `${printCategory(f.category)} where ${printExpr(f.condition)}`
}

function printCategory(c: Category): string {
  if (c.name === null) return 'any'
  return c.quoted || !isPlainIdentifier(c.name) ? quoteString(c.name) : c.name
}

/** Prints one expression in canonical form. */
export function printExpr(e: Expr): string {
  switch (e.type) {
    case 'Logical': {
      const lvl = e.op === 'or' ? OR : AND
      return `${wrap(e.left, lvl)} ${e.op} ${wrap(e.right, lvl + 1)}`
    }
    case 'Not':
      return `not ${wrap(e.operand, NOT)}`
    case 'Compare':
      return `${wrap(e.left, ADD)} ${e.op} ${wrap(e.right, ADD)}`
    case 'Arith': {
      const lvl = e.op === '+' || e.op === '-' ? ADD : MUL
      return `${wrap(e.left, lvl)} ${e.op} ${wrap(e.right, lvl + 1)}`
    }
    case 'Negate': {
      const inner = wrap(e.operand, UNARY)
      // `- -x`, not `--x`: keep the two signs visibly apart
      return inner.startsWith('-') || inner.startsWith('+') ? `${e.op} ${inner}` : `${e.op}${inner}`
    }
    case 'Match': {
      const pats = e.patterns.map((p) => p.raw)
      const rhs = e.list ? `(${pats.join(', ')})` : (pats[0] ?? '')
      return `${wrap(e.subject, PRIMARY)} ${e.op} ${rhs}`
    }
    case 'In': {
      const op = `${e.negated ? 'not ' : ''}in${e.caseInsensitive ? '~' : ''}`
      return `${wrap(e.subject, PRIMARY)} ${op} (${e.items.map((i) => wrap(i, OR)).join(', ')})`
    }
    case 'Literal':
      return e.raw
    case 'Field':
      return (e.optional ? '?' : '') + e.segments.map(printSegment).join('.')
    case 'Call':
      return `${e.name}${e.caseInsensitive ? '~' : ''}(${e.args.map((a) => wrap(a, OR)).join(', ')})`
    case 'ErrorExpr':
      return '<error>'
    default:
      return assertNever(e)
  }
}

function level(e: Expr): number {
  switch (e.type) {
    case 'Logical':
      return e.op === 'or' ? OR : AND
    case 'Not':
      return NOT
    case 'Compare':
      return COMPARE
    case 'Arith':
      return e.op === '+' || e.op === '-' ? ADD : MUL
    case 'Negate':
      return UNARY
    case 'Match':
    case 'In':
      return PREDICATE
    case 'Literal':
    case 'Field':
    case 'Call':
    case 'ErrorExpr':
      return PRIMARY
    default:
      return assertNever(e)
  }
}

function wrap(e: Expr, min: number): string {
  const s = printExpr(e)
  return level(e) < min ? `(${s})` : s
}

function isPlainIdentifier(s: string): boolean {
  return /^[A-Za-z_@][A-Za-z0-9_]*$/.test(s) && !isKeyword(s)
}

function printSegment(s: string): string {
  return isPlainIdentifier(s) ? s : '`' + s.replace(/`/g, '``') + '`'
}

/** A double-quoted EQL string for `s`, with the escapes the lexer reads back. */
export function quoteString(s: string): string {
  let out = '"'
  for (const ch of s) {
    switch (ch) {
      case '"': out += '\\"'; break
      case '\\': out += '\\\\'; break
      case '\n': out += '\\n'; break
      case '\r': out += '\\r'; break
      case '\t': out += '\\t'; break
      case '\b': out += '\\b'; break
      case '\f': out += '\\f'; break
      default: {
        const code = ch.codePointAt(0) ?? 0
        out += code < 0x20 ? `\\u{${code.toString(16).padStart(2, '0')}}` : ch
      }
    }
  }
  return out + '"'
}
