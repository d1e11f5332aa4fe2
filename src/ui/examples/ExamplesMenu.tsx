import { lazy, Suspense } from 'react'
import { usePopover } from '../use-popover'
import './examples.css'

// The menu's body, with the library (every example's events), loads when the menu first opens,
// keeping it out of the page's first bundle; only the first-visit example is there.
const ExamplesMenuBody = lazy(() => import('./ExamplesMenuBody'))

/**
 * The examples library under its header button: every example with its language, what it
 * detects and its severity; choosing one opens it over the current document (which stays
 * restorable). The guide's notes can be shown again from here. Escape or a click outside closes it.
 */
export function ExamplesMenu() {
  const { open, toggle, root } = usePopover('examples')
  return (
    <div className="examples-menu-anchor" ref={root}>
      <button type="button" aria-expanded={open} aria-controls="examples-menu" onClick={toggle}>
        Examples
      </button>
      {open && (
        <div id="examples-menu" className="examples-menu" role="dialog" aria-label="Examples">
          <Suspense fallback={<p className="hint">Loading examples…</p>}>
            <ExamplesMenuBody />
          </Suspense>
        </div>
      )}
    </div>
  )
}
