import { describe, expect, it } from 'vitest'
import { DEFAULT_KQL_DOCUMENT_SETTINGS } from '../state/document-slice'
import { DEFAULT_SHARE_OPTIONS, MAX_SHARED_EVENTS_CHARS, prepareShareLink, redactCandidatesOf, type ShareSource } from './prepare-link'
import { redactCandidates } from './redact-candidates'
import { decodeShareLink } from './share-link'

const PAGE = 'http://localhost/'
const EVENTS = [
  { '@timestamp': '2024-01-01T00:00:00Z', event: { category: 'process' }, host: { name: 'mbp-7' }, user: { name: 'alice' }, process: { name: 'launchctl', pid: 4 } },
  { '@timestamp': '2024-01-01T00:00:01Z', event: { category: 'file' }, 'host.name': 'mbp-7', file: { path: '/Users/alice/x' }, process: { name: 'cp' } },
]
const NDJSON = EVENTS.map((e) => JSON.stringify(e)).join('\n')

const source = (over: Partial<ShareSource> = {}): ShareSource => ({
  language: 'eql',
  query: 'process where process.name == "launchctl"',
  eventsText: NDJSON,
  settings: {},
  kqlSettings: DEFAULT_KQL_DOCUMENT_SETTINGS,
  title: '',
  task: '',
  expectations: [],
  exceptions: [],
  eventsFile: null,
  ...over,
})

async function eventsOf(url: string): Promise<string> {
  const r = await decodeShareLink(url)
  if (!r.ok) throw new Error(r.error.message)
  return r.doc.events
}

describe('prepareShareLink', () => {
  it('carries the events as they are by default, measured with the page address', async () => {
    const p = await prepareShareLink(source(), DEFAULT_SHARE_OPTIONS, PAGE)
    expect(p.events).toBe('all')
    expect(p.url).toBe(PAGE + p.fragment)
    expect(p.length.length).toBe(p.url.length)
    expect(await eventsOf(p.url)).toBe(NDJSON)
  })

  it('keeps, per event, only the fields the query reads of its category', async () => {
    const p = await prepareShareLink(source(), { ...DEFAULT_SHARE_OPTIONS, keepOnlyQueryFields: true }, PAGE)
    expect(p.events).toBe('trimmed')
    expect(p.fields).toEqual(['process.name', 'event.category', '@timestamp'])
    expect((await eventsOf(p.url)).split('\n').map((l) => JSON.parse(l))).toEqual([
      { '@timestamp': '2024-01-01T00:00:00Z', event: { category: 'process' }, process: { name: 'launchctl' } },
      // a file event: `process where` never reads its process.name
      { '@timestamp': '2024-01-01T00:00:01Z', event: { category: 'file' } },
    ])
  })

  it('unwraps an Elasticsearch response before trimming, keeping every event', async () => {
    const response = JSON.stringify({ hits: { hits: EVENTS.map((e, i) => ({ _id: String(i), _source: e })) } })
    const p = await prepareShareLink(source({ eventsText: response }), { ...DEFAULT_SHARE_OPTIONS, keepOnlyQueryFields: true }, PAGE)
    expect((await eventsOf(p.url)).split('\n')).toHaveLength(2)
  })

  it('does not offer trimming when the query reads fields it does not name', async () => {
    const p = await prepareShareLink(source({ language: 'kql', query: 'launchctl' }), { ...DEFAULT_SHARE_OPTIONS, keepOnlyQueryFields: true }, PAGE)
    expect(p.cannotTrim).toMatch(/cannot be listed/)
    expect(p.events).toBe('all')
  })

  it('leaves out events streamed from a file, and events too large for a link, and says why', async () => {
    const file = await prepareShareLink(source({ eventsFile: { name: 'big.ndjson', size: 80_000_000 } }), DEFAULT_SHARE_OPTIONS, PAGE)
    expect(file.events).toBe('none')
    expect(file.eventsLeftOut).toMatch(/big\.ndjson \(80\.0 MB\)/)
    expect(await eventsOf(file.url)).toBe('')

    const huge = `${NDJSON}\n`.repeat(Math.ceil(MAX_SHARED_EVENTS_CHARS / NDJSON.length) + 1)
    const whole = await prepareShareLink(source({ eventsText: huge }), DEFAULT_SHARE_OPTIONS, PAGE)
    expect(whole.events).toBe('none')
    expect(whole.eventsLeftOut).toMatch(/too large for a link.*Keeping only the fields/)
    const trimmed = await prepareShareLink(source({ eventsText: huge }), { ...DEFAULT_SHARE_OPTIONS, keepOnlyQueryFields: true }, PAGE)
    expect(trimmed.events).toBe('trimmed')
    expect(trimmed.tooLong).toBeNull()
  })

  it('leaves the events out on request, and redacts picked values everywhere in them', async () => {
    expect(await eventsOf((await prepareShareLink(source(), { ...DEFAULT_SHARE_OPTIONS, withoutEvents: true }, PAGE)).url)).toBe('')
    const withNotes = source({ title: 'alice on mbp-7', expectations: [{ eventIndex: 0, expect: 'match', note: 'alice loads it' }] })
    const link = (await prepareShareLink(withNotes, { ...DEFAULT_SHARE_OPTIONS, redact: ['alice', 'mbp-7'] }, PAGE)).url
    const redacted = await eventsOf(link)
    expect(redacted).not.toMatch(/alice|mbp-7/)
    expect(redacted).toContain('/Users/REDACTED/x')
    const opened = await decodeShareLink(link)
    expect(opened.ok && [opened.doc.title, opened.doc.expectations?.[0]?.note]).toEqual(['REDACTED on REDACTED', 'REDACTED loads it'])
  })
})

describe('redaction candidates', () => {
  it('finds host, user and address values in nested and dotted keys, each once', () => {
    expect(redactCandidatesOf(NDJSON)).toEqual([
      { field: 'host.name', value: 'mbp-7' },
      { field: 'user.name', value: 'alice' },
    ])
    expect(redactCandidates([{ source: { ip: ['10.0.0.1', '10.0.0.2'] }, related: { ip: '10.0.0.1' } }])).toEqual([
      { field: 'source.ip', value: '10.0.0.1' },
      { field: 'source.ip', value: '10.0.0.2' },
    ])
    expect(redactCandidatesOf('')).toEqual([])
  })
})
