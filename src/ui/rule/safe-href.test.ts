import { describe, expect, it } from 'vitest'
import { safeHref } from './safe-href'

describe('safeHref', () => {
  it('links absolute http(s) URLs only, normalised', () => {
    expect(safeHref(' https://example.org/a b ')).toBe('https://example.org/a%20b')
    expect(safeHref('HTTP://Example.org')).toBe('http://example.org/')
    for (const text of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/local', '//evil.example/x', 'example.org', '', 'https://'])
      expect(safeHref(text), text).toBeNull()
  })

  it('links mailto: only where asked (the investigation guide)', () => {
    expect(safeHref('mailto:soc@example.org')).toBeNull()
    expect(safeHref('mailto:soc@example.org', { mailto: true })).toBe('mailto:soc@example.org')
  })
})
