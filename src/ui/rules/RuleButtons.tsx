import { lazy, Suspense, useState } from 'react'
import { usePlayground } from '../use-playground'

// The dialogs (and their styles) load when first opened, so the initial bundle carries only the buttons.
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })))
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })))

/**
 * Header buttons importing a rule (detection-rules TOML, Kibana JSON/NDJSON, documentation page,
 * bare query) and exporting the document (TOML, Kibana JSON, the Elasticsearch request, a CLI
 * test file). The import text is kept here, outside the dialog, so closing the dialog or a
 * failed open never loses what the user pasted.
 */
export function RuleButtons() {
  const openPanel = usePlayground((s) => s.openPanel)
  const toggle = usePlayground((s) => s.togglePanel)
  const close = usePlayground((s) => s.closePanel)
  const [draft, setDraft] = useState('')
  return (
    // inline: rules.css loads with the dialogs, after the header has been drawn
    <div className="rule-buttons" style={{ display: 'flex', gap: 6 }}>
      <button type="button" aria-haspopup="dialog" aria-expanded={openPanel === 'import'} onClick={() => toggle('import')}>
        Import rule
      </button>
      <button type="button" aria-haspopup="dialog" aria-expanded={openPanel === 'export'} onClick={() => toggle('export')}>
        Export
      </button>
      <Suspense fallback={null}>
        {openPanel === 'import' && <ImportDialog draft={draft} onDraft={setDraft} onClose={close} />}
        {openPanel === 'export' && <ExportDialog onClose={close} />}
      </Suspense>
    </div>
  )
}
