import type { ReactNode } from 'react'
import { Group, Panel, Separator } from 'react-resizable-panels'
import { usePlayground } from '../use-playground'
import { useMediaQuery } from './use-media-query'

/** Below this width the three panes are stacked, each full width, and the page scrolls. */
export const NARROW_QUERY = '(max-width: 900px)'

const GROUP_ID = 'workspace'
const DEFAULT_LAYOUT = { 'pane-query': 34, 'pane-events': 30, 'pane-results': 36 }

export interface WorkspaceProps {
  readonly query: ReactNode
  readonly events: ReactNode
  readonly results: ReactNode
}

/**
 * The three panes: rule query, events, results. Side by side and resizable on a wide screen (the
 * sizes the user drags to are kept in the store and autosaved), stacked on a narrow one, where
 * side-by-side panes would each be too thin to read.
 */
export function Workspace({ query, events, results }: WorkspaceProps) {
  const narrow = useMediaQuery(NARROW_QUERY)
  const saved = usePlayground((s) => s.paneLayouts[GROUP_ID])
  const setPaneLayout = usePlayground((s) => s.setPaneLayout)

  if (narrow) {
    return (
      <main className="workspace stacked" data-layout="stacked">
        <Pane id="pane-query" label="Query pane">{query}</Pane>
        <Pane id="pane-events" label="Events pane">{events}</Pane>
        <Pane id="pane-results" label="Results pane">{results}</Pane>
      </main>
    )
  }
  return (
    <main className="workspace wide" data-layout="wide">
      <Group
        id={GROUP_ID}
        orientation="horizontal"
        defaultLayout={saved ?? DEFAULT_LAYOUT}
        onLayoutChanged={(layout, meta) => {
          // Only what the user dragged: initial mounts and window resizes are not preferences.
          if (meta.isUserInteraction) setPaneLayout(GROUP_ID, meta.requestedLayout ?? layout)
        }}
      >
        <Panel id="pane-query" minSize="15">
          <Pane id="pane-query" label="Query pane">{query}</Pane>
        </Panel>
        <Separator className="pane-separator" aria-label="Resize query and events panes" />
        <Panel id="pane-events" minSize="15">
          <Pane id="pane-events" label="Events pane">{events}</Pane>
        </Panel>
        <Separator className="pane-separator" aria-label="Resize events and results panes" />
        <Panel id="pane-results" minSize="20">
          <Pane id="pane-results" label="Results pane">{results}</Pane>
        </Panel>
      </Group>
    </main>
  )
}

function Pane({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <section className="pane" aria-label={label} data-pane={id}>
      {children}
    </section>
  )
}
