import { DockedPanel } from './learn/DockedPanel'
import { AppHeader } from './layout/AppHeader'
import { EventsPane, QueryPane, ResultsPane } from './layout/panes'
import { StatusBar } from './layout/StatusBar'
import { StorageBanner } from './layout/StorageBanner'
import { Workspace } from './layout/Workspace'
import { useKeyboardShortcuts } from './use-keyboard-shortcuts'
import { LinkProblemBanner } from './share/LinkProblemBanner'

/** The playground page: header, storage banner, the three panes (and a docked panel), status bar. */
export function App() {
  useKeyboardShortcuts()
  return (
    <div className="app">
      <AppHeader />
      <StorageBanner />
      <LinkProblemBanner />
      <div className="app-body">
        <Workspace query={<QueryPane />} events={<EventsPane />} results={<ResultsPane />} />
        <DockedPanel />
      </div>
      <StatusBar />
    </div>
  )
}
