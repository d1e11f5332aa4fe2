import { lazy, Suspense } from 'react'
import { DOCKED_PANELS } from '../state/shell-slice'
import { AppHeader } from './layout/AppHeader'
import { EventsPane, QueryPane, ResultsPane } from './layout/panes'
import { StatusBar } from './layout/StatusBar'
import { StorageBanner } from './layout/StorageBanner'
import { Workspace } from './layout/Workspace'
import { useKeyboardShortcuts } from './use-keyboard-shortcuts'
import { LinkProblemBanner } from './share/LinkProblemBanner'
import { RunAnnouncer } from './layout/RunAnnouncer'
import { usePlayground } from './use-playground'

// The docked panel (reference, lessons, comparison, rule) loads when one first opens.
const DockedPanel = lazy(() => import('./learn/DockedPanel').then((m) => ({ default: m.DockedPanel })))

/** The playground page: header, storage banner, the three panes (and a docked panel), status bar. */
export function App() {
  useKeyboardShortcuts()
  const docked = usePlayground((s) => DOCKED_PANELS.has(s.openPanel))
  return (
    <div className="app">
      <AppHeader />
      <StorageBanner />
      <LinkProblemBanner />
      <div className="app-body">
        <Workspace query={<QueryPane />} events={<EventsPane />} results={<ResultsPane />} />
        {docked && (
          // The panel's frame keeps its width while its code loads, so the panes do not jump twice.
          <Suspense fallback={<aside className="docked-panel" aria-busy="true" />}>
            <DockedPanel />
          </Suspense>
        )}
      </div>
      <StatusBar />
      <RunAnnouncer />
    </div>
  )
}
