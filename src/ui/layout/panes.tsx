import { LazyQueryEditor } from '../../editor/lazy'
import { EventsPanel } from '../events/EventsPanel'
import { ProblemsList } from '../ProblemsList'
import { ResultsPanel } from '../results/ResultsPanel'
import { usePlayground } from '../use-playground'
import '../../editor/shell.css'

/**
 * What each pane shows: the rule query editor (Monaco, lazy-loaded) with its problems list, the
 * events panel, the results panel. One place to swap a pane's content.
 */
export function QueryPane() {
  // Shown read-only while Monaco's chunk loads, so the first paint already has the rule.
  const query = usePlayground((s) => s.query)
  return (
    <div className="query-pane">
      <LazyQueryEditor placeholderText={query} />
      <ProblemsList />
    </div>
  )
}

export function EventsPane() {
  return <EventsPanel />
}

export function ResultsPane() {
  return <ResultsPanel />
}
