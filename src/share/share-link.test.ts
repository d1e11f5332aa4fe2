import { describe, expect, it } from 'vitest'
import { ECS_VERSION } from '../engine/schema'
import { deflate, toBase64Url, frame } from './link-bytes'
import { linkLength } from './link-length'
import { keepOnlyFields } from './trim-events'
import { decodeShareLink, encodeShareLink, MAX_LINK_CHARS, SHARE_ENGINE_VERSION, type DecodeResult } from './share-link'
import { normalizeSharedDocument, type SharedDocument } from './shared-document'

/** A v1 link holding exactly this payload, for inputs the encoder would never write. */
async function linkOf(payload: unknown): Promise<string> {
  return `#v1.${toBase64Url(frame(await deflate(new TextEncoder().encode(JSON.stringify(payload)))))}`
}

const payloadOf = (doc: unknown): unknown => ({ engine: SHARE_ENGINE_VERSION, ecs: ECS_VERSION, doc })

function errorCode(result: DecodeResult): string {
  return result.ok ? 'ok' : result.error.code
}

const event = (i: number): string =>
  JSON.stringify({ '@timestamp': `2024-03-01T10:00:${String(i % 60).padStart(2, '0')}Z`, event: { category: 'process' }, host: { id: `h${i % 7}` }, process: { name: `p${i}`, args: ['-c', `echo ${i}`] } })

const DOCS: readonly SharedDocument[] = [
  { language: 'eql', query: '', events: '' },
  { language: 'kql', query: 'process.name:bash', events: '{"process":{"name":"bash"}}' },
  { language: 'eql', query: 'any where true', events: '[{"a":1},{"a":2}]', title: 'JSON array' },
  { language: 'kql', query: 'user.name:"Zoë 🦊" and message:*日本*', events: '{"user.name":"Zoë 🦊","message":"日本語 \\u0000 \\n"}', kqlSettings: { mappings: { 'user.name': 'keyword' } } },
  { language: 'eql', query: 'process where process.name : "x"', events: Array.from({ length: 5000 }, (_, i) => event(i)).join('\n'), eqlSettings: { size: 10, tiebreakerField: 'event.sequence' } },
  { language: 'kql', query: 'a:1', events: 'not json at all\n{"a":1}', kqlSettings: { now: '2024-01-01T00:00:00Z' }, expectations: [{ eventIndex: 1, expect: 'match', note: 'the only one' }] },
]

