import { useEffect, useMemo, useState } from 'react'
import { usePlayground } from '../use-playground'
import { ExportTextActions } from './ExportTextActions'
import { DiagnosticsList, loadRuleActions, RuleDialog } from './RuleDialog'
import type { ExportFormat, ExportInput, ExportedText } from './rule-actions'

const FORMATS: ReadonlyArray<readonly [ExportFormat, string, string]> = [
  ['toml', 'detection-rules TOML', 'A rule file for the detection-rules repository.'],
  ['kibana', 'Kibana rule JSON', 'The body of POST /api/detection_engine/rules (one line of it per rule for _import); with exception items, an export NDJSON of the rule, its exception list and the items, for Import rules.'],
  ['request', 'Elasticsearch request', 'The search the detection engine runs: _eql/search for EQL, the Query DSL _search for KQL.'],
  ['test', 'Test file', 'The events and their expected outcomes as one suite: npm run cli -- test <file>.'],
]

/** Metadata the Kibana JSON export fills in when missing (export-rule.ts), since the API requires it. */
const API_DEFAULTED = new Set(['description', 'severity', 'risk score'])

/** The document as the export reads it; selected field by field so the dialog follows edits. */
function useExportInput(): ExportInput {
  const rule = usePlayground((s) => s.rule)
  const title = usePlayground((s) => s.title)
  const query = usePlayground((s) => s.query)
  const language = usePlayground((s) => s.language)
  const settings = usePlayground((s) => s.settings)
  const kqlSettings = usePlayground((s) => s.kqlSettings)
  const eventsText = usePlayground((s) => s.eventsText)
  const eventsFileName = usePlayground((s) => s.eventsFile?.name ?? null)
  const expectations = usePlayground((s) => s.expectations)
  const exceptions = usePlayground((s) => s.exceptions)
  const report = usePlayground((s) => s.report)
  const currentMatches = report !== null && report.query === query && report.language === language && report.result !== null ? report.matchedIndexes : null
  return useMemo(
    () => ({ rule, title, query, language, settings, kqlSettings, eventsText, eventsFileName, expectations, currentMatches, exceptions }),
    [rule, title, query, language, settings, kqlSettings, eventsText, eventsFileName, expectations, currentMatches, exceptions],
  )
}

/**
 * Export the document's rule: detection-rules TOML, Kibana rule JSON, the Elasticsearch request,
 * or a test file the CLI runs. The rule is the document's (metadata from an import or an example)
 * with the current query, language and settings; the dialog names the metadata it lacks. Each
 * text can be copied or downloaded; what cannot be exported (a KQL query that does not parse)
 * shows as problems.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const [format, setFormat] = useState<ExportFormat>('toml')
  const input = useExportInput()
  const [out, setOut] = useState<{ format: ExportFormat; input: ExportInput; text: ExportedText; missing: string[]; hasRule: boolean } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    loadRuleActions().then(
      (actions) => {
        if (!live) return
        const { missing } = actions.exportedRule(input)
        setOut({ format, input, text: actions.exportAs(format, input), missing, hasRule: input.rule !== null })
      },
      () => live && setProblem('The export code could not be loaded. Check the connection to this page and try again.'),
    )
    return () => {
      live = false
    }
  }, [format, input])

  const current = out !== null && out.format === format && out.input === input ? out : null
  const formatLabel = FORMATS.find(([f]) => f === format)?.[1] ?? format

  return (
    <RuleDialog title="Export" onClose={onClose} className="export-dialog">
      <fieldset className="export-formats">
        <legend>Format</legend>
        {FORMATS.map(([f, label, hint]) => (
          <label key={f} title={hint}>
            <input type="radio" name="export-format" checked={format === f} onChange={() => setFormat(f)} />
            {label}
          </label>
        ))}
      </fieldset>
      <p className="hint">{FORMATS.find(([f]) => f === format)?.[2]}</p>
      {input.exceptions.length > 0 && (
        <p className="export-exceptions" data-testid="export-exceptions">
          {format === 'toml'
            ? `Exception items are not included: detection-rules TOML has no place for them. The Kibana rule JSON export (an NDJSON with the exception list) and the test file carry the ${input.exceptions.length}.`
            : format === 'request'
              ? `The ${input.exceptions.length} exception item${input.exceptions.length === 1 ? ' is' : 's are'} in the request as the negated filter the detection engine adds.`
              : `The ${input.exceptions.length} exception item${input.exceptions.length === 1 ? ' is' : 's are'} included.`}
        </p>
      )}
      {current && current.missing.length > 0 && format !== 'test' && (
        <p className="export-missing" data-testid="export-missing">
          {current.hasRule ? 'The rule has no ' : 'No rule metadata (open an example or import a rule to keep it); missing: '}
          {current.missing.join(', ')}.
          {format === 'kibana' && current.missing.some((m) => API_DEFAULTED.has(m)) && ' The API needs description, severity and risk score: the name, "low" and 21 stand in for those missing.'}
        </p>
      )}
      <label className="rule-field">
        {formatLabel}
        <textarea className="export-text" readOnly wrap="off" value={current?.text.text ?? ''} rows={16} spellCheck={false} aria-busy={current === null} />
      </label>
      {current && <DiagnosticsList diagnostics={current.text.diagnostics} label="Export problems" />}
      {problem && (
        <p className="rule-problem" role="alert">
          {problem}
        </p>
      )}
      <ExportTextActions exported={current?.text ?? null} />
    </RuleDialog>
  )
}
