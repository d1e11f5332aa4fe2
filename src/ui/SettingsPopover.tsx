import { lazy, Suspense } from 'react'
import { usePopover } from './use-popover'

// The fields (and the mappings table) load when the popover first opens: the first paint carries
// only the button.
const SettingsFields = lazy(() => import('./SettingsFields'))

/**
 * The rule settings: the EQL request fields that change results (timestamp, tiebreaker, event
 * category field, size) and, for KQL, the field types of the rule's index and the `now` of date
 * math. A popover under its button; Escape (use-keyboard-shortcuts.ts) or a click outside closes it.
 * Every field edits the store at once, so results follow as the user types.
 */
export function SettingsPopover() {
  const { open, toggle, root } = usePopover('settings')

  return (
    <div className="settings-popover-anchor" ref={root}>
      <button type="button" aria-expanded={open} aria-controls="rule-settings" onClick={toggle}>
        Rule settings
      </button>
      {open && (
        <div id="rule-settings" className="settings-popover" role="dialog" aria-label="Rule settings">
          <Suspense fallback={<p className="hint">Loading the settings…</p>}>
            <SettingsFields />
          </Suspense>
        </div>
      )}
    </div>
  )
}
