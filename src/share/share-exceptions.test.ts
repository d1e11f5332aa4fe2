import { describe, expect, it } from 'vitest'
import type { ExceptionItem } from '../engine/exceptions/types'
import { decideFromDecoded } from '../state/open-link'
import { DEFAULT_KQL_DOCUMENT_SETTINGS } from '../state/document-slice'
import { deflate, frame, toBase64Url } from './link-bytes'
import { openedDocumentOf, sharedDocumentOf } from './document-link'
import { fieldsOfExceptions } from './exception-fields'
import { DEFAULT_SHARE_OPTIONS, prepareShareLink, type ShareSource } from './prepare-link'
import { decodeShareLink, encodeShareLink } from './share-link'
import type { SharedDocument } from './shared-document'

/** One item of every entry kind, so the codec's round trip covers them all. */
const ITEMS: readonly ExceptionItem[] = [
  { name: 'JAMF', entries: [{ field: 'process.parent.name', operator: 'included', type: 'match', value: 'jamf' }], os_types: ['macos'], item_id: 'a-1' },
  {
    name: 'CI',
    description: 'build hosts',
    entries: [
      { field: 'host.name', operator: 'excluded', type: 'match_any', value: ['ci-1', 'ci-2'] },
      { field: 'process.args', operator: 'included', type: 'wildcard', value: '/tmp/?x*' },
      { field: 'user.id', operator: 'excluded', type: 'exists' },
      { field: 'source.ip', operator: 'included', type: 'list', list: { id: 'bad-ips', type: 'ip' } },
      { field: 'dll.Ext', type: 'nested', entries: [{ field: 'relative_file_name_modify_time', operator: 'included', type: 'exists' }] },
    ],
    comments: [{ comment: 'seen every night' }],
  },
]

const DOC: SharedDocument = { language: 'kql', query: 'process.name:osascript', events: '', exceptions: ITEMS }

/** A link made by hand from any JSON, as a crafted link would be. */
async function linkOf(doc: unknown): Promise<string> {
  const bytes = await deflate(new TextEncoder().encode(JSON.stringify({ engine: '0.1.0', ecs: 'x', doc })))
  return `#v1.${toBase64Url(frame(bytes))}`
}

describe('share links carry exception items', () => {
  it('round-trips every entry kind', async () => {
    const result = await decodeShareLink(await encodeShareLink(DOC))
    expect(result.ok && result.doc.exceptions).toEqual(ITEMS)
  })

  it('leaves an empty list out, so a link without exceptions is the link it always was', async () => {
    const bare: SharedDocument = { language: 'kql', query: 'process.name:osascript', events: '' }
    expect(await encodeShareLink({ ...bare, exceptions: [] })).toBe(await encodeShareLink(bare))
    const result = await decodeShareLink(await encodeShareLink(bare))
    expect(result.ok && 'exceptions' in result.doc).toBe(false)
  })

  it('rebuilds each item from the fields it knows: anything else in a crafted link is dropped', async () => {
    const crafted = [{ name: 'x', onOpen: 'steal()', entries: [{ field: 'a', operator: 'included', type: 'match', value: 'b', script: 'x' }] }]
    const result = await decodeShareLink(await linkOf({ language: 'kql', query: 'a:b', exceptions: crafted }))
    expect(result.ok && result.doc.exceptions).toEqual([{ name: 'x', entries: [{ field: 'a', operator: 'included', type: 'match', value: 'b' }] }])
  })

  it.each([
    ['not a list', { name: 'x' }, /exception items are not a list/],
    ['an item without entries', [{ name: 'x' }], /Exception item 1 is not/],
    ['an entry of an unknown kind', [{ name: 'x', entries: [{ field: 'a', operator: 'included', type: 'regex', value: '.*' }] }], /Exception item 1 is not/],
    ['a match without a value', [{ name: 'ok', entries: [{ field: 'a', operator: 'included', type: 'exists' }] }, { entries: [{ field: 'a', operator: 'included', type: 'match' }] }], /Exception item 2 is not/],
  ])('refuses a link whose exceptions are %s rather than opening without them', async (_, exceptions, message) => {
    const result = await decodeShareLink(await linkOf({ language: 'kql', query: 'a:b', exceptions }))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-document')
      expect(result.error.message).toMatch(message)
    }
  })

  it('opening a link restores its exceptions into the document; a link without them opens with none', async () => {
    const decision = await decideFromDecoded(await decodeShareLink(await encodeShareLink(DOC)))
    expect(decision.kind === 'open' && decision.doc.exceptions).toEqual(ITEMS)
    expect(openedDocumentOf({ language: 'eql', query: 'any where true', events: '' }).exceptions).toEqual([])
  })

  it('the store document maps to a link with its exceptions', () => {
    const state = { language: 'kql' as const, query: 'q', eventsText: '', settings: {}, kqlSettings: DEFAULT_KQL_DOCUMENT_SETTINGS, title: '', task: '', expectations: [], exceptions: ITEMS }
    expect(sharedDocumentOf(state).exceptions).toBe(ITEMS)
  })
})

