import { useMemo } from 'react'
import type { ReportResult, RunReport } from '../../worker/protocol'
import { AlertsPanel } from '../alerts/AlertsPanel'
import { AlertsSwitch } from '../alerts/AlertsSwitch'
import { BaselineBar } from '../baseline/BaselineBar'
import { ExplainPanel } from '../explain/ExplainPanel'
import { ExpectationsCheckLine } from '../learn/lessons/ExpectationsCheckLine'
import { NearMissesPanel } from '../analysis/NearMissesPanel'
import { usePlayground } from '../use-playground'
import { EventList } from './EventList'
import { MatchCount, OnlyMatchesToggle } from './MatchCount'
import { ResultsError } from './ResultsError'
import { SequenceList } from './SequenceList'
import { Timeline } from './Timeline'
import { matchDataOf } from './report-view'
import { useEventWindow } from './use-event-window'
import './results.css'

/**
 * The results of the latest run: status line, timeline strip, and the virtualized list (events,
 * or sequence / sample groups). An error replaces all of it; results of an older run never stand
 * next to an error.
 */
export function ResultsPanel() {
  const status = usePlayground((s) => s.status)
  const report = usePlayground((s) => s.report)
  const failure = usePlayground((s) => s.failure)
  const alertsOpen = usePlayground((s) => s.alertsOpen)
  const reportSeq = usePlayground((s) => s.reportSeq)
  let body
  if (status === 'error' || failure) {
    body = <ResultsError failure={failure} query={report?.query ?? ''} diagnostics={report?.diagnostics ?? []} />
  } else if (report?.result) {
    body = <ResultsBody report={report} result={report.result} />
  } else {
    body = <p className="hint">{status === 'running' ? 'Running…' : 'Write a query and paste or upload events to see what it matches.'}</p>
  }
  return (
    // The page's pane already is the landmark; this is only the panel's layout box.
    <div className="results-panel" data-testid="results-panel" data-report-seq={reportSeq} aria-busy={status === 'running'}>
      <AlertsSwitch />
      {alertsOpen ? (
        <AlertsPanel />
      ) : (
        <>
          <ExpectationsCheckLine />
          <BaselineBar />
          {body}
          <NearMissesPanel />
          {report?.result && <ExplainPanel />}
        </>
      )}
    </div>
  )
}

function ResultsBody({ report, result }: { report: RunReport; result: ReportResult }) {
  const onlyMatches = usePlayground((s) => s.onlyMatches)
  const timestampSetting = usePlayground((s) => s.settings.timestampField)
  const events = useEventWindow(report.eventsVersion, report)
  const timestampField = report.histogram?.field ?? timestampSetting ?? '@timestamp'
  const { matchedIndexes, matchCount } = useMemo(() => matchDataOf(report), [report])
  return (
    <>
      {report.histogram && <Timeline histogram={report.histogram} />}
      <div className="results-toolbar">
        <MatchCount kind={result.kind} matches={matchCount} eventCount={report.eventCount} />
        {result.kind === 'events' && <OnlyMatchesToggle />}
      </div>
      {result.kind === 'events' ? (
        <EventList
          eventCount={report.eventCount}
          matchedIndexes={matchedIndexes}
          onlyMatches={onlyMatches}
          events={events}
          eventsVersion={report.eventsVersion}
        />
      ) : (
        <SequenceList
          kind={result.kind}
          groups={result.kind === 'sequences' ? result.sequences : result.samples}
          query={report.query}
          timestampField={timestampField}
          events={events}
        />
      )}
    </>
  )
}
