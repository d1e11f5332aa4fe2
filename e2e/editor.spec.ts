import type { Page } from '@playwright/test'
import { macosEvents } from './macos-events'
import { expect, hoverUntil, runStatus, setEvents, setQuery, test } from './fixtures'

/**
 * The Monaco query editor: real typing, markers at the diagnostic's span, the problems list,
 * completion, hover, format document, theme, and Monaco staying out of the initial chunk.
 * Monaco is read only through the documented test hook `window.__rp` (src/editor/test-hook.ts).
 */

const queryBox = (page: Page) => page.getByRole('textbox', { name: 'Rule query', exact: true })
const problems = (page: Page) => page.getByRole('list', { name: 'Problems' }).getByRole('listitem')

/** The query editor's diagnostic markers (owner 'rule'), as plain data. */
function markers(page: Page) {
  return page.evaluate(() =>
    (window.__rp?.monaco.editor.getModelMarkers({ owner: 'rule' }) ?? []).map((m) => ({
      line: m.startLineNumber,
      column: m.startColumn,
      endLine: m.endLineNumber,
      endColumn: m.endColumn,
      severity: m.severity,
      message: m.message,
    })),
  )
}

/** Replaces the query by typing it, as a user does (select all, then type). */
async function typeQuery(page: Page, text: string): Promise<void> {
  await queryBox(page).focus()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
}

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect(queryBox(page)).toBeVisible()
})

test('typing a syntax error marks its span and lists it; the entry jumps there; a fix clears both', async ({ page }) => {
  await setEvents(page, macosEvents)
  await typeQuery(page, 'process where\nprocess.name == "defaults" and where')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'error')
  // the second `where` (line 2, columns 32-37) is where the parser finds no operand
  await expect.poll(() => markers(page)).toEqual([
    expect.objectContaining({ line: 2, column: 32, endLine: 2, endColumn: 37, severity: 8, message: expect.stringMatching(/^EQL1\d{3}: \S/) }),
  ])
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1)
  await expect(problems(page)).toHaveCount(1)
  await expect(problems(page).first()).toContainText(/^EQL1\d{3} 2:32 \S/)

  // move the cursor away, then jump back through the problems list
  await page.evaluate(() => window.__rp?.queryEditor?.setPosition({ lineNumber: 1, column: 1 }))
  await problems(page).first().getByRole('button').click()
  await expect(queryBox(page)).toBeFocused()
  const selection = await page.evaluate(() => window.__rp?.queryEditor?.getSelection())
  expect(selection).toMatchObject({ startLineNumber: 2, startColumn: 32, endLineNumber: 2, endColumn: 37 })

  // a valid edit (typing over the selected `where`) clears the marker and the list
  await page.keyboard.type('process.pid > 0')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  await expect.poll(() => markers(page)).toEqual([])
  await expect(problems(page)).toHaveCount(0)
  await expect(page.evaluate(() => window.__rp?.queryEditor?.getValue())).resolves.toBe(
    'process where\nprocess.name == "defaults" and process.pid > 0',
  )
})

test('completion offers a field of the loaded events, an ECS field and the values seen for a field', async ({ page }) => {
  await setEvents(page, [{ ...macosEvents[0], acme: { team: 'blue' } }])
  await setQuery(page, 'process where ')
  await expect(runStatus(page)).not.toHaveAttribute('data-run-status', 'running')
  await page.evaluate(() => {
    const editor = window.__rp?.queryEditor
    editor?.setPosition({ lineNumber: 1, column: 15 })
    editor?.focus()
  })
  await page.keyboard.type('acme.')
  await page.keyboard.press('ControlOrMeta+Space')
  const suggest = page.locator('.monaco-editor .suggest-widget')
  await expect(suggest.getByRole('option', { name: 'acme.team, Field' })).toBeVisible()

  await page.keyboard.press('Escape')
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('process where process.parent.exec')
  await page.keyboard.press('ControlOrMeta+Space')
  await expect(suggest.getByRole('option', { name: 'process.parent.executable, Field' })).toBeVisible()

  // values seen in the events for the field before the cursor
  await page.keyboard.press('Escape')
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('process where acme.team == ')
  await page.keyboard.press('ControlOrMeta+Space')
  await expect(suggest.getByRole('option', { name: /^"blue", Value/ })).toBeVisible()
})

test('hovering process.name shows its ECS description, and a string literal how it is compared', async ({ page }) => {
  await setQuery(page, 'process where process.name == "sh"')
  await hoverUntil(page, 1, 17, page.locator('.monaco-hover').filter({ hasText: 'Process name' }))

  // a string literal: how it is compared under its operator
  await hoverUntil(page, 1, 33, page.locator('.monaco-hover').filter({ hasText: /Under ==.*case-sensitive/ }))
})

