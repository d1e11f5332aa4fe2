import { useState } from 'react'
import { KqlMappingsTable } from './KqlMappingsTable'
import { usePlayground } from './use-playground'

/**
 * The rule settings' form: EQL request fields or KQL's `now`, and the field types (mappings).
 * Every field edits the store at once, so results follow as the user types.
 */
export default function SettingsFields() {
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
