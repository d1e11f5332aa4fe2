import './shell.css'
import { lazy, Suspense } from 'react'
import { afterFirstScreen } from '../ui/after-paint'
import type { EventsEditorProps } from '../ui/EventsEditor'

/**
 * The Monaco editors, loaded on demand: `React.lazy` makes Vite put Monaco (≈4 MB of JS, its CSS
 * and font) in a separate chunk, so the initial chunk stays small. The chunk is requested just after
 * the first paint (the placeholder shows the text until then), so the browser does not fetch and
 * compile the editor code, the hover reference and Monaco before drawing the page. Render these,
 * never the modules they load.
 */

const QueryEditor = lazy(() => afterFirstScreen().then(() => import('../ui/QueryEditor')))
const EventsEditor = lazy(() => afterFirstScreen().then(() => import('../ui/EventsEditor')))

/** Shown while the editor chunk loads: the text, read-only, so the first paint already shows it. */
function Placeholder({ text, kind }: { text: string; kind: 'query' | 'events' }) {
  return (
    <pre className={`rp-editor-placeholder ${kind}`} aria-busy="true" data-testid={`${kind}-editor-loading`}>
      {text.length > 5000 ? `${text.slice(0, 5000)}…` : text}
    </pre>
  )
}

/** The rule query editor (Monaco); reads and edits the store's query. */
export function LazyQueryEditor({ placeholderText = '' }: { placeholderText?: string }) {
  return (
    <Suspense fallback={<Placeholder text={placeholderText} kind="query" />}>
      <QueryEditor />
    </Suspense>
  )
}

/** The events editor (Monaco, JSON mode). */
export function LazyEventsEditor(props: EventsEditorProps) {
  return (
    <Suspense fallback={<Placeholder text={props.summary ?? props.value} kind="events" />}>
      <EventsEditor {...props} />
    </Suspense>
  )
}
