import { LazyQueryEditor } from '../../editor/lazy'
import { EventsPanel } from '../events/EventsPanel'
import { ExceptionsSection } from '../exceptions/ExceptionsSection'
import { DocumentAbout } from '../examples/DocumentAbout'
import { GuideNote } from '../examples/GuideNote'
import { ProblemsList } from '../ProblemsList'
import { ResultsPanel } from '../results/ResultsPanel'
import { usePlayground } from '../use-playground'
import '../../editor/shell.css'

/**
 * What each pane shows: the rule query editor (Monaco, lazy-loaded) with its problems list, the
 * events panel, the results panel. One place to swap a pane's content. Each pane starts with its
 * first-visit guide note while the guide is open; the query pane also says what the open
 * document is (title, task).
 */
export function QueryPane() {
  // Shown read-only while Monaco's chunk loads, so the first paint already has the rule.
  const query = usePlayground((s) => s.query)
  return (
    <div className="query-pane">
      <GuideNote pane="query" />
      <DocumentAbout />
      <LazyQueryEditor placeholderText={query} />
      <ProblemsList />
      <ExceptionsSection />
    </div>
  )
}

export function EventsPane() {
  return (
    <>
      <GuideNote pane="events" />
      <EventsPanel />
    </>
  )
}

export function ResultsPane() {
  // The results panel fills the pane's height (its list is virtualized), so the note and the
  // panel share a column instead of the note pushing the panel past the pane's end.
  return (
    <div className="guided-pane">
      <GuideNote pane="results" />
      <div className="guided-pane-body">
        <ResultsPanel />
      </div>
    </div>
  )
}
