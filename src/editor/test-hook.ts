import type * as Monaco from 'monaco-editor/editor'

/**
 * THE test hook (the only one): Playwright drives and reads Monaco through `window.__rp`, because
 * Monaco's DOM is not a stable contract (conventions 12; toolchain.md §6 "Driving Monaco from
 * tests"). e2e tests use it to set a long query deterministically (`queryEditor.setValue`), to read
 * markers (`monaco.editor.getModelMarkers({ owner: MARKER_OWNER })`) and cursor positions. It is
 * set when an editor mounts and cleared when it unmounts; nothing in the app reads it.
 */
export interface RulePlaygroundTestHook {
  monaco: typeof Monaco
  queryEditor: Monaco.editor.IStandaloneCodeEditor | null
  eventsEditor: Monaco.editor.IStandaloneCodeEditor | null
}

declare global {
  interface Window {
    __rp?: RulePlaygroundTestHook
  }
}

/** The owner of the query editor's diagnostic markers (for `getModelMarkers({ owner })`). */
export const MARKER_OWNER = 'rule'

/** Publishes (or, with null, withdraws) one editor in the test hook. */
export function exposeEditor(monaco: typeof Monaco, which: 'queryEditor' | 'eventsEditor', editor: Monaco.editor.IStandaloneCodeEditor | null): void {
  const hook = window.__rp ?? { monaco, queryEditor: null, eventsEditor: null }
  hook[which] = editor
  window.__rp = hook
}
