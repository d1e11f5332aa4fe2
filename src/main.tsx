import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connectEngine } from './state/effects'
import { createPlaygroundStore } from './state/store'
import { App } from './ui/App'
import { PlaygroundContext } from './ui/use-playground'
import { EngineClient } from './worker/client'
import { spawnEngineWorker } from './worker/spawn'
import { EXAMPLE_EVENTS, EXAMPLE_QUERY } from './ui/example'
import './ui/app.css'

// One store and one engine client for the page; the effects connect them outside React so
// components stay views (and StrictMode's double effects cannot start two workers).
const store = createPlaygroundStore({ query: EXAMPLE_QUERY, eventsText: EXAMPLE_EVENTS })
const client = new EngineClient(spawnEngineWorker)
connectEngine(store, client)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <PlaygroundContext.Provider value={store}>
      <App />
    </PlaygroundContext.Provider>
  </StrictMode>,
)
