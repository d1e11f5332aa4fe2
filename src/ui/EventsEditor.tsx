import { useEffect, useRef, useState } from 'react'
import { monaco } from '../editor/monaco-setup'
import { exposeEditor } from '../editor/test-hook'
import { describeEditorKeys } from '../editor/editor-keys'
import '../editor/editor.css'

type Editor = ReturnType<typeof monaco.editor.create>

/** What the events pipeline (src/ui/events/) passes to the events editor. */
export interface EventsEditorProps {
  /** the events text; ignored while `summary` is shown */
  readonly value: string
  /** every edit of the text (not called while read-only) */
  readonly onChange: (text: string) => void
  readonly readOnly?: boolean
  /**
   * Shown read-only instead of the text, for events too large to hold in an editor buffer
   * (a 100 MB file): e.g. "412,000 events from big.ndjson (96 MB); the first lines: …".
   */
  readonly summary?: string
}

/**
 * The events editor: Monaco in JSON mode (colouring, folding, bracket matching; validation is
 * off because NDJSON and several documents are valid input — the worker reports bad lines).
 * Load it through `LazyEventsEditor` (src/editor/lazy.tsx) only: this module pulls in Monaco.
 * Like the query editor it is a view: edits go out through `onChange`, and `value` is written in
 * only when it differs from the editor's text.
 */
export default function EventsEditor({ value, onChange, readOnly = false, summary }: EventsEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const [editor, setEditor] = useState<Editor | null>(null)
  const shown = summary ?? value
  const locked = readOnly || summary !== undefined
  const latest = useRef({ onChange, shown, locked })
  latest.current = { onChange, shown, locked }

  useEffect(() => {
    if (!host.current) return
    const ed = monaco.editor.create(host.current, {
      value: latest.current.shown,
      language: latest.current.locked && summary !== undefined ? 'plaintext' : 'json',
      ariaLabel: 'Events',
      readOnly: latest.current.locked,
      minimap: { enabled: false },
      automaticLayout: true,
      scrollBeyondLastLine: false,
      lineNumbersMinChars: 3,
      folding: true,
      fixedOverflowWidgets: true,
      // a pasted NDJSON line can be long; wrapping keeps every event readable
      wordWrap: 'on',
      quickSuggestions: false,
    })
    const model = ed.getModel()
    const sub = model?.onDidChangeContent(() => {
      const text = model.getValue()
      if (!latest.current.locked && text !== latest.current.shown) latest.current.onChange(text)
    })
    describeEditorKeys(ed)
    exposeEditor(monaco, 'eventsEditor', ed)
    setEditor(ed)
    return () => {
      sub?.dispose()
      exposeEditor(monaco, 'eventsEditor', null)
      ed.dispose()
      setEditor(null)
    }
    // mounted once; later props arrive through the effects below
  }, [])

  useEffect(() => {
    const model = editor?.getModel()
    if (!editor || !model) return
    editor.updateOptions({ readOnly: locked })
    monaco.editor.setModelLanguage(model, summary !== undefined ? 'plaintext' : 'json')
  }, [editor, locked, summary])

  useEffect(() => {
    const model = editor?.getModel()
    if (!editor || !model || model.getValue() === shown) return
    // a read-only buffer cannot take edits, and a summary is not something to undo into
    if (locked) model.setValue(shown)
    else {
      editor.executeEdits('store', [{ range: model.getFullModelRange(), text: shown }])
      editor.pushUndoStop()
    }
  }, [editor, shown, locked])

  return <div ref={host} className="rp-editor-host events" data-testid="events-editor" />
}
