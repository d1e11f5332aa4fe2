import { describe, expect, it } from 'vitest'
import { encodeShareLink } from '../share/share-link'
import type { SharedDocument } from '../share/shared-document'
import type { OpenedDocument } from './document-slice'
import { decideLink, looksLikeShareLink, openLinkFromLocation, type LinkHistory, type LinkStore } from './open-link'
import { createPlaygroundStore } from './store'

const DOC: SharedDocument = {
  language: 'kql',
  query: 'process.name:launchctl',
  events: '{"process":{"name":"launchctl"}}\n{"process":{"name":"cp"}}',
  kqlSettings: { mappings: { 'source.port': 'long' }, now: '2024-03-01T12:00:00Z' },
  expectations: [{ eventIndex: 0, expect: 'match', note: 'loads a daemon' }, { eventIndex: 1, expect: 'no-match' }],
  title: 'A title',
  task: 'Do this',
  exceptions: [{ name: 'cp', entries: [{ field: 'process.name', operator: 'included', type: 'match', value: 'cp' }] }],
}

/** A store stand-in recording what was asked of it. */
function fakeStore() {
  const opened: OpenedDocument[] = []
  const problems: (string | null)[] = []
  const state = { openDocument: (d: OpenedDocument) => opened.push(d), reportLinkProblem: (m: string | null) => problems.push(m), setGuideOpen: () => undefined }
  // Only the two actions are read; the cast narrows a fake to the store's shape for this test.
  const store = { getState: () => state } as unknown as LinkStore
  return { store, opened, problems }
}

function fakeHistory() {
  const urls: string[] = []
  const history: LinkHistory = { state: null, replaceState: (_d: unknown, _u: string, url?: string | URL | null) => void urls.push(String(url)) }
  return { history, urls }
}

const at = (hash: string) => ({ hash, pathname: '/play/', search: '?x=1' })

describe('looksLikeShareLink', () => {
  it('takes #v and a version, even cut; ignores other fragments', () => {
    for (const h of ['#v1.abc', '#v1', '#v', '#v9.x', 'v1.abc']) expect(looksLikeShareLink(h), h).toBe(true)
    for (const h of ['', '#', '#top', '#vendor', '#section-v1', '#V1.abc']) expect(looksLikeShareLink(h), h).toBe(false)
  })
})

describe('decideLink', () => {
  it('opens a link with every field of the document', async () => {
    const d = await decideLink(await encodeShareLink(DOC))
    expect(d).toEqual({
      kind: 'open',
      note: null,
      doc: {
        language: 'kql',
        query: DOC.query,
        eventsText: DOC.events,
        eventsSource: 'shared link',
        settings: {},
        kqlSettings: { mappings: { 'source.port': 'long' }, now: '2024-03-01T12:00:00Z' },
        title: 'A title',
        task: 'Do this',
        expectations: DOC.expectations,
        rule: null,
        exceptions: DOC.exceptions,
      },
    })
  })

  it('names what is wrong with a damaged, cut or newer link', async () => {
    const link = await encodeShareLink(DOC)
    const damaged = link.slice(0, 20) + (link[20] === 'A' ? 'B' : 'A') + link.slice(21)
    expect(await decideLink(damaged)).toEqual({ kind: 'problem', message: expect.stringMatching(/damaged/) })
    expect(await decideLink(link.slice(0, link.length - 7))).toEqual({ kind: 'problem', message: expect.stringMatching(/cut short|damaged/) })
    expect(await decideLink('#v9.abcdef')).toEqual({ kind: 'problem', message: expect.stringMatching(/newer version/) })
    expect(await decideLink('#v')).toEqual({ kind: 'problem', message: expect.stringMatching(/cut short/) })
  })

  it('ignores a fragment that is not a link', async () => {
    expect(await decideLink('#results')).toEqual({ kind: 'ignore' })
  })
})

describe('openLinkFromLocation', () => {
  it('opens the document, clears any old problem and drops the fragment', async () => {
    const { store, opened, problems } = fakeStore()
    const { history, urls } = fakeHistory()
    expect(await openLinkFromLocation(store, at(await encodeShareLink(DOC)), history)).toBe(true)
    expect(opened.map((d) => d.query)).toEqual([DOC.query])
    expect(problems).toEqual([null])
    expect(urls).toEqual(['/play/?x=1'])
  })

  it('a broken link opens nothing, reports the problem and keeps the fragment', async () => {
    const { store, opened, problems } = fakeStore()
    const { history, urls } = fakeHistory()
    expect(await openLinkFromLocation(store, at('#v1.AAAA-broken'), history)).toBe(false)
    expect(opened).toEqual([])
    expect(problems).toHaveLength(1)
    expect(urls).toEqual([])
  })

  it('a fragment that is not a link changes nothing', async () => {
    const { store, opened, problems } = fakeStore()
    expect(await openLinkFromLocation(store, at('#notes'), fakeHistory().history)).toBe(false)
    expect(opened).toEqual([])
    expect(problems).toEqual([])
  })

  it('with a real store: the link is opened exactly and the old document stays restorable', async () => {
    const store = createPlaygroundStore({ query: 'process where true', eventsText: '{"a":1}', guideOpen: true })
    expect(await openLinkFromLocation(store, at(await encodeShareLink(DOC)), fakeHistory().history)).toBe(true)
    const s = store.getState()
    expect(s.guideOpen).toBe(false)
    expect({ language: s.language, query: s.query, eventsText: s.eventsText, title: s.title, task: s.task }).toEqual({
      language: 'kql',
      query: DOC.query,
      eventsText: DOC.events,
      title: 'A title',
      task: 'Do this',
    })
    expect(s.kqlSettings).toEqual({ mappings: { 'source.port': 'long' }, now: '2024-03-01T12:00:00Z' })
    expect(s.expectations).toEqual(DOC.expectations)
    expect(s.previousDocument?.query).toBe('process where true')
    expect(s.previousDocument?.eventsText).toBe('{"a":1}')
  })

  it('with a real store: a broken link leaves the document as it was', async () => {
    const store = createPlaygroundStore({ query: 'process where true', eventsText: '{"a":1}' })
    const link = await encodeShareLink(DOC)
    expect(await openLinkFromLocation(store, at(link.slice(0, 30)), fakeHistory().history)).toBe(false)
    expect(store.getState().query).toBe('process where true')
    expect(store.getState().previousDocument).toBeNull()
    expect(store.getState().linkProblem).toMatch(/cut short|damaged/)
  })
})
