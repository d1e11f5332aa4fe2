import { Diagnostics } from './Diagnostics'
import { EventsInput } from './EventsInput'
import { QueryInput } from './QueryInput'
import { Results } from './Results'
import { SettingsRow } from './SettingsRow'
import { usePlayground } from './use-playground'

/** The playground page: inputs on the left, run status, diagnostics and matches on the right. */
export function App() {
  return (
    <div className="app">
      <header className="app-head">
        <h1>Rule Playground</h1>
        <RunStatus />
      </header>
      <main className="columns">
        <div className="inputs">
          <QueryInput />
          <SettingsRow />
          <EventsInput />
        </div>
        <OutputPanel />
      </main>
    </div>
  )
}

function RunStatus() {
  const status = usePlayground((s) => s.status)
  const elapsed = usePlayground((s) => s.report?.elapsedMs)
  const text = status === 'running' ? 'Running…' : status === 'error' ? 'Error' : elapsed !== undefined ? `Done in ${Math.round(elapsed)} ms` : 'Ready'
  return (
    <span className={`run-status ${status}`} data-testid="run-status" data-run-status={status} role="status">
      {text}
    </span>
  )
}

function OutputPanel() {
  const report = usePlayground((s) => s.report)
  const failure = usePlayground((s) => s.failure)
  return (
    <section className="panel output" aria-label="Output">
      {failure && (
        <p className="failure" role="alert" data-failure={failure.code}>
          {failure.message}
        </p>
      )}
      {report && <Diagnostics query={report.query} diagnostics={report.diagnostics} />}
      {report && <Results report={report} />}
      {!report && !failure && <p className="hint">Write an EQL query and paste or upload events.</p>}
    </section>
  )
}
