import { useRef, useState, type ReactNode } from 'react'
import { usePlayground } from '../use-playground'
import { layoutOf, resizeAt, sizesFrom, type PaneRow } from './pane-sizes'
import { PaneSeparator } from './PaneSeparator'
import { useMediaQuery } from './use-media-query'

/** Below this width the three panes are stacked, each full width, and the page scrolls. */
export const NARROW_QUERY = '(max-width: 900px)'

const GROUP_ID = 'workspace'
const ROW: PaneRow = { ids: ['pane-query', 'pane-events', 'pane-results'], minSizes: [15, 15, 20], defaultSizes: [34, 30, 36] }
const LABELS = ['Query pane', 'Events pane', 'Results pane']
const SEPARATOR_LABELS = ['Resize query and events panes', 'Resize events and results panes']

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
  const contents = [query, events, results]
  if (narrow) {
    return (
      <main className="workspace stacked" data-layout="stacked">
        {ROW.ids.map((id, i) => (
          <Pane key={id} id={id} label={LABELS[i] ?? id}>
            {contents[i]}
          </Pane>
        ))}
      </main>
    )
  }
  return <WideWorkspace contents={contents} />
}

/**
 * Side by side: each pane's flex-grow is its percentage (flex-basis 0), so the row's width
 * less the separators is shared in those proportions. Our own splitter rather than a library:
 * the page needs only this one row, and a splitter library cost 15 kB gzip of the first paint.
 */
function WideWorkspace({ contents }: { contents: readonly ReactNode[] }) {
  const saved = usePlayground((s) => s.paneLayouts[GROUP_ID])
  const setPaneLayout = usePlayground((s) => s.setPaneLayout)
  // The saved layout is read once, at mount; from then on the row owns its sizes while dragged.
  const [sizes, setSizes] = useState(() => sizesFrom(ROW, saved))
  const current = useRef(sizes)
  current.current = sizes
  const dragStart = useRef(sizes)
  const group = useRef<HTMLDivElement>(null)

  const rowWidth = () => {
    const el = group.current
    if (!el) return 1
    let separators = 0
    for (const child of el.children) if (child.getAttribute('role') === 'separator') separators += child.getBoundingClientRect().width
    return el.getBoundingClientRect().width - separators
  }

  return (
    <main className="workspace wide" data-layout="wide">
      <div ref={group} id={GROUP_ID} data-group="" style={{ display: 'flex', flexDirection: 'row', height: '100%', width: '100%', overflow: 'hidden' }}>
        {ROW.ids.map((id, i) => {
          const size = sizes[i] ?? 0
          const next = sizes[i + 1]
          return [
            <div key={id} id={id} data-panel="" style={{ flex: `${size} 1 0px`, minWidth: 0, overflow: 'hidden' }}>
              <Pane id={id} label={LABELS[i] ?? id}>
                {contents[i]}
              </Pane>
            </div>,
            next !== undefined && (
              <PaneSeparator
                key={`${id}-separator`}
                label={SEPARATOR_LABELS[i] ?? 'Resize panes'}
                controls={id}
                value={size}
                min={ROW.minSizes[i] ?? 0}
                max={size + next - (ROW.minSizes[i + 1] ?? 0)}
                rowWidth={rowWidth}
                onStart={() => {
                  dragStart.current = current.current
                }}
                onMove={(delta, from) => {
                  const base = from === 'start' ? dragStart.current : current.current
                  const moved = resizeAt(ROW, base, i, delta)
                  current.current = moved
                  setSizes(moved)
                }}
                onCommit={() => setPaneLayout(GROUP_ID, layoutOf(ROW, current.current))}
              />
            ),
          ]
        })}
      </div>
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
