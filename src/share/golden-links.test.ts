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
  {
    // written when links started carrying exception items (one of each entry kind, OS-bound, with comments)
    link: '#v1.zQMBfxBTtVNNb9QwFPwr0RyrbNRFXPANKiqBBBw4NtHKtd9mTRM79ceSVZT_jl6S7W5XQOmBk_3keeN54_EAsrWxBIHrYl1cIwepAIF3xdup0k5BDGikrZOsGffw2DCqV9RF42yAuBtgZctnn99_uc2C8qaLgUE2ekMzYmuo0RDovFMUQtFJTzYWU2MO15GX0XkIGKuapEkjRzx0zNrKqHbIsZdN4vqHbLcYqxwubBjCF6CVygVUOUykdmP0glutMeZP-j4k0-hs58IkT9Ms1TgLgZtPmU_Wkv-Tcm77d70baQ8nzXdQZrVGzssbVCzp0hDp6_CcmfpL5p-m0Up6fWbG1Wql6T7VVzgnTYF8YfRLSqk3bAV7qVzbko3zyEsBAfeQdeSz799uMFZnTn6lECem3zm1NQ0VH_tYKKdpE0xtZUyeTvfav3VHn5bTV6Ui-kSLxiNTcMkrKkz3EldjQkQ-L2LAlB7ThSL28QQyHcaxYq8eE_kD27fnCCsZqXb-IJaXzKTV2fFV2S7hgpyTxhPvZ5cxlPO-hBhKHElKiPIYiRJjflYwjOkmyBNlCcZMn-kCwvEvMTIHR3c-dQsRzzShpn_DsLG0_13SvQy76S6M4y8',
    doc: {
      language: 'kql',
      query: 'event.category:process and process.name:osascript',
      events: '{"event":{"category":"process"},"process":{"name":"osascript","parent":{"name":"jamf"}},"host":{"os":{"type":"macos"}}}\n{"event":{"category":"process"},"process":{"name":"osascript","parent":{"name":"bash"}}}',
      exceptions: [
        { name: 'JAMF scripts', entries: [{ field: 'process.parent.name', operator: 'included', type: 'match', value: 'jamf' }], os_types: ['macos'], item_id: 'jamf-1' },
        {
          name: 'Build hosts',
          description: 'CI runners',
          entries: [
            { field: 'host.name', operator: 'included', type: 'match_any', value: ['ci-1', 'ci-2'] },
            { field: 'process.args', operator: 'excluded', type: 'wildcard', value: '*--debug*' },
            { field: 'user.id', operator: 'included', type: 'exists' },
          ],
          comments: [{ comment: 'ok per SOC' }],
        },
        {
          name: 'Nested',
          entries: [
            { field: 'file.Ext.code_signature', type: 'nested', entries: [{ field: 'trusted', operator: 'included', type: 'match', value: 'true' }] },
            { field: 'source.ip', operator: 'included', type: 'list', list: { id: 'ips.txt', type: 'ip' } },
          ],
        },
      ],
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
