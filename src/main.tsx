import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connectEngine } from './state/effects'
import { connectAnalysis } from './state/effects-analysis'
import { connectBaseline } from './state/effects-baseline'
import { connectCompare } from './state/effects-compare'
import { connectEvents } from './state/effects-events'
import { connectBrowserPersistence, loadBrowserState } from './state/effects-persist-browser'
import { connectColorScheme, DARK_QUERY, schemeOf } from './state/effects-theme'
import { createPlaygroundStore, type InitialState } from './state/store'
import { App } from './ui/App'
import { PlaygroundContext } from './ui/use-playground'
import { engineClient } from './worker/engine-client'
import { openLinkFromLocation } from './state/open-link'
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
  connectAnalysis(store, client)
  connectEvents(store, client)
  connectBrowserPersistence(store)
  connectBaseline(store)
  // Marks follow their events after edits; loaded apart, as it is not needed for the first paint.
  void import('./state/effects-expectations-follow').then((m) => m.connectExpectationsFollow(store, client))
  connectCompare(store, client)
  void import('./state/effects-alerts').then((m) => m.connectAlerts(store, client)) // simulates only while the alerts view is open: off the first paint
  // A large file streamed last session is kept whole in IndexedDB: stream it in again.
  if (saved.eventsFile) store.getState().loadEventsFiles([saved.eventsFile])
  // A share link in the fragment opens over the autosaved document, which stays restorable.
  await openLinkFromLocation(store, window.location)
  window.addEventListener('hashchange', () => void openLinkFromLocation(store, window.location))

  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root')
  createRoot(root).render(
    <StrictMode>
      <PlaygroundContext.Provider value={store}>
        <App />
      </PlaygroundContext.Provider>
    </StrictMode>,
  )
}

void start()