describe('encodeShareLink / decodeShareLink round trip', () => {
  it.each(DOCS.map((d, i) => [i, d] as const))('document %i comes back as it went', async (_, doc) => {
    const link = await encodeShareLink(doc)
    expect(link).toMatch(/^#v1\.[A-Za-z0-9_-]+$/)
    expect(await decodeShareLink(link)).toEqual({ ok: true, doc, warnings: [] })
  })

  it('opens a link given without its "#", or as a whole URL', async () => {
    const doc = DOCS[1] as SharedDocument
    const link = await encodeShareLink(doc)
    expect(await decodeShareLink(link.slice(1))).toMatchObject({ ok: true, doc })
    expect(await decodeShareLink(`https://example.test/playground/${link}`)).toMatchObject({ ok: true, doc })
  })

  it('compresses: big repetitive events give a much shorter link', async () => {
    const doc = DOCS[4] as SharedDocument
    const link = await encodeShareLink(doc)
    expect(link.length).toBeLessThan(doc.events.length / 4)
  })
})

describe('defaults are stripped', () => {
  it('leaves default settings and empty fields out of the link', async () => {
    const withDefaults: SharedDocument = {
      language: 'eql',
      query: 'any where true',
      events: '',
      eqlSettings: { eventCategoryField: 'event.category', timestampField: '@timestamp', tiebreakerField: null, size: null, resultPosition: 'tail', maxSamplesPerKey: 1 },
      kqlSettings: { mappings: {}, now: null },
      expectations: [],
      title: '',
      exceptions: [],
    }
    const bare: SharedDocument = { language: 'eql', query: 'any where true', events: '' }
    const link = await encodeShareLink(withDefaults)
    expect(link).toBe(await encodeShareLink(bare))
    expect(await decodeShareLink(link)).toEqual({ ok: true, doc: bare, warnings: [] })
  })

  it('keeps a setting that differs from its default, and only that one', async () => {
    const doc: SharedDocument = { language: 'eql', query: 'q', events: '', eqlSettings: { timestampField: '@timestamp', maxSamplesPerKey: 2 } }
    const result = await decodeShareLink(await encodeShareLink(doc))
    expect(result).toEqual({ ok: true, doc: { language: 'eql', query: 'q', events: '', eqlSettings: { maxSamplesPerKey: 2 } }, warnings: [] })
    expect(normalizeSharedDocument(doc)).toEqual(result.ok ? result.doc : null)
  })
})

describe('links that cannot be opened', () => {
  it.each([
    ['', 'empty'],
    ['#', 'empty'],
    ['   ', 'empty'],
    ['#hello-world', 'not-ours'],
    ['#section-2', 'not-ours'],
    ['#v0.abcd', 'not-ours'],
    ['#x1.q1ZKVLJSykjNyclXKM8v', 'not-ours'],
    ['#v9.q1ZKVLJSykjNyclXKM8v', 'future-version'],
    ['#v2.anything', 'future-version'],
    ['#v1.', 'truncated'],
    ['#v1', 'truncated'],
    ['#v', 'truncated'],
    ['#v1.abc!def', 'corrupted'],
    ['#v1.////////', 'corrupted'],
  ])('%j gives %s', async (fragment, code) => {
    const result = await decodeShareLink(fragment)
    expect(errorCode(result)).toBe(code)
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10)
  })

  it('a link cut short is "truncated"', async () => {
    const link = await encodeShareLink(DOCS[4] as SharedDocument)
    for (const cut of [20, 100, Math.floor(link.length / 2), link.length - 8]) {
      expect(errorCode(await decodeShareLink(link.slice(0, cut))), `cut at ${cut}`).toBe('truncated')
    }
  })

  it('a link with one character changed anywhere never opens a document: the checksum catches it', async () => {
    const link = await encodeShareLink(DOCS[3] as SharedDocument)
    for (let at = 4; at < link.length; at++) {
      const damaged = `${link.slice(0, at)}${link[at] === 'B' ? 'C' : 'B'}${link.slice(at + 1)}`
      // A change in the announced length (the first bytes) may read as a cut link; either way nothing opens.
      const expected = at < 4 + 3 ? ['corrupted', 'truncated'] : ['corrupted']
      expect(expected, `changed at ${at}`).toContain(errorCode(await decodeShareLink(damaged)))
    }
  })

  it('damage that breaks the compressed data is "corrupted"', async () => {
    // 0x07 starts a final block of type 3, which deflate does not have; the frame itself is sound.
    const broken = `#v1.${toBase64Url(frame(new Uint8Array([0x07, 0, 0, 0, 0, 0])))}`
    expect(errorCode(await decodeShareLink(broken))).toBe('corrupted')
  })

  it('valid deflate of something that is not JSON is "corrupted"', async () => {
    const link = `#v1.${toBase64Url(frame(await deflate(new TextEncoder().encode('{"doc": {"language": "eql", '))))}`
    expect(errorCode(await decodeShareLink(link))).toBe('corrupted')
  })

  it('refuses a link over 2 MB before decoding it', async () => {
    expect(errorCode(await decodeShareLink(`#v1.${'A'.repeat(MAX_LINK_CHARS)}`))).toBe('too-large')
  })

  it('stops inflating a small link that expands past the limit', async () => {
    const bomb = `#v1.${toBase64Url(frame(await deflate(new Uint8Array(4 * 1024 * 1024))))}`
    expect(bomb.length).toBeLessThan(10_000)
    expect(errorCode(await decodeShareLink(bomb, { maxDecompressedBytes: 1024 * 1024 }))).toBe('too-large')
  })

  it('stops a real "zip bomb" at the default 50 MB limit', async () => {
    const bomb = `#v1.${toBase64Url(frame(await deflate(new Uint8Array(60 * 1024 * 1024))))}`
    expect(errorCode(await decodeShareLink(bomb))).toBe('too-large')
  })

  it.each([
    ['a JSON string', 'hello'],
    ['no document', { engine: '0.1.0' }],
    ['a document that is a list', payloadOf([1, 2])],
    ['no language', payloadOf({ query: 'a' })],
    ['an unknown language', payloadOf({ language: 'sql' })],
    ['a query that is a number', payloadOf({ language: 'eql', query: 42 })],
    ['events that are an array', payloadOf({ language: 'eql', events: [{}] })],
    ['EQL settings that are a string', payloadOf({ language: 'eql', eqlSettings: 'fast' })],
    ['a fractional size', payloadOf({ language: 'eql', eqlSettings: { size: 1.5 } })],
    ['a negative size', payloadOf({ language: 'eql', eqlSettings: { size: -1 } })],
    ['a bad result position', payloadOf({ language: 'eql', eqlSettings: { resultPosition: 'middle' } })],
    ['zero samples per key', payloadOf({ language: 'eql', eqlSettings: { maxSamplesPerKey: 0 } })],
    ['a numeric tiebreaker', payloadOf({ language: 'eql', eqlSettings: { tiebreakerField: 3 } })],
    ['a mapping that is not text', payloadOf({ language: 'kql', kqlSettings: { mappings: { a: 1 } } })],
    ['a numeric now', payloadOf({ language: 'kql', kqlSettings: { now: 0 } })],
    ['expectations that are an object', payloadOf({ language: 'kql', expectations: {} })],
    ['an expectation without an event', payloadOf({ language: 'kql', expectations: [{ expect: 'match' }] })],
    ['an unknown outcome', payloadOf({ language: 'kql', expectations: [{ eventIndex: 0, expect: 'maybe' }] })],
    ['a note that is not text', payloadOf({ language: 'kql', expectations: [{ eventIndex: 0, expect: 'match', note: ['x'] }] })],
    ['a title that is an object', payloadOf({ language: 'kql', title: {} })],
  ])('a document with %s is "invalid-document"', async (_, payload) => {
    const result = await decodeShareLink(await linkOf(payload))
    expect(errorCode(result)).toBe('invalid-document')
  })

  it('ignores unknown extra fields', async () => {
    const result = await decodeShareLink(await linkOf({ ...(payloadOf({ language: 'kql', query: 'a:1', future: { x: 1 } }) as object), extra: true }))
    expect(result).toEqual({ ok: true, doc: { language: 'kql', query: 'a:1', events: '' }, warnings: [] })
  })
})

