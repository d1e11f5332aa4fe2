import { useEffect } from 'react'
import { currentAnalysis } from '../state/analysis-slice'
import { usePlayground } from '../ui/use-playground'
import { coverageMarks } from './coverage-marks'
import { spanToRange } from './markers'
import { monaco } from './monaco-setup'
import './coverage.css'

type Editor = ReturnType<typeof monaco.editor.create>

/** The DOM class of a dead clause's label (e2e tests find dead clauses by it). */
export const DEAD_LABEL_CLASS = 'rp-coverage-dead'

/**
 * Clause coverage in the query editor: after each clause a faint label with the number of events
 * it held for ("✓ 12"), and a clause that held for none struck through with a red "✗ dead" label,
 * so clauses that keep a rule from matching (or exclusions that never fire) show while tuning.
 * Drawn only from an analysis of exactly the editor's text (currentAnalysis), and cleared at the
 * next keystroke until the new text is analyzed.
 */
export function useCoverageDecorations(editor: Editor | null): void {
  const analysis = usePlayground(currentAnalysis)
  useEffect(() => {
    const model = editor?.getModel()
    if (!editor || !model || !analysis || analysis.query !== model.getValue()) return
    const pos = (o: number) => model.getPositionAt(o)
    const collection = editor.createDecorationsCollection(
      coverageMarks(analysis.coverage, analysis.stopped).map((m) => {
        const r = spanToRange({ start: m.start, end: m.end }, pos)
        return {
          range: new monaco.Range(r.startLineNumber, r.startColumn, r.endLineNumber, r.endColumn),
          options: {
            description: 'rule-playground-coverage',
            stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
            ...(m.dead ? { inlineClassName: 'rp-clause-dead' } : {}),
            hoverMessage: { value: m.hover },
            after: { content: m.label, inlineClassName: m.dead ? `rp-coverage ${DEAD_LABEL_CLASS}` : 'rp-coverage', cursorStops: monaco.editor.InjectedTextCursorStops.None },
          },
        }
      }),
    )
    return () => collection.clear()
  }, [editor, analysis])
}
