import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { CheckEnv } from '../check-env'
import { checkExpr } from '../check-expr'
import { contextOf, parseExpr } from '../check-test-helpers'
import { compileValue } from '../compile-expr'

/**
 * Elasticsearch's function folding cases (unit/test_string_functions.toml, read at run time, never
 * copied): every expression is folded by our functions and compared with the expected value (an
 * absent `expected` means null), and every verifier failure must be rejected by the checker.
 *
 * Where the file disagrees with Elasticsearch's own `between` implementation and its function
 * reference (a missing delimiter gives "", an empty delimiter returns the source unchanged), we follow
 * the implementation; those cases are listed here with the value Elasticsearch's code returns.
 */
const FILE = resolve(__dirname, '../../../../../shared/conformance/eql/es/unit/test_string_functions.toml')

const S = 'welcome to the planet'
const BETWEEN_PER_IMPLEMENTATION: ReadonlyMap<string, unknown> = new Map([
  [`between("${S}", "welcome", "village")`, ''],
  [`between("${S}", "goodbye", "planet")`, ''],
  [`between("${S}", "welcome", "x", false)`, ''],
  [`between("${S}", "welcome", "x", true)`, ''],
  [`between("${S}", "", "x", true)`, S],
  [`between("${S}", "", "", false)`, S],
  [`between("${S}", "", "planet", false)`, S],
])

interface Case {
  readonly expression: string
  readonly expected?: unknown
}
interface Section {
  readonly fold?: { readonly tests?: readonly Case[] }
  readonly tests?: readonly Case[]
  readonly verifier?: { readonly failures?: readonly Case[] }
}

const doc = parse(readFileSync(FILE, 'utf8')) as unknown as Record<string, Section>
const folds = Object.values(doc).flatMap((s) => [...(s.fold?.tests ?? []), ...(s.tests ?? [])])
const failures = Object.values(doc).flatMap((s) => s.verifier?.failures ?? [])
const ctx = contextOf({})

describe('Elasticsearch function folding cases', () => {
  it('reads all 85 folding cases and 7 verifier failures', () => {
    expect(folds).toHaveLength(85)
    expect(failures).toHaveLength(7)
  })

  it.each(folds.map((c) => [c.expression, c.expected ?? null] as const))('%s', (expression, expected) => {
    const { expr, diagnostics } = parseExpr(expression)
    expect(diagnostics).toEqual([])
    const env = new CheckEnv(ctx.schema, ctx, expression)
    checkExpr(expr, env)
    expect(env.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    const code = compileValue(expr, ctx)
    expect(code.constant).not.toBeNull()
    const want = BETWEEN_PER_IMPLEMENTATION.has(expression) ? BETWEEN_PER_IMPLEMENTATION.get(expression) : expected
    expect(code.constant?.value).toEqual(want)
  })

  it.each(failures.map((c) => [c.expression] as const))('rejects %s', (expression) => {
    const { expr, diagnostics } = parseExpr(expression)
    expect(diagnostics).toEqual([])
    const env = new CheckEnv(ctx.schema, ctx, expression)
    checkExpr(expr, env)
    expect(env.diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0)
  })
})
