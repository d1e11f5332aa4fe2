import type { Diagnostic } from '../engine'
import { formatPosition } from './format'

/** The query's diagnostics: code, message and line:column, errors first as the engine orders them. */
export function Diagnostics({ query, diagnostics }: { query: string; diagnostics: readonly Diagnostic[] }) {
  if (diagnostics.length === 0) return null
  return (
    <ul aria-label="Diagnostics" className="diagnostics">
      {diagnostics.map((d, i) => (
        <li key={i} className={`diagnostic ${d.severity}`} data-code={d.code} data-severity={d.severity}>
          <span className="position">{formatPosition(query, d)}</span> <span className="code-name">{d.code}</span>{' '}
          <span className="message">{d.message}</span>
        </li>
      ))}
    </ul>
  )
}
