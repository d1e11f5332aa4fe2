import { useEffect, useState, type DragEvent } from 'react'
import { refuseRuleFile } from '../../state/file-admission'
import { usePlayground } from '../use-playground'
import { DiagnosticsList, loadRuleActions, RuleDialog } from './RuleDialog'
import type { ImportView, OpenableRule } from './rule-actions'

type Openable = { ok: true; doc: OpenableRule } | { ok: false; reason: string }

const ACCEPT = '.toml,.json,.ndjson,.md,.txt'

/**
 * Import a rule by paste, file pick or drop: detection-rules TOML, Kibana rule JSON or export
 * NDJSON (several rules: pick one), a rule documentation page, or a bare query. Shows the format
 * found and every problem; "Open" opens the rule over the current document (kept restorable) and
 * keeps the current events, since a rule is imported to try it on them. The text lives in the
 * parent (`draft`), so closing the dialog or a failed open loses nothing.
 */
export function ImportDialog({ draft, onDraft, onClose }: { draft: string; onDraft: (text: string) => void; onClose: () => void }) {
  const [view, setView] = useState<{ text: string; view: ImportView; openable: readonly Openable[] } | null>(null)
  const [picked, setPicked] = useState(0)
  const [problem, setProblem] = useState<string | null>(null)
  const openDocument = usePlayground((s) => s.openDocument)

  // Reading the text is derived state; the parsers load on first use (dynamic import).
  useEffect(() => {
    let live = true
    if (draft.trim() === '') {
      setView(null)
      return
    }
    loadRuleActions().then(
      (actions) => {
        if (!live) return
        const read = actions.readRuleText(draft)
        setView({ text: draft, view: read, openable: read.rules.map((r, i) => actions.openableRule(r, read.format, read.exceptions[i]?.items)) })
      },
      () => live && setProblem('The import code could not be loaded. Check the connection to this page and try again.'),
    )
    return () => {
      live = false
    }
  }, [draft])

  const current = view !== null && view.text === draft ? view.view : null
  const rules = current?.rules ?? []
  const index = Math.min(picked, rules.length - 1)
  const rule = rules[index]
  const openable = current !== null && view !== null ? view.openable[index] : undefined
  const exceptions = current?.exceptions[index]

  const readFile = (file: File | undefined): void => {
    if (!file) return
    // A huge or binary file is refused before it is read whole into the box (issue 9).
    refuseRuleFile(file)
      .then(async (refusal) => {
        if (refusal !== null) return setProblem(refusal)
        const text = await file.text()
        setPicked(0)
        onDraft(text)
      })
      .catch(() => setProblem(`Could not read ${file.name}.`))
  }
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    // A rule file dropped here is the rule, not events for the page (use-drop-files.ts listens on the window).
    e.preventDefault()
    e.stopPropagation()
    readFile(e.dataTransfer.files[0])
  }

  const open = (): void => {
    if (!openable?.ok) return
    setProblem(null)
    try {
      // No events in the document: the rule opens over the events at hand (a streamed file too).
      openDocument(openable.doc)
      onClose()
    } catch (error) {
      setProblem(`The rule could not be opened: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  return (
    <RuleDialog title="Import rule" onClose={onClose} className="import-dialog">
      <div className="import-drop" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <label className="rule-field">
          Rule to import
          <textarea
            value={draft}
            onChange={(e) => {
              setPicked(0)
              setProblem(null)
              onDraft(e.target.value)
            }}
            rows={10}
            spellCheck={false}
            placeholder="Paste a detection-rules TOML file, a Kibana rule JSON or export NDJSON, a rule documentation page, or a bare EQL/KQL query — or drop a rule file here."
          />
        </label>
        <label className="rule-file">
          Rule file
          <input type="file" accept={ACCEPT} onChange={(e) => readFile(e.target.files?.[0])} />
        </label>
      </div>
      {current && (
        <p className="import-format" data-testid="import-format">
          Detected format: <strong>{current.formatLabel}</strong>
          {rules.length > 0 && ` — ${rules.length} rule${rules.length === 1 ? '' : 's'}`}
        </p>
      )}
      {current && <DiagnosticsList diagnostics={current.diagnostics} label="Import problems" />}
      {rules.length > 1 && (
        <fieldset className="import-pick">
          <legend>Rules in the input</legend>
          {rules.map((r, i) => (
            <label key={`${r.ruleId ?? ''}-${i}`}>
              <input type="radio" name="import-rule" checked={rule === r} onChange={() => setPicked(i)} />
              {r.name} <span className="rule-lang">({r.language ?? r.type})</span>
            </label>
          ))}
        </fieldset>
      )}
      {rule && (
        <div className="import-summary" role="region" aria-label="Rule to open">
          <strong>{rule.name}</strong> <span className="rule-lang">{rule.type} · {rule.language ?? 'no query language'}</span>
          <pre className="import-query">{rule.query}</pre>
          {exceptions && exceptions.notes.length > 0 && (
            <p className="import-exceptions" data-testid="import-exceptions" data-count={exceptions.items.length}>
              {exceptions.items.length === 1 ? '1 exception item comes' : `${exceptions.items.length} exception items come`} with the rule
              {exceptions.items.length > 0 ? ' and will be applied on top of it' : ''}: {exceptions.notes.map((n) => n.replace(/\.$/, '')).join('; ')}.
            </p>
          )}
          {openable && !openable.ok && <p className="rule-problem">{openable.reason}</p>}
        </div>
      )}
      {problem && (
        <p className="rule-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="rule-dialog-actions">
        <button type="button" className="primary" disabled={!openable?.ok} onClick={open}>
          Open
        </button>
        <span className="hint">Opens over the current document (restorable) and keeps the current events.</span>
      </div>
    </RuleDialog>
  )
}
