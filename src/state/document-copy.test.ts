import { describe, expect, it } from 'vitest'
import { DOCUMENT_COPY_FORMAT, documentCopyOf, openDocumentCopy, readDocumentCopy, readDocumentCopyFile } from './document-copy'
import { createPlaygroundStore } from './store'

const NOW = new Date('2026-11-24T06:00:00Z')
const EXCEPTION = { name: 'JAMF', entries: [{ field: 'process.parent.name', operator: 'included' as const, type: 'match' as const, value: 'jamf' }] }

function documentStore() {
  const store = createPlaygroundStore({
    documentId: 'doc-1',
    query: 'process.name : "defaults"',
    language: 'kql',
    kqlSettings: { mappings: { 'process.pid': 'long' }, now: '2026-11-02T10:00:00Z' },
    title: 'Login Hook',
    task: 'Find the hook',
    expectations: [{ eventIndex: 1, expect: 'no-match', note: 'a read' }],
    exceptions: [EXCEPTION],
  })
  store.getState().editEvents('{"a":1}\n{"a":2}', 'mac.ndjson')
  return store
}

describe('document copies', () => {
  it('hold the whole document, and open back as the same document over the current one (which stays restorable)', async () => {
    const copy = await documentCopyOf(documentStore().getState(), NOW)
    expect(copy.fileName).toBe('login-hook-2026-11-24.rule-playground.json')
    expect(copy.leftOut).toBeNull()
    expect(JSON.parse(copy.text)).toMatchObject({ format: DOCUMENT_COPY_FORMAT, savedAt: '2026-11-24T06:00:00.000Z' })

    const read = readDocumentCopy(copy.text)
    if (!read.ok) throw new Error(read.message)
    const other = createPlaygroundStore({ documentId: 'doc-2', query: 'any where true', guideOpen: true })
    openDocumentCopy(other, read)
    expect(other.getState()).toMatchObject({
      query: 'process.name : "defaults"',
      language: 'kql',
      kqlSettings: { mappings: { 'process.pid': 'long' }, now: '2026-11-02T10:00:00Z' },
      eventsText: '{"a":1}\n{"a":2}',
      eventsSource: 'mac.ndjson',
      title: 'Login Hook',
      task: 'Find the hook',
      expectations: [{ eventIndex: 1, expect: 'no-match', note: 'a read' }],
      exceptions: [EXCEPTION],
      guideOpen: false,
    })
    expect(other.getState().previousDocument?.query).toBe('any where true')
  })

  it('carry a streamed events file within the size limit, and open large events as a file to stream', async () => {
    const store = documentStore()
    const text = Array.from({ length: 30_000 }, (_, i) => `{"n":${i},"pad":"${'p'.repeat(30)}"}`).join('\n') // > 1 M characters
    const file = new File([text], 'big.ndjson')
    store.getState().loadEventsFiles([file])
    store.getState().finishEventsLoad({ name: 'big.ndjson', size: file.size }, { version: 1, eventCount: 30_000, problems: [], schemaDiagnostics: [] })
    const copy = await documentCopyOf(store.getState(), NOW)
    const read = readDocumentCopy(copy.text)
    if (!read.ok) throw new Error(read.message)
    expect(read.doc.eventsText).toBe('')
    expect(read.eventsFile?.name).toBe('big.ndjson')
    expect(await read.eventsFile?.text()).toBe(text)
  })

  it('refuse anything else with a message that says what to do instead', async () => {
    expect(readDocumentCopy('{"a":1}')).toEqual({ ok: false, message: expect.stringMatching(/^This file is not a copy downloaded from Rule Playground/) })
    expect(readDocumentCopy('not json at all')).toMatchObject({ ok: false })
    const future = JSON.stringify({ format: DOCUMENT_COPY_FORMAT, document: { version: 99, documentId: 'x' } })
    expect(readDocumentCopy(future)).toEqual({ ok: false, message: expect.stringMatching(/newer version/) })
    const huge = { size: 500 * 1024 * 1024, text: () => Promise.reject(new Error('must not be read')) } as unknown as Blob
    expect(await readDocumentCopyFile(huge)).toEqual({ ok: false, message: expect.stringMatching(/^This file is 500 MB/) })
  })

  it('treat script in a copy as text: the saved form is checked field by field', () => {
    const text = JSON.stringify({ format: DOCUMENT_COPY_FORMAT, document: { version: 1, documentId: 'x', query: '<script>alert(1)</script>', language: 'javascript', events: { where: 'blob', key: '../../etc' }, expectations: [{ eventIndex: -1, expect: 'match' }] } })
    const read = readDocumentCopy(text)
    if (!read.ok) throw new Error(read.message)
    expect(read.doc).toMatchObject({ query: '<script>alert(1)</script>', language: 'eql', eventsText: '', expectations: [] })
  })
})
