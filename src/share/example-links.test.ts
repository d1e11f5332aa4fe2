import { describe, expect, it } from 'vitest'
import { EXAMPLES, type Example } from '../examples'
import { exampleToDocument } from '../examples/to-document'
import { DEFAULT_KQL_DOCUMENT_SETTINGS } from '../state/document-slice'
import { prepareShareLink, DEFAULT_SHARE_OPTIONS, type ShareSource } from './prepare-link'
import { decodeShareLink } from './share-link'

/**
 * Issue 5's target: every seed example, with only the fields its query uses, fits in a chat
 * message (2,000 characters, the page's address included). Prints the length of each link.
 */

/**
 * The page's address, which a link starts with. The playground has no fixed home yet: this is a
 * site at its own host's root. The table also gives each fragment alone, so the budget left for
 * another address is plain (the longest trimmed fragment leaves about 45 characters).
 */
const PAGE_URL = 'https://rule-playground.example.org/'

/** The document the example opens (as the examples menu opens it), as the share dialog reads it. */
function sourceOf(ex: Example): ShareSource {
  const doc = exampleToDocument(ex)
  return {
    language: doc.language,
    query: doc.query,
    eventsText: doc.eventsText,
    settings: doc.settings ?? {},
    kqlSettings: doc.kqlSettings ?? DEFAULT_KQL_DOCUMENT_SETTINGS,
    title: doc.title ?? '',
    task: doc.task ?? '',
    expectations: doc.expectations ?? [],
    exceptions: doc.exceptions ?? [],
    eventsFile: null,
  }
}

describe('share links of the examples', () => {
  it('every example, trimmed to the fields its query uses, fits in 2,000 characters and opens to the same document', async () => {
    const rows: { example: string; events: number; full: number; trimmed: number; fragment: number; noEvents: number }[] = []
    for (const ex of EXAMPLES) {
      const source = sourceOf(ex)
      const full = await prepareShareLink(source, DEFAULT_SHARE_OPTIONS, PAGE_URL)
      const trimmed = await prepareShareLink(source, { ...DEFAULT_SHARE_OPTIONS, keepOnlyQueryFields: true }, PAGE_URL)
      const bare = await prepareShareLink(source, { ...DEFAULT_SHARE_OPTIONS, withoutEvents: true }, PAGE_URL)
      expect(full.events).toBe('all')
      expect(trimmed.events).toBe('trimmed')
      rows.push({ example: ex.id, events: ex.events.length, full: full.length.length, trimmed: trimmed.length.length, fragment: trimmed.fragment.length, noEvents: bare.length.length })

      // The trimmed link opens to the example's document with the trimmed events, notes included.
      const opened = await decodeShareLink(trimmed.url)
      expect(opened.ok).toBe(true)
      if (opened.ok) {
        expect(opened.doc.query).toBe(ex.query)
        expect(opened.doc.expectations?.length).toBe(ex.events.length)
        expect(opened.doc.events.split('\n')).toHaveLength(ex.events.length)
      }
    }
    console.log(`link lengths (page address ${PAGE_URL.length} chars included)\n${rows.map((r) => `${r.example.padEnd(34)} ${String(r.events).padStart(3)} events  full ${String(r.full).padStart(5)}  trimmed ${String(r.trimmed).padStart(5)} (fragment ${String(r.fragment).padStart(4)})  no events ${String(r.noEvents).padStart(5)}`).join('\n')}`)
    for (const r of rows) expect(r.trimmed, r.example).toBeLessThanOrEqual(2_000)
  })
})
