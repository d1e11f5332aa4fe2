import { useEffect } from 'react'
import type { Span } from '../engine'
import { hitSpanAt } from '../ui/results/hit-spans'
import { engineClient } from '../worker/engine-client'
import type { RunReport } from '../worker/protocol'
import { monaco } from './monaco-setup'

type Editor = ReturnType<typeof monaco.editor.create>

/**
 * The editor -> results half of the clause <-> field link: while the pointer rests on a clause
 * that matched some event, that clause's span becomes the results view's `hoveredSpan`, and the
 * results light up the fields it matched (the results -> editor half is a decoration in
 * QueryEditor). Only a report made for exactly the editor's text is used: spans of an older run
 * would point at the wrong characters.
 *
 * The report carries no hits (the worker computes them for the rows in view), so the run's hit
 * spans are asked of the worker once per report, when the pointer first moves over the text, and
 * come in slices (a clause that held only for late matches links once its slice is in): a run
 * matching 100,000 events costs nothing until someone hovers, and never blocks a run for long.
 */
export function useClauseHover(editor: Editor | null, report: RunReport | null, hoverSpan: (span: { start: number; end: number } | null) => void): void {
  useEffect(() => {
    const model = editor?.getModel()
    if (!editor || !model || !report || report.query !== model.getValue() || report.matchedIndexes.length === 0) return
    let spans: readonly Span[] | null = null
    let asked = false
    let disposed = false
    // where the pointer last was (an offset, or null off the text), replayed when the spans arrive
    let pointer: number | null = null
    let current: { start: number; end: number } | null = null
    const set = (span: { start: number; end: number } | null): void => {
      if (span?.start === current?.start && span?.end === current?.end) return
      current = span
      hoverSpan(span)
    }
    const show = (): void => set(spans !== null && pointer !== null ? hitSpanAt(spans, pointer) : null)
    // the worker gathers the spans in short slices (it stays free for runs): ask until complete
    const fetchSpans = (): void => {
      void engineClient()
        .hitSpans(report.eventsVersion, report.runId)
        .then((o) => {
          if (disposed) return
          spans = o.status === 'ok' ? (o.result.spans ?? []) : []
          show()
          if (o.status === 'ok' && !o.result.complete) fetchSpans()
        })
    }
    const ask = (): void => {
      if (asked) return
      asked = true
      fetchSpans()
    }
    const move = editor.onMouseMove((e) => {
      const pos = e.target.position
      const overText = e.target.type === monaco.editor.MouseTargetType.CONTENT_TEXT
      pointer = overText && pos ? model.getOffsetAt(pos) : null
      ask()
      show()
    })
    const leave = editor.onMouseLeave(() => {
      pointer = null
      show()
    })
    return () => {
      disposed = true
      move.dispose()
      leave.dispose()
      if (current !== null) hoverSpan(null)
    }
  }, [editor, report, hoverSpan])
}
