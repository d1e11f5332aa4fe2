import { lineStarts, toLineColumn } from '../source/span'
import type { Diagnostic } from './diagnostic'

/**
 * Renders a diagnostic as a compiler-style caret frame, for the CLI and test failure output:
 *
 *   error EQL1002 at 1:9: mismatched input '<' ...
 *     1 | process where a < b < c
 *       |         ^
 */
export function formatCaret(text: string, d: Diagnostic): string {
  const starts = lineStarts(text)
  const from = toLineColumn(starts, d.span.start)
  const to = toLineColumn(starts, Math.max(d.span.start, d.span.end))
  const lineText = lineAt(text, starts, from.line - 1)
  const width = to.line === from.line ? Math.max(1, to.column - from.column) : Math.max(1, lineText.length - from.column + 1)
  const gutter = String(from.line)
  const pad = ' '.repeat(gutter.length)
  return [
    `${d.severity} ${d.code} at ${from.line}:${from.column}: ${d.message}`,
    `  ${gutter} | ${lineText}`,
    `  ${pad} | ${' '.repeat(from.column - 1)}${'^'.repeat(width)}`,
  ].join('\n')
}

function lineAt(text: string, starts: readonly number[], index: number): string {
  const start = starts[index] ?? 0
  const next = starts[index + 1]
  const raw = next === undefined ? text.slice(start) : text.slice(start, next)
  return raw.replace(/\r?\n$|\r$/, '')
}
