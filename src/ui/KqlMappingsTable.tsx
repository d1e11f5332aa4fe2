import { useState } from 'react'

/** Field types people map in detection indices; the engine accepts any Elasticsearch type name. */
const TYPES = ['keyword', 'text', 'match_only_text', 'wildcard', 'constant_keyword', 'long', 'integer', 'short', 'byte', 'double', 'float', 'date', 'boolean', 'ip', 'flattened', 'nested']

/**
 * A small field → type table: the rule index's mappings, which win over ECS and over types
 * inferred from the events. Rows are edited in place; a new row is added from the last line.
 */
export function KqlMappingsTable({ mappings, onChange }: { mappings: Readonly<Record<string, string>>; onChange: (m: Record<string, string>) => void }) {
  const [field, setField] = useState('')
  const [type, setType] = useState('keyword')
  const rows = Object.entries(mappings)
  const without = (name: string): Record<string, string> => Object.fromEntries(rows.filter(([f]) => f !== name))
  const add = (): void => {
    if (field.trim() === '') return
    onChange({ ...mappings, [field.trim()]: type })
    setField('')
  }
  return (
    <table className="mappings-table" aria-label="Field types">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Type</th>
          <th scope="col">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, t]) => (
          <tr key={name}>
            <td>
              <code>{name}</code>
            </td>
            <td>
              <TypeSelect label={`Type of ${name}`} value={t} onChange={(v) => onChange({ ...mappings, [name]: v })} />
            </td>
            <td>
              <button type="button" aria-label={`Remove ${name}`} onClick={() => onChange(without(name))}>
                ×
              </button>
            </td>
          </tr>
        ))}
        <tr>
          <td>
            <input
              aria-label="New field"
              placeholder="source.port"
              value={field}
              onChange={(e) => setField(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') add()
              }}
            />
          </td>
          <td>
            <TypeSelect label="New field type" value={type} onChange={setType} />
          </td>
          <td>
            <button type="button" onClick={add} disabled={field.trim() === ''}>
              Add
            </button>
          </td>
        </tr>
      </tbody>
    </table>
  )
}

function TypeSelect({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const options = TYPES.includes(value) ? TYPES : [value, ...TYPES]
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map((t) => (
        <option key={t}>{t}</option>
      ))}
    </select>
  )
}
