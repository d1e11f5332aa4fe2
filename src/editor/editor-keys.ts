/**
 * id of the status bar's note on leaving an editor by keyboard (src/ui/layout/StatusBar.tsx).
 * This module does not import Monaco: the status bar is part of the first paint.
 */
export const EDITOR_KEYS_HINT_ID = 'editor-keys-hint'

/** What `describeEditorKeys` needs of a Monaco editor. */
interface EditorLike {
  getDomNode(): HTMLElement | null
}

/**
 * Tab inside Monaco inserts a tab (as it should in a code editor), which would trap a keyboard
 * user who does not know Monaco's Ctrl+M toggle. Screen readers read an element's description
 * when it takes focus, so the editor's input element is described by the status bar's note on
 * the way out (Ctrl+M, F6). Monaco has an option for the label only (`ariaLabel`), which the
 * journeys match exactly, hence a description rather than a longer label.
 */
export function describeEditorKeys(editor: EditorLike): void {
  const input = editor.getDomNode()?.querySelector('[role="textbox"], textarea')
  input?.setAttribute('aria-describedby', EDITOR_KEYS_HINT_ID)
}
