import { lazy, Suspense } from 'react'
import { LazyQueryEditor } from '../../editor/lazy'
import { afterFirstPaint, loadFirstScreen } from '../after-paint'
import { AlertsSwitch } from '../alerts/AlertsSwitch'
import { EventsPanel } from '../events/EventsPanel'
import { ExceptionsSection } from '../exceptions/ExceptionsSection'
import { DocumentAbout } from '../examples/DocumentAbout'
import { GuideNote } from '../examples/GuideNote'
import { usePlayground } from '../use-playground'
import '../../editor/shell.css'
// The panel's styles (and the check line's) stay with the first paint: the stand-in below is laid out by them.
import '../results/results.css'
import '../learn/lessons/lessons.css'
import '../learn/lessons/check-line.css'
import '../baseline/baseline.css'

// The results panel (its virtualized list, rows, field trees, timeline) loads just after the first
// paint, while the worker starts and runs the first query: nothing can be listed before that run
// answers, and the panel and its list library are a fifth of the page's initial JS.
const ResultsPanel = lazy(() => loadFirstScreen(() => import('../results/ResultsPanel')).then((m) => ({ default: m.ResultsPanel })))

// The problems list has nothing to show before the first run answers: it loads after the first paint.
const ProblemsList = lazy(() =>
  afterFirstPaint()
    .then(() => import('../ProblemsList'))
    .then((m) => ({ default: m.ProblemsList })),
)

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
      <Suspense fallback={null}>
        <ProblemsList />
      </Suspense>
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
        <Suspense fallback={<ResultsStandIn />}>
          <ResultsPanel />
        </Suspense>
      </div>
    </div>
  )
}

/**
 * The results panel as it looks before its first report, drawn while its chunk loads: the same
 * boxes (view switch, check line, baseline bar, the status line) so nothing moves when it
 * arrives. Keep it in step with ResultsPanel. No test id and no report number: what waits on the panel waits for the real one.
 */
function ResultsStandIn() {
  const running = usePlayground((s) => s.status === 'running')
  const alertsOpen = usePlayground((s) => s.alertsOpen)
  return (
    <div className="results-panel" aria-busy="true">
      <AlertsSwitch />
      {alertsOpen ? (
        <p className="hint">Loading alerts…</p>
      ) : (
        <>
          <PendingCheckLine />
          {/* BaselineBar before any run: nothing to pin yet (a baseline is never restored) */}
          <div className="baseline-bar">
            <button type="button" disabled>
              Pin baseline
            </button>
          </div>
          <p className="hint">{running ? 'Running…' : 'Loading the results…'}</p>
        </>
      )}
    </div>
  )
}

/**
 * The expectations check line as it reads before the first report (ExpectationsCheckLine says
 * the same while its check is pending), without the check code, which loads with the panel.
 */
function PendingCheckLine() {
  const total = usePlayground((s) => s.expectations.length + s.lostExpectations.length)
  if (total === 0) return null
  return (
    <div className="check-line" data-check="pending" role="status">
      <span className="check-summary">{`Checking ${total} expected outcome${total === 1 ? '' : 's'}…`}</span>
    </div>
  )
}
