import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connectEngine } from './state/effects'
import { connectBaseline } from './state/effects-baseline'
import { connectEvents } from './state/effects-events'
import { connectBrowserPersistence, loadBrowserState } from './state/effects-persist-browser'
import { connectColorScheme, DARK_QUERY, schemeOf } from './state/effects-theme'
import { createPlaygroundStore, type InitialState } from './state/store'
import { afterFirstPaint } from './ui/after-paint'
import { App } from './ui/App'
import { PlaygroundContext } from './ui/use-playground'
import { engineClient } from './worker/engine-client'
import './ui/app.css'
import './ui/theme.css'

/**
 * The page: one store, restored from what the last session autosaved (the example on a first
 * visit), and its effects — engine worker, event files, autosave, colour scheme — connected outside React so
 * components stay views (and StrictMode's double effects cannot start two workers).
 */
async function start(): Promise<void> {
  const saved = await loadBrowserState()
  const dark = window.matchMedia(DARK_QUERY)
  // The first-visit example (rule, metadata, labelled events) is loaded only when it is needed.
  const initial: InitialState = saved.initial ?? (await import('./examples/first-visit')).firstVisitState()
  const store = createPlaygroundStore({ ...initial, colorScheme: schemeOf(dark.matches), storageProblem: saved.problem })
  connectColorScheme(store, dark, document.documentElement)
  const client = engineClient()
  connectEngine(store, client)
  connectEvents(store, client)
  connectBrowserPersistence(store)
  connectBaseline(store)
  // A large file streamed last session is kept whole in IndexedDB: stream it in again.
  if (saved.eventsFile) store.getState().loadEventsFiles([saved.eventsFile])
  // A share link in the fragment opens over the autosaved document, which stays restorable. The
  // link code loads only when there is a fragment to read.
  const openLink = async (): Promise<void> => {
    await (await import('./state/open-link')).openLinkFromLocation(store, window.location)
  }
  if (window.location.hash !== '') await openLink()
  window.addEventListener('hashchange', () => void openLink())

  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root')
  createRoot(root).render(
    <StrictMode>
      <PlaygroundContext.Provider value={store}>
        <App />
      </PlaygroundContext.Provider>
    </StrictMode>,
  )

  // What acts only after a run or in a panel loads after the first paint, off the initial JS:
  // near misses (analysis), the comparison, the alerts simulation (only while that view is open),
  // and expectation marks following their events after edits. Each takes up a report that came
  // before it connected.
  await afterFirstPaint()
  const [analysis, compare, alerts, follow] = await Promise.all([
    import('./state/effects-analysis'),
    import('./state/effects-compare'),
    import('./state/effects-alerts'),
    import('./state/effects-expectations-follow'),
  ])
  analysis.connectAnalysis(store, client)
  compare.connectCompare(store, client)
  alerts.connectAlerts(store, client)
  follow.connectExpectationsFollow(store, client)
}

void start()
