import { describe, expect, it } from 'vitest'
import type { SharedDocument } from './shared-document'
import { decodeShareLink, encodeShareLink } from './share-link'

/**
 * Golden links: literal links written once by format v1 and committed. They must keep decoding
 * to the same documents forever, whatever the encoder writes today. NEVER edit a link or its
 * document; when the format changes, add the new version's links next to these.
 */

const GOLDEN_V1: readonly { readonly link: string; readonly doc: SharedDocument }[] = [
  {
    link: '#v1.4QGxGioxXY7BasMwEER_xcxZVuQ0lwoCPfSYY0_t9rCVF8dgyY5kNzXG_17khBIKC8ssb5m3QELTBoGF0ZU2UBCXYPGsD1uqewe7oOPQTNxkTi4dFC6TxBkWQ-ydpFRczxKluCcd2EtxPBaEjqfgzm7sCAWH-o_g2KTCZqDnmpB7vyWMuXohvIytlzSyHwiWsDf7Q2meSlO9VcaaPO8ERbcfgl0Ijkdp-jhvD_cWwqoeQsay2YY8iClC1iHYj__3m50ilNdt7U7tV-Q4704b9sri-5B2rvdaftgPneiha9NI-FxXrOsv',
    doc: {
      language: 'eql',
      query: 'process where process.name == "launchctl" and process.args : "load"',
      events: '{"@timestamp":"2024-03-01T10:00:00Z","event":{"category":"process"},"process":{"name":"launchctl","args":["launchctl","load","-w","/Library/LaunchDaemons/com.example.plist"]}}',
    },
  },
  {
    link: '#v1.3QKRHmdklZCxTsMwEIZfxfonQGnqFBY8syCxwQRhcN0jiUhs13ZLqygS71AkFsTGgph5Ad6kQ8VjIKdCAiSQWKyz7_7vs64F6aLSBAGeZilHAlIeAofpQX-bGAXRopa6mMkizl1PayTxPKUQKl342G-ktZ-1NzOnKLXGBQjURhfoEmhzA4ERHx0M-P6AZ2fZSHAuOD-PXVpYUkGGymgPcdGC5qTDsZ7QAoJ_9iHQyKBKRFyIn5HMl1TX7MZVgTyTbCKpMRpd8h2RfUFoM9hSussEoQp1BB31OXZV1eTZ-vaObe6fNg8v78-PSDCdkVtCbImpkoEK45YiDjOpJ30qtTKUYnhSjZ10y-GJnGlVbql-uNePaROYdUaR96mWDYkdZZlxrJnvxr1HeFx9m_8Q5RA5oiNHsi16Wf_8i3CR2rryoQ98VfaZsfRlji7X_zOFxg7fXtn6dsXWD6u_BMrm6NB1Hw',
    doc: {
      language: 'kql',
      query: 'event.category:file and file.path:/Library/LaunchDaemons/* and not process.name:(cp or mv)',
      events: '{"event.category":"file","file.path":"/Library/LaunchDaemons/x.plist","process.name":"bash"}\n{"event.category":"file","file.path":"/tmp/ö – ✓.plist","process.name":"cp"}',
      kqlSettings: { mappings: { 'source.port': 'long' }, now: '2024-03-01T12:00:00Z' },
      expectations: [
        { eventIndex: 0, expect: 'match', note: 'a shell writes a daemon' },
        { eventIndex: 1, expect: 'no-match' },
      ],
      title: 'Daemon files — 日本語',
    },
  },
  {
    link: '#v1.zwEq4_V8TYyxasMwFEV_RdzZGJekQwWdCl26BDKGDop9a4vKkq333MQN_vdig6HjPfdwHmBsfSQsqvKprFCAtcDipTxuq0k17APBxXZy7epxDKs1hjNVfWxl_fnDqG9O2aY8v3uGBha1UxRQ31PU9cOOVTbKa6b7Zt7xliiF48RYEwXE_xL2uUCmTEFPSbz6FGHR0TUo0Lv72fVDoJyYPzjDHpYC48Q8w2IvmetsuiRa-sbcvHamd3cZXHw9VGIuXz7Q3DpmGs0TP81lyKmmyH-IZfkD',
    doc: {
      language: 'eql',
      query: 'sequence by host.id with maxspan=30s [file where true] [process where true]',
      events: '',
      eqlSettings: { tiebreakerField: 'event.sequence', size: 5, resultPosition: 'head', maxSamplesPerKey: 3, timestampField: 'ts', eventCategoryField: 'cat' },
    },
  },
]

describe('golden links, format v1', () => {
  it.each(GOLDEN_V1.map((g, i) => [i, g] as const))('golden link %i decodes to its document', async (_, { link, doc }) => {
    const result = await decodeShareLink(link)
    expect(result).toEqual({ ok: true, doc, warnings: [] })
  })

  it('this build still writes format v1, so each golden document encodes to a link that opens it', async () => {
    for (const { doc } of GOLDEN_V1) {
      const link = await encodeShareLink(doc)
      expect(link.startsWith('#v1.')).toBe(true)
      expect(await decodeShareLink(link)).toEqual({ ok: true, doc, warnings: [] })
    }
  })
})
