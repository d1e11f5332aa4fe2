import { span, type Span } from '../source/span'
import type { TextEdit } from './types'

/** Helpers that keep an edited list looking the way the user (or the seed rule) wrote it. */

/** EQL `:` and `like` read `*` and `?` as wildcards. */
export function hasWildcardChars(s: string): boolean {
  return s.includes('*') || s.includes('?')
}

/** The spaces and tabs that start the line holding `offset`. */
export function indentOfLineAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1
  const m = /^[ \t]*/.exec(text.slice(lineStart, offset))
  return m ? m[0] : ''
}

/**
 * Appends `item` after the last item of a comma-separated list: one item per line with the last
 * item's indentation when the list is written that way (the JAMF list of the Login/Logout Hook
 * rule), `, item` on the same line otherwise.
 */
export function listInsertion(text: string, first: Span, last: Span, item: string): TextEdit {
  const multiLine = text.slice(first.start, last.start).includes('\n') || lineBreakBefore(text, first.start)
  const insert = multiLine ? `,\n${indentOfLineAt(text, last.start)}${item}` : `, ${item}`
  return { span: span(last.end, last.end), text: insert }
}

/** true when only whitespace with a line break separates `offset` from the `(` before it. */
function lineBreakBefore(text: string, offset: number): boolean {
  const open = text.lastIndexOf('(', offset - 1)
  return open >= 0 && text.slice(open + 1, offset).trim() === '' && text.slice(open + 1, offset).includes('\n')
}

/** Applies one edit. */
export function applyTextEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.span.start) + edit.text + text.slice(edit.span.end)
}
