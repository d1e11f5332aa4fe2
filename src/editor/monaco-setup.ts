/**
 * Monaco, set up once for the page. Import this ONLY from lazily loaded modules
 * (src/ui/QueryEditor.tsx, src/ui/EventsEditor.tsx): it pulls in the ~4 MB editor, which must
 * stay out of the initial chunk so the first paint stays small.
 *
 * Workers are local, same-origin files bundled by Vite (no CDN, CSP `worker-src 'self'`).
 * Monaco asks `getWorker` by label: 'json' for the JSON language service of the events editor,
 * anything else ('editorWorkerService') for the generic editor worker.
 */
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import { jsonDefaults } from 'monaco-editor/languages/features/json/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/language/json/json.worker?worker'
import { EQL_LANGUAGE_ID, eqlConfiguration, eqlGrammar } from './eql-grammar'
import { KQL_LANGUAGE_ID, kqlConfiguration, kqlGrammar } from './kql-grammar'
import { registerProviders } from './providers'
import { OPEN_REFERENCE_COMMAND, openReference } from './reference-link'

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker()
  },
}

monaco.languages.register({ id: EQL_LANGUAGE_ID, aliases: ['EQL'] })
monaco.languages.setMonarchTokensProvider(EQL_LANGUAGE_ID, eqlGrammar)
monaco.languages.setLanguageConfiguration(EQL_LANGUAGE_ID, eqlConfiguration)
monaco.languages.register({ id: KQL_LANGUAGE_ID, aliases: ['KQL'] })
monaco.languages.setMonarchTokensProvider(KQL_LANGUAGE_ID, kqlGrammar)
monaco.languages.setLanguageConfiguration(KQL_LANGUAGE_ID, kqlConfiguration)

// The events box takes NDJSON, several documents and whole _search responses: the JSON service
// would flag valid input as errors, and the worker's parser reports the real problems by line.
// Colouring, folding and bracket matching stay.
jsonDefaults.setDiagnosticsOptions({ validate: false, allowComments: false, schemas: [], enableSchemaRequest: false })

registerProviders(monaco)
// the hover's "Open in quick reference" link (a trusted command link, see providers.ts)
monaco.editor.registerCommand(OPEN_REFERENCE_COMMAND, (_accessor: unknown, entryId: unknown) => {
  if (typeof entryId === 'string') openReference(entryId)
})

export { monaco }
export type Monaco = typeof monaco
