import { EDITOR_KEYS_HINT_ID } from '../../editor/editor-keys'
import { usePlayground } from '../use-playground'
import { RunBudgetInput } from './RunBudgetInput'
import { RunStatus } from './RunStatus'

/** The bottom bar: run status and time, what is loaded, the language, and the run time limit. */
export function StatusBar() {
  const language = usePlayground((s) => s.language)
  const eventCount = usePlayground((s) => s.eventsInfo?.eventCount ?? null)
  return (
    <footer className="status-bar">
      <RunStatus />
      <span className="status-item">{eventCount === null ? 'events: …' : `${eventCount.toLocaleString('en-US')} events loaded`}</span>
      <span className="status-item" data-testid="status-language">
        {language.toUpperCase()}
      </span>
      <span className="status-item shortcut-hint">Ctrl/⌘+Enter runs now</span>
      {/* The editors point at this (aria-describedby): Tab indents there, so say the way out. */}
      <span className="status-item shortcut-hint" id={EDITOR_KEYS_HINT_ID}>
        In an editor: Ctrl+M makes Tab move focus · F6 next pane
      </span>
      <RunBudgetInput />
    </footer>
  )
}