describe('trimming keeps the fields exception items read', () => {
  it('lists entry fields, nested paths, and the OS fields of an OS-bound item', () => {
    expect(fieldsOfExceptions(ITEMS)).toEqual(['process.parent.name', 'host.os.type', 'host.os.name', 'host.name', 'process.args', 'user.id', 'source.ip', 'dll.Ext'])
    expect(fieldsOfExceptions([{ name: '', entries: [{ field: 'host.os.name.caseless', operator: 'included', type: 'match', value: 'x' }] }])).toEqual(['host.os.name'])
  })

  const event = { '@timestamp': '2024-01-01T00:00:00Z', event: { category: 'process' }, process: { name: 'osascript', parent: { name: 'jamf' }, pid: 7 }, host: { os: { type: 'macos' }, name: 'mbp' } }
  const source = (exceptions: readonly ExceptionItem[], language: 'eql' | 'kql'): ShareSource => ({
    language,
    query: language === 'eql' ? 'process where process.name == "osascript"' : 'process.name:osascript',
    eventsText: JSON.stringify(event),
    settings: {},
    kqlSettings: DEFAULT_KQL_DOCUMENT_SETTINGS,
    title: '',
    task: '',
    expectations: [],
    exceptions,
    eventsFile: null,
  })
  const jamf = ITEMS.slice(0, 1)

  it.each(['eql', 'kql'] as const)('%s: the excepted field and the OS field stay in every event', async (language) => {
    const without = await prepareShareLink(source([], language), { ...DEFAULT_SHARE_OPTIONS, keepOnlyQueryFields: true }, 'http://x/')
    const withItems = await prepareShareLink(source(jamf, language), { ...DEFAULT_SHARE_OPTIONS, keepOnlyQueryFields: true }, 'http://x/')
    const eventsOf = async (url: string): Promise<unknown> => {
      const r = await decodeShareLink(url)
      return r.ok ? JSON.parse(r.doc.events) : null
    }
    expect(await eventsOf(without.url)).not.toHaveProperty('process.parent')
    const kept = await eventsOf(withItems.url)
    expect(kept).toHaveProperty('process.parent.name', 'jamf')
    expect(kept).toHaveProperty('host.os.type', 'macos')
    expect(kept).not.toHaveProperty('process.pid')
    expect(withItems.fields).toContain('process.parent.name')
  })
})

describe('a link never carries an item its reader would refuse', () => {
  it('leaves such an item out, says so, and the link opens with the others', async () => {
    const bad = { name: 'half made', entries: [{ field: 'host.name', operator: 'included', type: 'match_any', value: [] }] } as unknown as ExceptionItem
    const source: ShareSource = {
      language: 'kql', query: 'a:b', eventsText: '', settings: {}, kqlSettings: DEFAULT_KQL_DOCUMENT_SETTINGS, title: '', task: '', expectations: [],
      exceptions: [ITEMS[0] as ExceptionItem, bad], eventsFile: null,
    }
    const p = await prepareShareLink(source, DEFAULT_SHARE_OPTIONS, 'http://x/')
    expect(p.exceptionsLeftOut).toMatch(/One exception item is left out of the link \("half made"\)/)
    const r = await decodeShareLink(p.url)
    expect(r.ok && r.doc.exceptions).toEqual([ITEMS[0]])
    const fine = await prepareShareLink({ ...source, exceptions: ITEMS }, DEFAULT_SHARE_OPTIONS, 'http://x/')
    expect(fine.exceptionsLeftOut).toBeNull()
  })
})

