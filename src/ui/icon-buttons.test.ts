import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * A cheap guard before the browser checks (e2e/axe.ts): a <button> whose only content is a symbol
 * (×, ▾, ✓...) has no name a screen reader can say unless it carries aria-label or
 * aria-labelledby. Reads the JSX as text: an opening tag is scanned with its {...} expressions
 * balanced (they may hold `=>`), and only literal text content is judged, so a button showing an
 * expression is left to axe.
 */

const UI = new URL('.', import.meta.url).pathname

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsxFiles(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
  )
}

interface JsxButton {
  readonly attributes: string
  readonly content: string
  readonly line: number
}

/** Every `<button ...>content</button>` in `source`: its attribute text and its content. */
function buttonsIn(source: string): JsxButton[] {
  const out: JsxButton[] = []
  for (let at = source.indexOf('<button'); at >= 0; at = source.indexOf('<button', at + 1)) {
    if (/[\w-]/.test(source[at + 7] ?? '')) continue // <buttons, <button-x
    let i = at + 7
    let depth = 0
    for (; i < source.length; i++) {
      const c = source[i]
      if (c === '{') depth++
      else if (c === '}') depth--
      else if (c === '>' && depth === 0) break
    }
    const attributes = source.slice(at + 7, i)
    if (attributes.trimEnd().endsWith('/')) continue // self-closing: no content to judge
    const close = source.indexOf('</button>', i)
    if (close < 0) continue
    out.push({ attributes, content: source.slice(i + 1, close), line: source.slice(0, at).split('\n').length })
  }
  return out
}

/** True when the button shows only symbols (no letter or digit, no element, no expression). */
function isIconOnly(content: string): boolean {
  const text = content.trim()
  return text !== '' && !/[<{]/.test(text) && !/[\p{L}\p{N}]/u.test(text)
}

const named = (attributes: string): boolean => /\baria-(label|labelledby)=/.test(attributes)

describe('icon-only buttons', () => {
  it('finds buttons with arrow functions in their attributes', () => {
    const found = buttonsIn('<div><button type="button" onClick={() => a > b}>×</button><button aria-label="Open">▸</button></div>')
    expect(found.map((b) => [b.content, named(b.attributes), isIconOnly(b.content)])).toEqual([
      ['×', false, true],
      ['▸', true, true],
    ])
    expect(isIconOnly('Save')).toBe(false)
    expect(isIconOnly('{open ? "▾" : "▸"}')).toBe(false)
  })

  it('every icon-only <button> in src/ui has an aria-label', () => {
    const unnamed = tsxFiles(UI).flatMap((file) =>
      buttonsIn(readFileSync(file, 'utf8'))
        .filter((b) => isIconOnly(b.content) && !named(b.attributes))
        .map((b) => `${relative(UI, file)}:${b.line}: <button>${b.content.trim()}</button>`),
    )
    expect(unnamed).toEqual([])
  })

  it('sees the icon-only buttons the app has (the scan is not blind)', () => {
    const iconOnly = tsxFiles(UI).flatMap((file) => buttonsIn(readFileSync(file, 'utf8')).filter((b) => isIconOnly(b.content)))
    expect(iconOnly.length).toBeGreaterThan(0)
  })
})
