import { usePlayground } from '../use-playground'

/**
 * The run status in the status bar: the contract element `run-status` (data-run-status
 * idle|running|error) that tests wait on, with the run time when idle. Not a live region: it
 * changes on every run; RunAnnouncer says the settled outcome instead.
 */
export function RunStatus() {
  const status = usePlayground((s) => s.status)
  const ms = usePlayground((s) => s.runMs)
  const text = status === 'running' ? 'Running…' : status === 'error' ? 'Error' : ms !== null ? `Done in ${Math.round(ms)} ms` : 'Ready'
  return (
    <span className={`run-status ${status}`} data-testid="run-status" data-run-status={status}>
      {text}
    </span>
  )
}
