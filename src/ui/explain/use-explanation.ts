import { createContext, useContext, useEffect, useMemo, useState } from 'react'
import { runSettingsOf } from '../../state/effects'
import { engineClient } from '../../worker/engine-client'
import type { ExplainReport, QueryLanguage, RunSettings } from '../../worker/protocol'
import { usePlayground } from '../use-playground'

/**
 * The explanation of the selected event, asked of the worker (which holds the events) whenever the
 * selection, the run's query or the settings change. It explains the query of the run the results
 * show (`report.query`), not a newer edit still being typed, so the tree and the list agree.
 */

/** What the explanation needs from the engine: the page's client, or a fake in tests. */
export interface ExplainSource {
  explain(request: ExplainAsk): Promise<ExplainReport | null>
}

export interface ExplainAsk {
  readonly eventsVersion: number
  readonly language: QueryLanguage
  readonly query: string
  readonly settings: RunSettings
  readonly eventIndex: number
}

/** The page's source: the one engine client; null when another dataset is current or the ask failed. */
export const workerExplain: ExplainSource = {
  async explain(ask) {
    const client = engineClient()
    if (client.eventsVersion !== ask.eventsVersion) return null
    const { eventsVersion: _version, ...body } = ask
    const outcome = await client.explain(body)
    return outcome.status === 'ok' && outcome.result.eventsVersion === ask.eventsVersion ? outcome.result : null
  },
}

export const ExplainSourceContext = createContext<ExplainSource>(workerExplain)

export type ExplanationState =
  | { readonly status: 'none' }
  | { readonly status: 'loading'; readonly eventIndex: number }
  | { readonly status: 'ready'; readonly eventIndex: number; readonly report: ExplainReport }
  | { readonly status: 'failed'; readonly eventIndex: number }

/** The selected event's explanation, or `none` when no event is selected or there is no run to explain. */
export function useExplanation(): ExplanationState {
  const source = useContext(ExplainSourceContext)
  const selectedIndex = usePlayground((s) => s.selectedIndex)
  const report = usePlayground((s) => s.report)
  const settings = usePlayground((s) => s.settings)
  const kqlSettings = usePlayground((s) => s.kqlSettings)
  const runSettings = useMemo(() => runSettingsOf({ settings, kqlSettings }), [settings, kqlSettings])
  const [state, setState] = useState<ExplanationState>({ status: 'none' })

  const query = report?.result ? report.query : null
  const language = report?.language
  const eventsVersion = report?.eventsVersion
  useEffect(() => {
    if (selectedIndex === null || query === null || language === undefined || eventsVersion === undefined) {
      setState({ status: 'none' })
      return
    }
    let live = true
    setState({ status: 'loading', eventIndex: selectedIndex })
    source.explain({ eventsVersion, language, query, settings: runSettings, eventIndex: selectedIndex }).then(
      (r) => {
        if (live) setState(r ? { status: 'ready', eventIndex: selectedIndex, report: r } : { status: 'failed', eventIndex: selectedIndex })
      },
      () => {
        if (live) setState({ status: 'failed', eventIndex: selectedIndex })
      },
    )
    return () => {
      live = false
    }
  }, [source, selectedIndex, query, language, eventsVersion, runSettings])

  return state
}
