import type * as Monaco from 'monaco-editor/editor'
import type { MarkerSpec } from './markers'
import type { Severity } from '../engine'

/** Engine severities to Monaco's: errors squiggle red, warnings yellow, notes as info. */
export function markerSeverity(monaco: typeof Monaco, severity: Severity): Monaco.MarkerSeverity {
  switch (severity) {
    case 'error':
      return monaco.MarkerSeverity.Error
    case 'warning':
      return monaco.MarkerSeverity.Warning
    case 'info':
      return monaco.MarkerSeverity.Info
    default: {
      const never: never = severity
      return never
    }
  }
}

/** Replaces `owner`'s markers on the model with `markers`. */
export function applyMarkers(monaco: typeof Monaco, model: Monaco.editor.ITextModel, owner: string, markers: readonly MarkerSpec[]): void {
  monaco.editor.setModelMarkers(
    model,
    owner,
    markers.map((m) => ({
      startLineNumber: m.startLineNumber,
      startColumn: m.startColumn,
      endLineNumber: m.endLineNumber,
      endColumn: m.endColumn,
      severity: markerSeverity(monaco, m.severity),
      // the code is already at the head of the message; `source` names the language
      message: m.message,
      source: m.source,
    })),
  )
}
