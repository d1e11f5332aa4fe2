import { useState } from 'react'
import { usePopover } from './use-popover'
import { usePlayground } from './use-playground'
import { KqlMappingsTable } from './KqlMappingsTable'

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
          <SettingsFields />
        </div>
      )}
    </div>
  )
}

function SettingsFields() {
  const language = usePlayground((s) => s.language)
  const settings = usePlayground((s) => s.settings)
  const kql = usePlayground((s) => s.kqlSettings)
  const editSettings = usePlayground((s) => s.editSettings)
  const editKqlSettings = usePlayground((s) => s.editKqlSettings)
  // '' clears a field back to the engine's default
  const text = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim())

  return (
    <form className="settings-form" onSubmit={(e) => e.preventDefault()}>
      {language === 'eql' ? (
        <fieldset>
          <legend>EQL request</legend>
          <label>
            Timestamp field
            <input value={settings.timestampField ?? ''} placeholder="@timestamp" onChange={(e) => editSettings({ timestampField: text(e.target.value) })} />
          </label>
          <label>
            Tiebreaker field
            <input value={settings.tiebreakerField ?? ''} placeholder="none" onChange={(e) => editSettings({ tiebreakerField: text(e.target.value) ?? null })} />
          </label>
          <label>
            Event category field
            <input
              value={settings.eventCategoryField ?? ''}
              placeholder="event.category"
              onChange={(e) => editSettings({ eventCategoryField: text(e.target.value) })}
            />
          </label>
          <SizeField size={settings.size ?? null} onChange={(size) => editSettings({ size })} />
        </fieldset>
      ) : (
        <fieldset>
          <legend>KQL</legend>
          <label>
            Now (date math)
            <input value={kql.now ?? ''} placeholder="the time of the run" onChange={(e) => editKqlSettings({ now: text(e.target.value) ?? null })} />
          </label>
        </fieldset>
      )}
      <fieldset>
        <legend>Field types (mappings)</legend>
        <KqlMappingsTable mappings={kql.mappings} onChange={(mappings) => editKqlSettings({ mappings })} />
      </fieldset>
    </form>
  )
}

/** Size: empty means no cap; only whole numbers from 1 reach the store. */
function SizeField({ size, onChange }: { size: number | null; onChange: (size: number | null) => void }) {
  const [draft, setDraft] = useState(size === null ? '' : String(size))
  return (
    <label>
      Size
      <input
        type="number"
        min={1}
        placeholder="all"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value)
          const n = Number(e.target.value)
          if (e.target.value === '') onChange(null)
          else if (Number.isInteger(n) && n >= 1) onChange(n)
        }}
      />
    </label>
  )
}
