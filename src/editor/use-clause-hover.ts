import { useEffect } from 'react'
import { hitSpanAt, hitSpans } from '../ui/results/hit-spans'
import type { RunReport } from '../worker/protocol'
import { monaco } from './monaco-setup'

type Editor = ReturnType<typeof monaco.editor.create>

/**
 * The editor -> results half of the clause <-> field link: while the pointer rests on a clause
 * that matched some event, that clause's span becomes the results view's `hoveredSpan`, and the
 * results light up the fields it matched (the results -> editor half is a decoration in
 * QueryEditor). Only a report made for exactly the editor's text is used: spans of an older run
 * would point at the wrong characters.
 */
export function useClauseHover(editor: Editor | null, report: RunReport | null, hoverSpan: (span: { start: number; end: number } | null) => void): void {
  useEffect(() => {
    const model = editor?.getModel()
    if (!editor || !model || !report || report.query !== model.getValue()) return
    const spans = hitSpans(report.hits)
    if (spans.length === 0) return
    let current: { start: number; end: number } | null = null
    const set = (span: { start: number; end: number } | null): void => {
      if (span?.start === current?.start && span?.end === current?.end) return
      current = span
      hoverSpan(span)
    }
    const move = editor.onMouseMove((e) => {
      const pos = e.target.position
      const overText = e.target.type === monaco.editor.MouseTargetType.CONTENT_TEXT
      set(overText && pos ? hitSpanAt(spans, model.getOffsetAt(pos)) : null)
    })
    const leave = editor.onMouseLeave(() => set(null))
    return () => {
      move.dispose()
      leave.dispose()
      if (current !== null) hoverSpan(null)
    }
  }, [editor, report, hoverSpan])
}
