import { lazy, Suspense } from 'react'
import { LessonsPanel } from './lessons/LessonsPanel'
import { QuickReference } from './reference/QuickReference'
import { usePlayground } from '../use-playground'

// The comparison (with the examples library its picker offers) loads when the panel first opens.
const ComparePanel = lazy(() => import('../compare/ComparePanel'))
// The rule's metadata panel (and markdown-it for its guide) loads when it first opens.
const RulePanel = lazy(() => import('../rule/RulePanel'))

const LABELS = { reference: 'Quick reference', lessons: 'Lessons', compare: 'Compare versions', rule: 'Rule' } as const

/**
 * The panel docked to the right of the panes: the quick reference, the lessons, the comparison
 * of two rule versions, or the rule's metadata. A labelled complementary region, so it is reachable by landmark and
 * closable with its button or Escape.
 */
export function DockedPanel() {
  const panel = usePlayground((s) => s.openPanel)
  const close = usePlayground((s) => s.closePanel)
  if (panel !== 'reference' && panel !== 'lessons' && panel !== 'compare' && panel !== 'rule') return null
  const label = LABELS[panel]
  return (
    <aside className={`docked-panel is-${panel}`} aria-label={label}>
      <div className="docked-panel-head">
        <h2>{label}</h2>
        <button type="button" onClick={close} aria-label={`Close ${label.toLowerCase()}`}>
          ×
        </button>
      </div>
      <div className="docked-panel-body">{bodyOf(panel)}</div>
    </aside>
  )
}

function bodyOf(panel: keyof typeof LABELS) {
  if (panel === 'reference') return <QuickReference />
  if (panel === 'lessons') return <LessonsPanel />
  if (panel === 'rule') {
    return (
      <Suspense fallback={<p className="hint">Loading the rule…</p>}>
        <RulePanel />
      </Suspense>
    )
  }
  return (
    <Suspense fallback={<p className="hint">Loading the comparison…</p>}>
      <ComparePanel />
    </Suspense>
  )
}
