/**
 * Counts and words of a conformance run. Output format (stable; scripts and CI read the last line):
 *
 *   FAIL <file> :: <case>: <what differed>
 *       error EQL1002 at 1:9: <message>          (caret frames of the case's diagnostics)
 *         1 | process where a < b < c
 *           |         ^
 *   note: <file>: <why a file was not run>
 *   skipped: <n> × <reason>
 *   N passed, N failed[, N skipped]
 */
import { formatCaret } from '../../engine/diagnostics/caret'
import type { Diagnostic } from '../../engine/diagnostics/diagnostic'

/** A failing case (or a file-level problem, with a name in parentheses such as "(suite)"). */
export interface CaseFailure {
  readonly file: string
  readonly name: string
  readonly message: string
  /** the query, for caret frames */
  readonly query?: string
  readonly diagnostics?: readonly Diagnostic[]
}

/** Accumulates a run's outcomes; failures are printed as they happen through `onFailure`. */
export class Tally {
  passed = 0
  failed = 0
  skipped = 0
  readonly failures: CaseFailure[] = []
  readonly notes: string[] = []
  readonly skipReasons = new Map<string, number>()

  constructor(private readonly onFailure: (text: string) => void = () => {}) {}

  pass(): void {
    this.passed++
  }

  fail(f: CaseFailure): void {
    this.failed++
    this.failures.push(f)
    this.onFailure(formatFailure(f))
  }

  skip(reason: string): void {
    this.skipped++
    this.skipReasons.set(reason, (this.skipReasons.get(reason) ?? 0) + 1)
  }

  note(text: string): void {
    this.notes.push(text)
  }

  /** The closing lines: notes, skip reasons and the `N passed, N failed` line. */
  summary(): string {
    const lines = this.notes.map((n) => `note: ${n}`)
    for (const [reason, n] of this.skipReasons) lines.push(`skipped: ${n} × ${reason}`)
    lines.push(`${this.passed} passed, ${this.failed} failed` + (this.skipped > 0 ? `, ${this.skipped} skipped` : ''))
    return lines.join('\n')
  }
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => by + l)
    .join('\n')
}

/** One failing case: a FAIL line, then the caret frame of every non-info diagnostic. */
export function formatFailure(f: CaseFailure): string {
  const head = `FAIL ${f.file} :: ${f.name}: ${f.message}`
  const frames = (f.diagnostics ?? [])
    .filter((d) => d.severity !== 'info')
    .map((d) => indent(f.query === undefined ? `${d.severity} ${d.code}: ${d.message}` : safeCaret(f.query, d), '    '))
  return [head, ...frames].join('\n')
}

function safeCaret(query: string, d: Diagnostic): string {
  try {
    return formatCaret(query, d)
  } catch {
    return `${d.severity} ${d.code}: ${d.message}`
  }
}

/** `[1, 2, 3]` */
export function showIds(ids: readonly string[] | null): string {
  return ids === null ? 'no result' : `[${ids.join(', ')}]`
}
