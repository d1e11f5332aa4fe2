import type { Span } from '../engine'

/**
 * The query editor as other views may use it: the problems list moves the cursor there. Kept
 * free of Monaco so the list (in the initial chunk) can call it before or after Monaco loads;
 * before the editor mounts the call is a no-op.
 */
export interface QueryEditorHandle {
  /** select `span` in the query, scroll it into view and focus the editor */
  revealSpan(span: Span): void
  /** put `text` at the cursor (replacing the selection) as one undoable edit, and focus the editor */
  insertText(text: string): void
  /** replace `span` of the query with `text` as one undoable edit (an exclusion added from the results) */
  applyEdit(span: Span, text: string): void
}

let handle: QueryEditorHandle | null = null

/** Set by the mounted query editor; `null` when it unmounts. */
export function setQueryEditorHandle(next: QueryEditorHandle | null): void {
  handle = next
}

/** Selects the span in the query editor and focuses it; false when no editor is mounted. */
export function revealInQueryEditor(span: Span): boolean {
  if (!handle) return false
  handle.revealSpan(span)
  return true
}

/** Inserts text at the query editor's cursor (the quick reference's "Insert"); false when no editor is mounted. */
export function insertIntoQueryEditor(text: string): boolean {
  if (!handle) return false
  handle.insertText(text)
  return true
}

/**
 * Replaces a span of the query in the editor as one undoable edit (Ctrl+Z takes it back); false
 * when no editor is mounted, and the caller then edits the document through the store.
 */
export function applyEditInQueryEditor(span: Span, text: string): boolean {
  if (!handle) return false
  handle.applyEdit(span, text)
  return true
}
