import type { CompareReport, CompareSideReport } from '../../worker/protocol-compare'
import { usePlayground } from '../use-playground'

/**
 * Both queries side by side, each in a scrollable monospace block under its name and match count,
 * with its errors when it does not compile. The texts are the store's, so they show before the
 * first answer arrives; counts and errors come from the comparison.
 */
export function CompareColumns({ report }: { report: CompareReport | null }) {
  const query = usePlayground((s) => s.query)
  const language = usePlayground((s) => s.language)
  const other = usePlayground((s) => s.compareOther)
  if (other === null) return null
  return (
    <div className="compare-columns">
      <Column side="a" title="A · current query" language={language} query={query} report={report?.a ?? null} />
      <Column side="b" title={`B · ${other.label}`} language={other.language} query={other.query} report={report?.b ?? null} />
    </div>
  )
}

function Column(props: { side: 'a' | 'b'; title: string; language: string; query: string; report: CompareSideReport | null }) {
  const { side, title, language, query, report } = props
  const errors = [...(report?.diagnostics ?? []), ...(report?.exceptionProblems ?? [])].filter((d) => d.severity === 'error')
  const headingId = `compare-${side}-title`
  return (
    <section className="compare-column" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {title} <span className={`language-badge is-${language}`}>{language.toUpperCase()}</span>
      </h3>
      <pre className="compare-query" tabIndex={0} aria-label={`Query ${side.toUpperCase()}`}>
        {query}
      </pre>
      <p className="compare-count" data-testid={`compare-count-${side}`} data-count={report?.ran ? report.matched.length : undefined}>
        {report === null ? '…' : report.ran ? countText(report) : errors.length > 0 ? 'does not compile' : 'did not finish'}
      </p>
      {report?.excepted !== undefined && report.excepted.length > 0 && (
        <p className="hint">
          {report.excepted.length} more {report.excepted.length === 1 ? 'event matches' : 'events match'} but {report.excepted.length === 1 ? 'is' : 'are'} excepted by the exception items.
        </p>
      )}
      {errors.length > 0 && (
        <ul className="compare-errors" aria-label={`Errors in ${side.toUpperCase()}`}>
          {errors.map((d, i) => (
            <li key={i}>
              <code>{d.code}</code> {d.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function countText(r: CompareSideReport): string {
  const n = r.matched.length
  const unit = r.resultKind === 'events' ? (n === 1 ? 'event matches' : 'events match') : n === 1 ? `event in matched ${r.resultKind}` : `events in matched ${r.resultKind}`
  return `${n} ${unit}`
}
