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

/** The inline class of every clause with coverage (e2e tests read the counts from their hovers). */
export const COVERED_CLASS = 'rp-clause-covered'

/**
 * Clause coverage in the query editor: hovering a clause tells how many events it was true, false
 * and missing a field for, and a clause true for none is struck through with a red "✗ dead: 0
 * events" label after it, so clauses that keep a rule from matching (or exclusions that never
 * fire) show while tuning.
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
            hoverMessage: { value: m.hover },
            inlineClassName: m.dead ? `${COVERED_CLASS} rp-clause-dead` : COVERED_CLASS,
            // Only a dead clause gets text of its own: a label after every clause would reflow
            // the query at each keystroke (labels go and come back with each analysis).
            ...(m.dead
              ? {
                  after: { content: m.label, inlineClassName: `rp-coverage ${DEAD_LABEL_CLASS}`, cursorStops: monaco.editor.InjectedTextCursorStops.None },
                }
              : {}),
          },
        }
      }),
    )
    return () => collection.clear()
  }, [editor, analysis])
}
