import type { Diagnostic } from '../../engine/diagnostics/diagnostic'

/** Problems an import or export found: severity, stable code and message, one per line. */
export function DiagnosticsList({ diagnostics, label }: { diagnostics: readonly Diagnostic[]; label: string }) {
  if (diagnostics.length === 0) return null
  return (
    <ul className="rule-diagnostics" aria-label={label}>
      {diagnostics.map((d, i) => (
        <li key={`${d.code}-${i}`} className={`diagnostic ${d.severity}`}>
          <span className="code-name">{d.code}</span> {d.message}
        </li>
      ))}
    </ul>
  )
}
