import type { Diagnostic } from '../../engine'
import type { Failure } from '../../worker/protocol'
import { formatPosition } from '../format'
import { errorHeadline } from './format-results'

/**
 * Shown INSTEAD of results when the latest run has none: a query that does not parse or that
 * Elasticsearch would refuse (error diagnostics), or a run that was stopped or could not be served
 * (failure). Results of an older run are never shown next to it.
 */
export function ResultsError({ failure, query, diagnostics }: { failure: Failure | null; query: string; diagnostics: readonly Diagnostic[] }) {
  if (failure) {
    return (
      <div className="results-error" data-testid="results-error" data-failure={failure.code}>
        <p className="failure" role="alert">
          {failure.message}
        </p>
        <p className="hint">No results are shown. The next edit runs again.</p>
      </div>
    )
  }
  const errors = diagnostics.filter((d) => d.severity === 'error')
  return (
    <div className="results-error" data-testid="results-error" data-code={errors[0]?.code}>
      <p className="failure">{errorHeadline(errors.map((d) => d.code))}</p>
      <ul className="results-error-list" aria-label="Query errors">
        {errors.slice(0, 5).map((d, i) => (
          <li key={i}>
            <span className="position">{formatPosition(query, d)}</span> <span className="code-name">{d.code}</span> {d.message}
          </li>
        ))}
      </ul>
      {errors.length > 5 && <p className="hint">… and {errors.length - 5} more in the problems list.</p>}
    </div>
  )
}
