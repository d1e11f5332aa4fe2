import { AppHeader } from './layout/AppHeader'
import { EventsPane, QueryPane, ResultsPane } from './layout/panes'
import { StatusBar } from './layout/StatusBar'
import { StorageBanner } from './layout/StorageBanner'
import { Workspace } from './layout/Workspace'
import { useKeyboardShortcuts } from './use-keyboard-shortcuts'

/** The playground page: header, storage banner, the three panes, status bar. */
export function App() {
  useKeyboardShortcuts()
  return (
    <div className="app">
      <AppHeader />
      <StorageBanner />
      <Workspace query={<QueryPane />} events={<EventsPane />} results={<ResultsPane />} />
      <StatusBar />
    </div>
  )
}
