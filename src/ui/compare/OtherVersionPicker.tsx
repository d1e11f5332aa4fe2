import { useId, useState } from 'react'
import { EXAMPLES } from '../../examples'
import type { CompareOther } from '../../state/compare-slice'
import type { QueryLanguage } from '../../state/document-slice'
import { usePlayground } from '../use-playground'
import { otherFromBaseline } from './other-version'

/**
 * Chooses side B: the pinned baseline, another example's query (the examples library comes with
 * this lazily loaded panel), or a pasted query in a chosen language. "Swap" makes B the current
 * query through the ordinary edit actions, so the editor's undo takes it back, and A becomes B.
 */
export function OtherVersionPicker() {
  const other = usePlayground((s) => s.compareOther)
  const baseline = usePlayground((s) => s.baseline)
  const setOther = usePlayground((s) => s.setCompareOther)
  const [pasting, setPasting] = useState(other?.source === 'pasted')
  const selectId = useId()
  const value = pasting ? 'pasted' : valueOf(other)

  const choose = (v: string): void => {
    setPasting(v === 'pasted')
    if (v === 'pin' && baseline !== null) setOther(otherFromBaseline(baseline))
    const ex = EXAMPLES.find((e) => `example:${e.id}` === v)
    if (ex) setOther({ language: ex.language, query: ex.query, label: ex.title, source: 'example' })
  }

  return (
    <div className="compare-picker">
      <label htmlFor={selectId}>Compare with</label>
      <select id={selectId} value={value} onChange={(e) => choose(e.target.value)}>
        <option value="" disabled>
          Choose a version…
        </option>
        <option value="pin" disabled={baseline === null}>
          Pinned baseline{baseline === null ? ' (pin one first)' : ''}
        </option>
        <optgroup label="Examples">
          {EXAMPLES.map((ex) => (
            <option key={ex.id} value={`example:${ex.id}`}>
              {ex.title} ({ex.language.toUpperCase()})
            </option>
          ))}
        </optgroup>
        <option value="pasted">A query I paste…</option>
      </select>
      {other !== null && <SwapButton other={other} />}
      {pasting && <PastedQuery initial={other?.source === 'pasted' ? other : null} onUse={setOther} />}
    </div>
  )
}

/** The select's value for the chosen version ('' when none, or an example's query no longer known). */
function valueOf(other: CompareOther | null): string {
  if (other === null) return ''
  if (other.source !== 'example') return other.source
  const ex = EXAMPLES.find((e) => e.query === other.query && e.language === other.language)
  return ex ? `example:${ex.id}` : ''
}

function PastedQuery({ initial, onUse }: { initial: CompareOther | null; onUse: (o: CompareOther) => void }) {
  const [text, setText] = useState(initial?.query ?? '')
  const [language, setLanguage] = useState<QueryLanguage>(initial?.language ?? 'eql')
  const textId = useId()
  const langId = useId()
  return (
    <>
      <label htmlFor={textId} className="visually-hidden">
        Pasted query
      </label>
      <textarea id={textId} value={text} placeholder="Paste the other version of the rule’s query" onChange={(e) => setText(e.target.value)} />
      <label htmlFor={langId}>Its language</label>
      <select id={langId} value={language} onChange={(e) => setLanguage(e.target.value === 'kql' ? 'kql' : 'eql')}>
        <option value="eql">EQL</option>
        <option value="kql">KQL</option>
      </select>
      <button type="button" disabled={text.trim() === ''} onClick={() => onUse({ language, query: text, label: 'Pasted query', source: 'pasted' })}>
        Compare with this query
      </button>
    </>
  )
}

function SwapButton({ other }: { other: CompareOther }) {
  const query = usePlayground((s) => s.query)
  const language = usePlayground((s) => s.language)
  const editQuery = usePlayground((s) => s.editQuery)
  const setLanguage = usePlayground((s) => s.setLanguage)
  const setOther = usePlayground((s) => s.setCompareOther)
  const swap = (): void => {
    // B becomes the editor's text as an ordinary edit (Ctrl+Z in the editor takes it back); A becomes B.
    const previous: CompareOther = { language, query, label: 'Previous query', source: 'pasted' }
    editQuery(other.query)
    setLanguage(other.language)
    setOther(previous)
  }
  return (
    <button type="button" title="Make B the current query (undo in the editor brings A back); A becomes the version compared with" onClick={swap}>
      Swap
    </button>
  )
}