describe('version warnings', () => {
  it('warns when the link was written by another engine or ECS version', async () => {
    const result = await decodeShareLink(await linkOf({ engine: '0.0.1', ecs: '8.0.0', doc: { language: 'eql', query: 'any where true' } }))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.warnings).toHaveLength(2)
    expect(result.warnings.join(' ')).toContain('0.0.1')
    expect(result.warnings.join(' ')).toContain('8.0.0')
  })
})

describe('link length', () => {
  it('a realistic small example fits a chat message', async () => {
    const doc: SharedDocument = {
      language: 'eql',
      query: 'process where host.os.type == "macos" and event.type == "start" and process.name == "defaults" and process.args : ("write", "-g") and process.args : ("LoginHook", "LogoutHook")',
      events: [
        '{"@timestamp":"2024-03-01T10:00:00Z","event":{"category":"process","type":"start"},"host":{"os":{"type":"macos"}},"process":{"name":"defaults","args":["defaults","write","com.apple.loginwindow","LoginHook","/tmp/x.sh"]}}',
        '{"@timestamp":"2024-03-01T10:01:00Z","event":{"category":"process","type":"start"},"host":{"os":{"type":"macos"}},"process":{"name":"defaults","args":["defaults","read","com.apple.loginwindow"]}}',
      ].join('\n'),
      expectations: [
        { eventIndex: 0, expect: 'match', note: 'sets a login hook' },
        { eventIndex: 1, expect: 'no-match', note: 'only reads' },
      ],
    }
    const link = await encodeShareLink(doc)
    const measured = linkLength(link, 'https://rule-playground.example/')
    expect(measured.length).toBe(link.length + 'https://rule-playground.example/'.length)
    expect(measured.length).toBeLessThan(1000)
    expect(measured.fitsChat).toBe(true)
  })

  it('reports each limit', () => {
    expect(linkLength('#'.repeat(1999)).limits.map((l) => l.fits)).toEqual([true, true])
    expect(linkLength('#'.repeat(2001))).toMatchObject({ fitsChat: false, fitsIssueTracker: true })
    expect(linkLength('#'.repeat(8001))).toMatchObject({ fitsChat: false, fitsIssueTracker: false })
  })

  it('keeping only the fields the query uses brings full Elastic Defend-like events under the chat limit', async () => {
    const full = (i: number): string =>
      JSON.stringify({
        '@timestamp': `2024-03-01T10:0${i}:00.${100 + i}Z`,
        agent: { id: `a1b2c3d4-${i}000-4e5f-8a9b-0c1d2e3f4a5b`, type: 'endpoint', version: '8.12.0' },
        event: { category: ['process'], type: ['start'], action: 'exec', id: `MfX${i}Q2bQ`, dataset: 'endpoint.events.process' },
        host: { id: `host-${i % 2}`, name: `mac-${i % 2}.corp.example`, os: { type: 'macos', version: '14.3', family: 'macos', kernel: '23.3.0' } },
        process: {
          name: i % 2 ? 'defaults' : 'launchctl',
          pid: 1000 + i,
          executable: '/usr/bin/defaults',
          args: ['defaults', 'write', 'com.apple.loginwindow', i % 3 ? 'LoginHook' : 'AutoLaunchedApplicationDictionary', `/Users/u${i}/hook.sh`],
          parent: { name: 'zsh', pid: 900 + i, executable: '/bin/zsh' },
          code_signature: { signing_id: 'com.apple.defaults', team_id: '', trusted: true },
          // distinct per event, as real hashes and ids are: they do not compress away
          hash: { sha256: Array.from({ length: 8 }, (_, k) => ((Math.imul(i + 1, 2654435761) ^ Math.imul(k + 1, 40503)) >>> 0).toString(16).padStart(8, '0')).join('') },
        },
        user: { name: `u${i}`, id: `50${i}` },
      })
    const events = Array.from({ length: 20 }, (_, i) => full(i)).join('\n')
    const query = 'process where host.os.type == "macos" and event.type == "start" and process.name == "defaults" and process.args : ("LoginHook", "LogoutHook")'
    const fields = ['@timestamp', 'event.category', 'host.os.type', 'event.type', 'process.name', 'process.args']
    const before = linkLength(await encodeShareLink({ language: 'eql', query, events }))
    const after = linkLength(await encodeShareLink({ language: 'eql', query, events: keepOnlyFields(events, fields) }))
    expect(before.fitsChat).toBe(false)
    expect(after.fitsChat).toBe(true)
    expect(after.length).toBeLessThan(before.length / 2)
  })
})
