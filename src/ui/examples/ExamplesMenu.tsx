import { lazy, Suspense, useContext } from 'react'
import { usePopover } from '../use-popover'
import { PlaygroundContext, usePlayground } from '../use-playground'
import { closeGuide, openGuide } from './guide-notes'
import './examples.css'

// The library (every example's events) loads when the menu first opens, keeping it out of the
// page's first bundle; only the first-visit example is there.
const ExamplesList = lazy(() => import('./ExamplesList'))

/**
 * The examples library under its header button: every example with its language, what it
 * detects and its severity; choosing one opens it over the current document (which stays
 * restorable). The guide's notes can be shown again from here. Escape or a click outside closes it.
 */
export function ExamplesMenu() {
  const { open, toggle, root } = usePopover('examples')
  const guideOpen = usePlayground((s) => s.guideOpen)
  const store = useContext(PlaygroundContext)

  return (
    <div className="examples-menu-anchor" ref={root}>
      <button type="button" aria-expanded={open} aria-controls="examples-menu" onClick={toggle}>
        Examples
      </button>
      {open && (
        <div id="examples-menu" className="examples-menu" role="dialog" aria-label="Examples">
          <Suspense fallback={<p className="hint">Loading examples…</p>}>
            <ExamplesList />
          </Suspense>
          <div className="examples-menu-foot">
            <button
              type="button"
              aria-pressed={guideOpen}
              title="The short notes at the top of each pane"
              onClick={() => {
                if (store) (guideOpen ? closeGuide : openGuide)(store)
              }}
            >
              Guide
            </button>
            <span className="hint">Opening an example keeps your document: “Restore” brings it back.</span>
          </div>
        </div>
      )}
    </div>
  )
}
