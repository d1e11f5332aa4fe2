import { LessonsPanel } from './lessons/LessonsPanel'
import { QuickReference } from './reference/QuickReference'
import { usePlayground } from '../use-playground'

/**
 * The panel docked to the right of the panes: the quick reference or the lessons. A labelled
 * complementary region, so it is reachable by landmark and closable with its button or Escape.
 */
export function DockedPanel() {
  const panel = usePlayground((s) => s.openPanel)
  const close = usePlayground((s) => s.closePanel)
  if (panel !== 'reference' && panel !== 'lessons') return null
  const label = panel === 'reference' ? 'Quick reference' : 'Lessons'
  return (
    <aside className="docked-panel" aria-label={label}>
      <div className="docked-panel-head">
        <h2>{label}</h2>
        <button type="button" onClick={close} aria-label={`Close ${label.toLowerCase()}`}>
          ×
        </button>
      </div>
      <div className="docked-panel-body">{panel === 'reference' ? <QuickReference /> : <LessonsPanel />}</div>
    </aside>
  )
}
