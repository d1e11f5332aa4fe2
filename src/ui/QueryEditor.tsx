import { useContext, useEffect, useRef, useState } from 'react'
import { setQueryEditorHandle } from '../editor/editor-handle'
import { buildMarkers, diagnosticsForText, spanToRange } from '../editor/markers'
import { applyMarkers } from '../editor/apply-markers'
import { provideDefaultEditorServices } from '../editor/default-services'
import { monaco } from '../editor/monaco-setup'
import { MARKER_OWNER, exposeEditor } from '../editor/test-hook'
import { monacoThemeFor } from '../editor/theme'
import { useClauseHover } from '../editor/use-clause-hover'
import { useCoverageDecorations } from '../editor/coverage-decorations'
import { PlaygroundContext, usePlayground } from './use-playground'
import { useReferenceLinks } from './learn/reference/use-reference-links'
import { describeEditorKeys } from '../editor/editor-keys'
import '../editor/editor.css'

type Editor = ReturnType<typeof monaco.editor.create>

/**
 * The rule query editor (Monaco). Load it through `LazyQueryEditor` (src/editor/lazy.tsx) only:
 * this module pulls in Monaco, which must stay out of the initial chunk.
 *
 * Monaco is a view of the store's query: every edit goes to the store (`editQuery`), and text
 * from the store is written into the editor only when it differs from what the editor holds (an
 * example loaded, a document restored), so the editor's own edits never come back to it.
 */
export default function QueryEditor() {
  const host = useRef<HTMLDivElement>(null)
  const [editor, setEditor] = useState<Editor | null>(null)
  const query = usePlayground((s) => s.query)
  const language = usePlayground((s) => s.language)
  const report = usePlayground((s) => s.report)
  // what the pointer is on wins; otherwise the clause that decided the explained event
  const hoveredSpan = usePlayground((s) => s.hoveredSpan ?? s.decidingSpan)
  const editQuery = usePlayground((s) => s.editQuery)
  const hoverSpan = usePlayground((s) => s.hoverSpan)
  const store = useContext(PlaygroundContext)
  const colorScheme = usePlayground((s) => s.colorScheme)
  // the latest action and text, for the mount effect's listeners (which must not re-mount)
  const latest = useRef({ editQuery, query, language, colorScheme })
  latest.current = { editQuery, query, language, colorScheme }

  useEffect(() => {
    if (store) provideDefaultEditorServices(store)
  }, [store])

  useEffect(() => {
    if (!host.current) return
    const { query: text, language: lang } = latest.current
    const ed = monaco.editor.create(host.current, {
      value: text,
      language: lang,
      theme: monacoThemeFor(latest.current.colorScheme),
      ariaLabel: 'Rule query',
      minimap: { enabled: false },
      automaticLayout: true,
      scrollBeyondLastLine: false,
      wordWrap: 'on',
      lineNumbersMinChars: 2,
      fixedOverflowWidgets: true,
      // Enter accepts a suggestion only when that changes the text; otherwise it is a new line
      acceptSuggestionOnEnter: 'smart',
      renderLineHighlight: 'none',
    })
    // Shift+Alt+F formats on every platform (Monaco binds Ctrl+Shift+I on Linux only). An action,
    // not addCommand: an action's keybinding applies to this editor only, not the events editor.
    ed.addAction({
      id: 'rule-playground.format-query',
      label: 'Format Query',
      keybindings: [monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF],
      run: (e) => e.getAction('editor.action.formatDocument')?.run(),
    })
    const model = ed.getModel()
    const sub = model?.onDidChangeContent(() => {
      const value = model.getValue()
      if (value !== latest.current.query) latest.current.editQuery(value)
    })
    setQueryEditorHandle({
      revealSpan(span) {
        const m = ed.getModel()
        if (!m) return
        const r = spanToRange(span, (o) => m.getPositionAt(o))
        const range = new monaco.Range(r.startLineNumber, r.startColumn, r.endLineNumber, r.endColumn)
        ed.setSelection(range)
        ed.revealRangeInCenterIfOutsideViewport(range)
        ed.focus()
      },
      insertText(text) {
        const selection = ed.getSelection()
        if (!selection) return
        // executeEdits with undo stops: one Ctrl+Z takes the insertion back
        ed.pushUndoStop()
        ed.executeEdits('quick-reference', [{ range: selection, text, forceMoveMarkers: true }])
        ed.pushUndoStop()
        ed.focus()
      },
      applyEdit(span, text) {
        const m = ed.getModel()
        if (!m) return
        const r = spanToRange(span, (o) => m.getPositionAt(o))
        const range = new monaco.Range(r.startLineNumber, r.startColumn, r.endLineNumber, r.endColumn)
        // one undo stop on each side: a single Ctrl+Z removes the exclusion again
        ed.pushUndoStop()
        ed.executeEdits('exclusion', [{ range, text, forceMoveMarkers: true }])
        ed.pushUndoStop()
      },
    })
    describeEditorKeys(ed)
    exposeEditor(monaco, 'queryEditor', ed)
    setEditor(ed)
    // StrictMode mounts twice: everything made here is disposed here
    return () => {
      sub?.dispose()
      setQueryEditorHandle(null)
      exposeEditor(monaco, 'queryEditor', null)
      ed.dispose()
      setEditor(null)
    }
  }, [])

  useEffect(() => monaco.editor.setTheme(monacoThemeFor(colorScheme)), [colorScheme])

  // external text (example, restore, "New"): replace the content as one undoable edit
  useEffect(() => {
    const model = editor?.getModel()
    if (!editor || !model || model.getValue() === query) return
    editor.executeEdits('store', [{ range: model.getFullModelRange(), text: query }])
    editor.pushUndoStop()
  }, [editor, query])

  useEffect(() => {
    const model = editor?.getModel()
    if (model && model.getLanguageId() !== language) monaco.editor.setModelLanguage(model, language)
  }, [editor, language])

  // markers for the report of exactly this text; a report for older text leaves them as they are
  useEffect(() => {
    const model = editor?.getModel()
    if (!model) return
    const diagnostics = diagnosticsForText(report, model.getValue(), model.getLanguageId())
    if (diagnostics === null) return
    const markers = buildMarkers(diagnostics, (o) => model.getPositionAt(o), language.toUpperCase())
    applyMarkers(monaco, model, MARKER_OWNER, markers)
  }, [editor, report, query, language])

  // the hovers' "Open in quick reference" links
  useReferenceLinks()

  // editor -> results: the clause under the pointer lights up the fields it matched
  useClauseHover(editor, report, hoverSpan)

  // clause coverage: how many events each clause held for, dead clauses marked
  useCoverageDecorations(editor)

  // results -> editor: the results panel points at a clause, the editor highlights it
  useEffect(() => {
    const model = editor?.getModel()
    if (!editor || !model) return
    const collection = editor.createDecorationsCollection()
    if (hoveredSpan && report && report.query === model.getValue()) {
      const r = spanToRange(hoveredSpan, (o) => model.getPositionAt(o))
      collection.set([
        {
          range: new monaco.Range(r.startLineNumber, r.startColumn, r.endLineNumber, r.endColumn),
          options: { className: 'rp-hovered-span', stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges },
        },
      ])
    }
    return () => collection.clear()
  }, [editor, hoveredSpan, report])

  return <div ref={host} className="rp-editor-host query" data-testid="query-editor" />
}
