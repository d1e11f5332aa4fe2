import { describe, expect, it } from 'vitest'
import { ECS_VERSION } from '../engine/schema'
import { openedDocumentOf } from './document-link'
import { deflate, frame, toBase64Url } from './link-bytes'
import { decodeShareLink, encodeShareLink, SHARE_ENGINE_VERSION } from './share-link'
import type { SharedDocument } from './shared-document'

/**
 * Issue 9: links are crafted by anyone. Script in any text must come back as the same text (the
 * codec neither runs, strips nor mangles it: showing it as text is the views' job, tested in
 * e2e/hostile-input.spec.ts); prototype keys must not reach Object.prototype; deep nesting and odd
 * Unicode must end in a document or an error, never an exception.
 */

/** A v1 link holding exactly this JSON text, for payloads the encoder would never write. */
async function linkOfText(json: string): Promise<string> {
  return `#v1.${toBase64Url(frame(await deflate(new TextEncoder().encode(json))))}`
}

const XSS = `<img src=x onerror="alert(1)"><script>alert(2)</script>[l](javascript:alert(3))\`<svg onload=alert(4)>\``

const HOSTILE: SharedDocument = {
  language: 'kql',
  query: `message:"${XSS.replace(/"/g, '\\"')}"`,
  events: JSON.stringify({ [XSS]: XSS, nested: { [`a.${XSS}`]: [XSS] }, lone: '\ud800', nul: '\u0000' }),
  kqlSettings: { mappings: { [XSS]: 'keyword' }, now: XSS },
  eqlSettings: { timestampField: XSS, eventCategoryField: XSS, tiebreakerField: XSS },
  expectations: [{ eventIndex: 0, expect: 'match', note: XSS }],
  title: XSS,
  task: XSS,
  exceptions: [{ name: XSS, description: XSS, comments: [{ comment: XSS }], entries: [{ field: XSS, operator: 'included', type: 'match', value: XSS }] }],
}

const polluted = () => ({}) as Record<string, unknown>

describe('hostile share links', () => {
  it('carry script in every text field through unchanged, into the document the store opens', async () => {
    const decoded = await decodeShareLink(await encodeShareLink(HOSTILE))
    expect(decoded).toEqual({ ok: true, doc: HOSTILE, warnings: [] })
    if (!decoded.ok) return
    const opened = openedDocumentOf(decoded.doc)
    expect(opened).toMatchObject({ title: XSS, task: XSS, eventsText: HOSTILE.events, kqlSettings: { mappings: { [XSS]: 'keyword' }, now: XSS } })
    expect(opened.exceptions?.[0]).toMatchObject({ name: XSS, entries: [{ field: XSS, value: XSS }] })
    expect(opened.expectations?.[0]?.note).toBe(XSS)
  })

  it('never pollute Object.prototype through __proto__ or constructor keys', async () => {
    const proto = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}'
    const json = `{"engine":"${SHARE_ENGINE_VERSION}","ecs":"${ECS_VERSION}","__proto__":{"polluted":"yes"},"doc":{"language":"eql","query":"any where true","events":"","__proto__":{"polluted":"yes"},"eqlSettings":${proto},"kqlSettings":{"mappings":${proto}},"expectations":[{"eventIndex":0,"expect":"match","__proto__":{"polluted":"yes"}}],"exceptions":[{"name":"x","entries":[],"__proto__":{"polluted":"yes"}}]}}`
    const decoded = await decodeShareLink(await linkOfText(json))
    expect(polluted().polluted).toBeUndefined()
    if (decoded.ok) {
      const opened = openedDocumentOf(decoded.doc)
      expect(Object.getPrototypeOf(opened.kqlSettings?.mappings)).toBe(Object.prototype)
      expect((opened.kqlSettings?.mappings as Record<string, unknown>).polluted).toBeUndefined()
      expect((opened.settings as Record<string, unknown>).polluted).toBeUndefined()
    }
    expect(polluted().polluted).toBeUndefined()
  })

  it('end deep nesting in a result, not an exception', async () => {
    for (const depth of [1000, 100_000]) {
      const deep = `{"engine":"${SHARE_ENGINE_VERSION}","doc":{"language":"eql","query":"q","extra":${'['.repeat(depth)}${']'.repeat(depth)}}}`
      const decoded = await decodeShareLink(await linkOfText(deep))
      // an unknown extra field is ignored when the parser can read it; past its depth, the link is refused
      expect(decoded.ok || decoded.error.code === 'corrupted', `depth ${depth}`).toBe(true)
    }
  })

  it('refuse a document whose texts are not text, naming the field', async () => {
    for (const [field, value] of [['title', { toString: 'x' }], ['task', ['<script>']], ['query', { __proto__: null }], ['events', 1e308]] as const) {
      const json = JSON.stringify({ engine: SHARE_ENGINE_VERSION, ecs: ECS_VERSION, doc: { language: 'eql', query: 'q', [field]: value } })
      const decoded = await decodeShareLink(await linkOfText(json))
      expect(decoded.ok, field).toBe(false)
      if (!decoded.ok) expect(decoded.error.code).toBe('invalid-document')
    }
  })

  it('refuse invalid UTF-8 inside a well-formed frame as damaged', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])
    const decoded = await decodeShareLink(`#v1.${toBase64Url(frame(await deflate(bytes)))}`)
    expect(decoded.ok ? 'ok' : decoded.error.code).toBe('corrupted')
  })
})
