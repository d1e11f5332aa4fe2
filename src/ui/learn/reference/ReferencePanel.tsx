import { useContext, useEffect, useMemo, useState } from 'react'
import { REFERENCE_ENTRIES, referenceEntry, type ReferenceEntry } from '../../../engine/docs/reference'
import { insertIntoQueryEditor } from '../../../editor/editor-handle'
import { PlaygroundContext, usePlayground } from '../../use-playground'
import { ReferenceEntryCard } from './ReferenceEntryCard'
import { referenceView } from './reference-filter'
import { useReferenceReveal } from './reveal-store'
import './reference.css'

type Language = 'eql' | 'kql'
const LABEL: Readonly<Record<Language, string>> = { eql: 'EQL', kql: 'KQL' }

/**
 * The quick reference's body (loaded lazily by QuickReference). It shows the document's language
 * unless the user switched: a switch is remembered for that document language only, so changing
 * the query's language brings its reference back.
 */
export default function ReferencePanel() {
  const store = useContext(PlaygroundContext)
  const docLanguage = usePlayground((s) => s.language)
  const [choice, setChoice] = useState<{ readonly forDoc: Language; readonly language: Language } | null>(null)
  const language = choice !== null && choice.forDoc === docLanguage ? choice.language : docLanguage
  const other: Language = language === 'eql' ? 'kql' : 'eql'
  const [search, setSearch] = useState('')
  const [highlighted, setHighlighted] = useState<string | null>(null)
  const request = useReferenceReveal((s) => s.request)
  const done = useReferenceReveal((s) => s.done)
  const view = useMemo(() => referenceView(REFERENCE_ENTRIES, language, search), [language, search])

  // a hover link asked for an entry: show its language, clear the search, mark it
  useEffect(() => {
    if (request === null) return
    const entry = referenceEntry(request.id)
    if (entry === undefined) {
      done(request.seq)
      return
    }
    setChoice({ forDoc: docLanguage, language: entry.language })
    setSearch('')
    setHighlighted(entry.id)
  }, [request, docLanguage, done])

  // ...and once it is rendered, scroll to it and move focus there (the link was clicked)
  useEffect(() => {
    if (request === null || highlighted !== request.id) return
    const el = document.getElementById(request.id)
    if (!el) return
    el.scrollIntoView({ block: 'start' })
    el.focus({ preventScroll: true })
    done(request.seq)
  }, [request, highlighted, view, done])

  const insert = (entry: ReferenceEntry) => {
    if (insertIntoQueryEditor(entry.snippet) || !store) return
    // no Monaco mounted (it failed to load): append to the query through the store
    const { query, editQuery } = store.getState()
    editQuery(query === '' || /\s$/.test(query) ? query + entry.snippet : `${query} ${entry.snippet}`)
  }

  return (
    <div className="quick-reference" data-language={language}>
      <div className="ref-controls">
        <input type="search" className="ref-search" aria-label="Search reference" placeholder="Search: like, startsWith, escape…" value={search} onChange={(e) => setSearch(e.target.value)} />
        <div role="group" aria-label="Reference language" className="ref-languages">
          {(['eql', 'kql'] as const).map((l) => (
            <button key={l} type="button" aria-pressed={language === l} onClick={() => setChoice({ forDoc: docLanguage, language: l })}>
              {LABEL[l]}
              {l === docLanguage ? ' (query)' : ''}
            </button>
          ))}
        </div>
      </div>
      <p className="ref-count" role="status">
        {view.count === 0 ? `No ${LABEL[language]} entry matches.` : `${view.count} ${LABEL[language]} ${view.count === 1 ? 'entry' : 'entries'}`}
        {search.trim() !== '' && view.otherCount > 0 && (
          <>
            {' '}
            <button type="button" className="ref-other" onClick={() => setChoice({ forDoc: docLanguage, language: other })}>
              {view.otherCount} in {LABEL[other]}
            </button>
          </>
        )}
      </p>
      {view.groups.map((g) => (
        <section key={g.id} className="ref-group" aria-labelledby={`ref-group-${language}-${g.id}`}>
          <h3 id={`ref-group-${language}-${g.id}`}>{g.title}</h3>
          {g.entries.map((e) => (
            <ReferenceEntryCard key={e.id} entry={e} highlighted={e.id === highlighted} onInsert={insert} />
          ))}
        </section>
      ))}
    </div>
  )
}