test('format document rewrites the query canonically', async ({ page }) => {
  await setQuery(page, 'process   where process.name=="defaults"\n   and process.args : "LoginHook"')
  await queryBox(page).focus()
  await page.keyboard.press('Shift+Alt+F')
  await expect
    .poll(() => page.evaluate(() => window.__rp?.queryEditor?.getValue()))
    .toBe('process where process.name == "defaults" and process.args : "LoginHook"')
})

test('the editor follows a dark system theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('.monaco-editor.vs-dark').first()).toBeVisible()
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('.monaco-editor.vs-dark')).toHaveCount(0)
})

test('Monaco is not in the initial chunk: it loads as a separate chunk', async ({ page, request }) => {
  // the entry script named by index.html, fetched as the browser did
  const html = await (await request.get('/')).text()
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1]
  expect(entry).toBeTruthy()
  const entryJs = await (await request.get(entry ?? '')).text()
  // a string only Monaco's core carries
  expect(entryJs).not.toContain('editorWorkerService')
  expect(entryJs.length).toBeLessThan(1_000_000)
  const chunks = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))
  expect(chunks.some((url) => /\/assets\/editor-[^/]*\.js$/.test(url))).toBe(true)
})

test('hovering a matched field in the results highlights its clause in the query', async ({ page }) => {
  await setEvents(page, macosEvents)
  await setQuery(page, 'process where process.name == "defaults" and process.args == "LoginHook"')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const row = page.getByRole('list', { name: 'Results' }).locator('[data-match="true"]').first()
  await row.getByRole('button', { name: 'Fields' }).click()
  const highlighted = () =>
    page.evaluate(() => {
      const model = window.__rp?.queryEditor?.getModel()
      const decorations = model?.getAllDecorations().filter((d) => d.options.className === 'rp-hovered-span') ?? []
      return decorations.map((d) => model?.getValueInRange(d.range))
    })
  await row.getByRole('tree', { name: 'Fields of event 0' }).locator('[data-field="process.name"] > .field').hover()
  await expect.poll(highlighted).toEqual([expect.stringMatching(/^process\.name\b/)])
  await expect(page.locator('.monaco-editor .rp-hovered-span')).toHaveCount(1)
  await page.getByTestId('match-count').hover()
  await expect.poll(highlighted).toEqual([])
})

test('KQL: the editor switches language with the rule and marks KQL errors', async ({ page }) => {
  await page.getByRole('radio', { name: 'KQL' }).check()
  await setQuery(page, 'process.name: sh and )')
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'error')
  await expect.poll(() => page.evaluate(() => window.__rp?.queryEditor?.getModel()?.getLanguageId())).toBe('kql')
  await expect.poll(() => markers(page)).toEqual([
    expect.objectContaining({ line: 1, column: 22, endLine: 1, endColumn: 23, severity: 8, message: expect.stringMatching(/^KQL1\d{3}: \S/) }),
  ])
  await expect(problems(page).first()).toContainText(/^KQL1\d{3} 1:22 \S/)
})

test('hovering a matched clause in the query lights up the fields it matched in the results', async ({ page }) => {
  await setEvents(page, macosEvents)
  const query = 'process where process.name == "defaults" and process.args == "LoginHook"'
  await setQuery(page, query)
  await expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle')
  const row = page.getByRole('list', { name: 'Results' }).locator('[data-match="true"]').first()
  await row.getByRole('button', { name: 'Fields' }).click()
  const field = row.getByRole('tree', { name: 'Fields of event 0' }).locator('[data-field="process.args"]').first()
  await expect(field).toBeVisible()
  // screen point of a character inside `process.args == "LoginHook"`, through the test hook
  const column = query.indexOf('process.args') + 4
  const point = await page.evaluate((col) => {
    const editor = window.__rp?.queryEditor
    const pos = editor?.getScrolledVisiblePosition({ lineNumber: 1, column: col })
    const box = editor?.getDomNode()?.getBoundingClientRect()
    return pos && box ? { x: box.left + pos.left + 2, y: box.top + pos.top + pos.height / 2 } : null
  }, column)
  expect(point).not.toBeNull()
  await page.mouse.move(point!.x, point!.y)
  await expect(row.locator('[data-field="process.args"] > [data-linked]').first()).toBeVisible()
  await page.getByTestId('match-count').hover()
  await expect(row.locator('[data-linked]')).toHaveCount(0)
})
