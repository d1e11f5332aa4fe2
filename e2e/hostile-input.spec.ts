import { gzipSync } from 'node:zlib'
import { closeSync, mkdtempSync, openSync, rmSync, ftruncateSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { ExceptionItem } from '../src/engine'
import type { SharedDocument } from '../src/share/shared-document'
import { expect, results, runStatus, setEvents, setQuery, test } from './fixtures'

/**
 * Hostile input (issue 9): share links, imported rules and event files come from chat, tickets and
 * compromised machines. Every text they carry that the page shows (title, task, expected-outcome
 * notes, exception items, rule name, description, investigation guide, MITRE names, tags, field
 * names and values, file names) holds script payloads; each must show as text and none may run:
 * no element of a payload in the DOM, no inline handler, no javascript:/data: link, no dialog,
 * and the flag every payload would set stays unset. The fixture's guard adds: no request to
 * another origin (an <img> would fetch), no console or page error. Then event files the page must
 * refuse (1 GB, gzip, PNG) and pasted binary text.
 */

// Cold starts (the dev server transforming the link code, the import dialog's engine modules).
test.slow()

/** Every payload sets this window property (and opens a dialog) if it ever runs. */
const FLAG = '__pwned'
const run = (where: string) => `window.${FLAG}='${where}';alert('${where}')`
// No double quotes: values stay plain inside EQL strings and the field tree's JSON rendering.
const img = (where: string) => `<img src=x onerror=${run(where)}>`
const script = (where: string) => `<script>${run(where)}</script>`
const svg = (where: string) => `<svg onload=${run(where)}>`
const iframe = (where: string) => `<iframe src=javascript:${run(where)}></iframe>`

const at = (s: number): string => `2024-05-02T10:00:${String(s).padStart(2, '0')}Z`

/** Collects dialogs (alert, confirm, prompt): a payload that ran would open one. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  return dialogs
}

/**
 * Nothing from a payload became live: no inline event handler on any element, no script, frame
 * or object carrying the flag, no javascript:/data:/vbscript: URL in a link or source, and the
 * flag unset. Attributes that hold a payload as text (title, aria-label) are fine: they are text.
 */
async function expectInert(page: Page, dialogs: readonly string[]): Promise<void> {
  const found = await page.evaluate((flag) => {
    const bad: string[] = []
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase()
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`<${tag} ${a.name}=${a.value}>`)
        const url = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data'].includes(a.name)
        if (url && /^\s*(javascript|vbscript):/i.test(a.value)) bad.push(`<${tag} ${a.name}=${a.value}>`)
        // data: URLs in content elements (the page's own <link rel=icon href="data:,"> is not content)
        if (url && tag !== 'link' && /^\s*data:/i.test(a.value)) bad.push(`<${tag} ${a.name}=${a.value}>`)
      }
      if (['script', 'iframe', 'object', 'embed', 'frame', 'img', 'svg', 'video', 'audio', 'base', 'meta', 'link', 'style', 'form'].includes(tag) && el.outerHTML.includes(flag)) bad.push(el.outerHTML.slice(0, 120))
    }
    return { bad, flag: (window as unknown as Record<string, unknown>)[flag] ?? null }
  }, FLAG)
  expect(found.bad, 'live elements from a payload').toEqual([])
  expect(found.flag, 'the flag a payload would set').toBeNull()
  expect(dialogs, 'dialogs a payload would open').toEqual([])
}

const idle = (page: Page) => expect(runStatus(page)).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 })
const matchCount = (page: Page) => page.getByTestId('match-count')
const row = (page: Page, i: number) => results(page).locator(`[data-event-index="${i}"]`)

/** Opens event `i`'s field tree with every branch expanded. */
async function fieldTree(page: Page, i: number) {
  await row(page, i).getByRole('button', { name: 'Fields' }).click()
  const tree = row(page, i).getByRole('tree', { name: `Fields of event ${i}` })
  await expect(tree).toBeVisible()
  const expand = tree.getByRole('button', { name: /^Expand / })
  while ((await expand.count()) > 0) await expand.first().click()
  return tree
}

// ---- a share link whose every text is hostile ----

const FIELD = svg('field name')
const NAME = img('process.name')
const ARGS = script('process.args')
const HOST = iframe('host.name')
const MD_VALUE = `[click](javascript:${run('markdown value')})`
const TITLE = `${script('title')} Hostile title`
const TASK = `Check ${img('task')} and \`${script('task code')}\` and [here](javascript:${run('task link')})`
const NOTE = img('expectation note')
const EXCEPTION: ExceptionItem = {
  name: `${img('exception name')} JAMF`,
  description: script('exception description'),
  entries: [{ field: 'host.name', operator: 'included', type: 'match', value: `${svg('exception value')} none` }],
  comments: [{ comment: script('exception comment') }],
}
const LINK_EVENTS = [
  { '@timestamp': at(1), event: { category: 'process' }, host: { name: HOST }, process: { name: NAME, args: [ARGS, `javascript:${run('arg url')}`] }, [FIELD]: MD_VALUE },
  { '@timestamp': at(2), event: { category: 'process' }, host: { name: HOST }, process: { name: NAME, args: ['other'] }, [FIELD]: 'b' },
]
const BAD_LINE = script('bad line')
const LINK_DOC: SharedDocument = {
  language: 'eql',
  query: `process where process.name == "${NAME}" and process.args == "${ARGS}"`,
  events: [...LINK_EVENTS.map((e) => JSON.stringify(e)), BAD_LINE].join('\n'),
  title: TITLE,
  task: TASK,
  expectations: [{ eventIndex: 0, expect: 'match', note: NOTE }],
  exceptions: [EXCEPTION],
}

test('a share link carrying script in every text shows it all as text and runs none of it', async ({ page }) => {
  const dialogs = watchDialogs(page)
  const { encodeShareLink } = await import('../src/share/share-link')
  await page.goto(`/${await encodeShareLink(LINK_DOC)}`)
  await idle(page)
  await expect(matchCount(page)).toHaveText(/^1 match of 2 events/)

  // title and task
  const about = page.getByTestId('document-about')
  await expect(about).toContainText(TITLE)
  await about.locator('summary').click()
  const task = page.getByTestId('document-task')
  await expect(task).toContainText(img('task'))
  await expect(task).toContainText(script('task code'))
  await expect(task).toContainText(`[here](javascript:${run('task link')})`)
  await expect(task.getByRole('link')).toHaveCount(0)

  // the matched event's field tree: hostile field name and values as text
  const tree = await fieldTree(page, 0)
  for (const text of [FIELD, NAME, ARGS, HOST, MD_VALUE]) await expect(tree).toContainText(text)
  await expect(tree.getByRole('link')).toHaveCount(0)

  // Why? for the event that fails one clause, and the near misses naming it
  await row(page, 1).locator('.event-index').click()
  const explain = page.getByTestId('explain')
  await expect(explain).toHaveAttribute('data-status', 'ready', { timeout: 30_000 })
  await expect(explain).toContainText(ARGS)
  await expect(explain).toContainText(NAME)
  const nearMisses = page.getByTestId('near-misses')
  await nearMisses.locator('summary').click()
  await expect(nearMisses).toContainText(ARGS)
  await expect(nearMisses.getByRole('button', { name: '#1', exact: true })).toBeVisible()

  // the exception item, its entry's value, and the expectation's note (a tooltip: text in title)
  const exceptions = page.getByTestId('exceptions')
  await expect(exceptions.getByTestId('exception-item')).toContainText(EXCEPTION.name)
  await expect(exceptions.getByTestId('exception-item')).toContainText(svg('exception value'))
  await expect(page.locator(`[title*="${NOTE}"]`).first()).toBeAttached()

  // the bad line is a problem, the inferred hostile field a note
  await expect(page.getByTestId('events-problem-count')).toContainText('1 line could not be read')
  await expect(page.getByRole('list', { name: 'Field notes' })).toContainText(FIELD)

  await expectInert(page, dialogs)
})

// ---- imported rules ----

const GUIDE = [
  '## Triage',
  script('guide script'),
  `Look ${img('guide img')} here, ${svg('guide svg')} there.`,
  iframe('guide iframe'),
  `<a href="javascript:${run('guide raw a')}">raw anchor</a>`,
  `[js link](javascript:${run('guide link')})`,
  `[entity link](jav&#x61;script:${run('guide entity')})`,
  `[data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)`,
  `![data image](data:image/svg+xml,<svg onload=${run('guide data img')}>)`,
  `<javascript:${run('guide autolink')}>`,
  '[ref link][1]',
  '',
  `[1]: javascript:${run('guide ref')}`,
].join('\n\n')

const RULE_NAME = `${img('rule name')} Hostile rule`
const DESCRIPTION = `${script('description')} and <b>not bold</b>`
const TACTIC = img('tactic')
const TECHNIQUE = script('technique')
const SUBTECHNIQUE = svg('subtechnique')
const TAG = script('tag')
const ITEM_NAME = `${img('item name')} item`
const LIST_NAME = `${script('list name')} list`

const KIBANA_EXPORT = [
  {
    rule_id: 'hostile-1', name: RULE_NAME, type: 'query', language: 'kuery', query: 'event.category:process', risk_score: 21, severity: 'low',
    description: DESCRIPTION, note: GUIDE, tags: [TAG], interval: '5m', from: 'now-6m',
    references: [`javascript:${run('reference')}`, 'data:text/html,<script>alert(1)</script>', 'https://example.org/ok'],
    threat: [{
      framework: 'MITRE ATT&CK',
      tactic: { id: 'TA0003', name: TACTIC, reference: `javascript:${run('tactic ref')}` },
      technique: [{ id: 'T1037', name: TECHNIQUE, reference: `javascript:${run('technique ref')}`, subtechnique: [{ id: 'T1037.002', name: SUBTECHNIQUE, reference: 'javascript:alert(1)' }] }],
    }],
    exceptions_list: [{ id: 'so-1', list_id: 'hostile-list', type: 'detection', namespace_type: 'single' }],
  },
  { list_id: 'hostile-list', name: LIST_NAME, type: 'detection', namespace_type: 'single', description: script('list description') },
  {
    item_id: 'hostile-item', list_id: 'hostile-list', name: ITEM_NAME, type: 'simple', namespace_type: 'single', description: script('item description'),
    comments: [{ comment: script('item comment') }], entries: [{ field: 'host.name', operator: 'included', type: 'match', value: img('item value') }],
  },
  { exported_count: 3, exported_rules_count: 1, exported_exception_list_count: 1, exported_exception_list_item_count: 1 },
].map((l) => JSON.stringify(l)).join('\n')

const PLAIN_EVENTS = [
  { '@timestamp': at(1), event: { category: 'process' }, host: { name: 'mbp-1' }, process: { name: 'bash' } },
  { '@timestamp': at(2), event: { category: 'process' }, host: { name: 'mbp-2' }, process: { name: 'zsh' } },
]

const rulePanel = (page: Page) => page.getByRole('complementary', { name: 'Rule' })

async function importRule(page: Page, text: string, format: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Import rule' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import rule' })
  await dialog.getByLabel('Rule to import').fill(text)
  await expect(dialog.getByTestId('import-format')).toContainText(format, { timeout: 30_000 })
  await dialog.getByRole('button', { name: 'Open' }).click()
  await expect(dialog).toBeHidden()
}

/** The guide's payloads are all text; only its written http(s) links could be links (none here). */
async function expectGuideAsText(page: Page): Promise<void> {
  const guide = rulePanel(page).getByTestId('rule-guide')
  await expect(guide.getByRole('heading', { name: 'Triage' })).toBeVisible()
  for (const text of [script('guide script'), img('guide img'), svg('guide svg'), iframe('guide iframe'), `[js link](javascript:${run('guide link')})`]) {
    await expect(guide).toContainText(text)
  }
  await expect(guide).toContainText('raw anchor')
  await expect(guide.getByRole('link')).toHaveCount(0)
}

test('a Kibana export whose rule, MITRE names, guide and exception list carry script shows them as text', async ({ page }) => {
  const dialogs = watchDialogs(page)
  await page.goto('/')
  await idle(page)
  await setEvents(page, PLAIN_EVENTS)
  await idle(page)
  await page.getByRole('button', { name: 'Import rule' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import rule' })
  await dialog.getByLabel('Rule to import').fill(KIBANA_EXPORT)
  await expect(dialog.getByTestId('import-format')).toContainText('1 rule', { timeout: 30_000 })
  await expect(dialog.getByTestId('import-exceptions')).toContainText(LIST_NAME)
  await expectInert(page, dialogs) // the preview, before opening
  await dialog.getByRole('button', { name: 'Open' }).click()
  await expect(dialog).toBeHidden()
  await idle(page)
  await expect(matchCount(page)).toHaveText(/^2 matches of 2 events/)

  await page.getByRole('button', { name: 'Rule', exact: true }).click()
  const p = rulePanel(page)
  await expect(p.getByTestId('rule-name')).toHaveText(RULE_NAME)
  await expect(p.getByText(DESCRIPTION)).toBeVisible()
  const mitre = p.getByRole('region', { name: 'MITRE ATT&CK' })
  for (const text of [TACTIC, TECHNIQUE, SUBTECHNIQUE]) await expect(mitre).toContainText(text)
  // MITRE ids link to attack.mitre.org built from the id, never to the file's reference
  for (const href of await mitre.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
    expect(href).toMatch(/^https:\/\/attack\.mitre\.org\//)
  }
  await expect(p.getByRole('region', { name: 'References' }).getByRole('link')).toHaveText(['https://example.org/ok'])
  await expect(p.getByRole('region', { name: 'Tags' })).toContainText(TAG)
  await expectGuideAsText(page)
  await expect(page.getByTestId('exceptions').getByTestId('exception-item')).toContainText(ITEM_NAME)
  await expectInert(page, dialogs)

  // Alerts: the reason sentence and the alert documents name the rule
  await page.getByRole('group', { name: 'Results view' }).getByRole('button', { name: 'Alerts', exact: true }).click()
  const alerts = page.getByTestId('alerts-view')
  await expect(alerts).toHaveAttribute('data-alerts-status', 'idle', { timeout: 30_000 })
  await expect(alerts.getByTestId('alert-reason').first()).toContainText(RULE_NAME)
  await expectInert(page, dialogs)
})

const HOSTILE_TOML = [
  '[metadata]', 'maturity = "production"', '',
  '[rule]', `name = "${RULE_NAME}"`, 'type = "eql"', 'language = "eql"', 'risk_score = 47', 'severity = "medium"',
  `description = "${DESCRIPTION}"`, `tags = ["${TAG}"]`,
  "query = '''", 'process where process.name == "bash"', "'''",
  "note = '''", GUIDE, "'''", '',
  '[[rule.threat]]', 'framework = "MITRE ATT&CK"',
  '[[rule.threat.technique]]', 'id = "T1037"', `name = "${TECHNIQUE}"`, 'reference = "javascript:alert(1)"',
  '[rule.threat.tactic]', 'id = "TA0003"', `name = "${TACTIC}"`, 'reference = "https://attack.mitre.org/tactics/TA0003/"', '',
].join('\n')

test('a detection-rules TOML rule carrying script shows it as text and runs none of it', async ({ page }) => {
  const dialogs = watchDialogs(page)
  await page.goto('/')
  await idle(page)
  await setEvents(page, PLAIN_EVENTS)
  await idle(page)
  await importRule(page, HOSTILE_TOML, /detection-rules TOML/)
  await idle(page)
  await expect(matchCount(page)).toHaveText(/^1 match of 2 events/)
  await page.getByRole('button', { name: 'Rule', exact: true }).click()
  const p = rulePanel(page)
  await expect(p.getByTestId('rule-name')).toHaveText(RULE_NAME)
  await expect(p.getByText(DESCRIPTION)).toBeVisible()
  await expect(p.getByRole('region', { name: 'MITRE ATT&CK' })).toContainText(TECHNIQUE)
  await expect(p.getByRole('region', { name: 'MITRE ATT&CK' })).toContainText(TACTIC)
  await expectGuideAsText(page)
  await expectInert(page, dialogs)
})

// ---- event files ----

const fileEvents = (n: number): string =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({ '@timestamp': at(i % 60), event: { category: 'process' }, process: { name: i === 0 ? NAME : `p${i}`, args: [ARGS] }, [FIELD]: script(`value ${i % 10}`), host: { name: HOST } }),
  ).join('\n')

const upload = (page: Page) => page.locator('.events-upload input[type="file"]')

test('event files with hostile names, field names and values load as text, small and streamed', async ({ page }) => {
  const dialogs = watchDialogs(page)
  await page.goto('/')
  await idle(page)
  await setQuery(page, 'process where true')
  // small: into the editor; its name shows next to the events
  const small = `${img('file name')}.ndjson`
  await upload(page).setInputFiles({ name: small, mimeType: 'application/x-ndjson', buffer: Buffer.from(fileEvents(3)) })
  await expect(page.getByTestId('events-info')).toHaveText(`3 events from ${small}`, { timeout: 30_000 })
  await idle(page)
  const tree = await fieldTree(page, 0)
  for (const text of [FIELD, NAME, ARGS, HOST, script('value 0')]) await expect(tree).toContainText(text)
  await expectInert(page, dialogs)

  // large (over 1 MiB): streamed into the worker, rows and field trees from there
  const big = `${svg('big file name')}.ndjson`
  const text = fileEvents(6000)
  expect(text.length).toBeGreaterThan(1 << 20)
  await upload(page).setInputFiles({ name: big, mimeType: 'application/x-ndjson', buffer: Buffer.from(text) })
  await expect(page.getByTestId('events-info')).toHaveText(`6,000 events from ${big}`, { timeout: 30_000 })
  await idle(page)
  await expect(matchCount(page)).toHaveText(/^6,000 matches of 6,000 events/)
  await expect(await fieldTree(page, 0)).toContainText(NAME)
  await expectInert(page, dialogs)
})

test('a 1 GB file, a gzip and a PNG are refused with a message; the events stay and the page answers', async ({ page }) => {
  await page.goto('/')
  await idle(page)
  await setQuery(page, 'process where true')
  await setEvents(page, PLAIN_EVENTS)
  await expect(matchCount(page)).toHaveText(/^2 matches of 2 events/)
  await idle(page)
  const note = page.getByTestId('events-note')
  const info = page.getByTestId('events-info')

  // A sparse 1 GB file: nothing is written to disk, and the page must not read it.
  const dir = mkdtempSync(join(tmpdir(), 'rp-hostile-'))
  try {
    const huge = join(dir, 'day.ndjson')
    const fd = openSync(huge, 'w')
    ftruncateSync(fd, 1 << 30)
    closeSync(fd)
    await upload(page).setInputFiles(huge)
    await expect(note).toContainText('day.ndjson is 1.07 GB; the playground loads up to 500.0 MB')
    await expect(note).toContainText('Split the file')
    await expect(page.getByTestId('events-load')).toHaveCount(0)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  await expect(info).toHaveText('2 events')
  await expect(matchCount(page)).toHaveText(/^2 matches of 2 events/)

  await upload(page).setInputFiles({ name: 'events.ndjson.gz', mimeType: 'application/gzip', buffer: gzipSync(fileEvents(50)) })
  await expect(note).toHaveText(/^events\.ndjson\.gz looks like a gzip file: decompress it first/)
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  await upload(page).setInputFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: png })
  await expect(note).toHaveText(/^screenshot\.png looks like a PNG image, not a text file\. Your current events are kept\./)
  await expect(info).toHaveText('2 events')

  // the page still answers: a query edit runs over the kept events
  await setQuery(page, 'process where process.name == "zsh"')
  await expect(matchCount(page)).toHaveText(/^1 match of 2 events/)
  await idle(page)
})

test('pasted binary-ish text (NULs, control bytes, lone surrogates) gives problems, not a crash', async ({ page }) => {
  await page.goto('/')
  await idle(page)
  await setQuery(page, 'any where true')
  const text = ['\u0000\u0001\u0002PK\u0003\u0004\u001f\u008b garbage', '{"a":"\ud800 lone"}', '\ud83d{"b":1}', '{"ok":1}', '\u0000'.repeat(5000)].join('\n')
  await page.evaluate((t) => window.__rp?.eventsEditor?.setValue(t), text)
  await expect(page.getByTestId('events-problem-count')).toContainText('3 lines could not be read')
  await expect(page.getByTestId('events-info')).toHaveText('2 events')
  // without @timestamp no event can match an EQL query; what counts is that both were read
  await expect(matchCount(page)).toHaveText(/of 2 events/)
  await idle(page)
})

test('a rule file picked in Import: a hostile TOML file is read as text, a gzip is refused unread into the box', async ({ page }) => {
  const dialogs = watchDialogs(page)
  await page.goto('/')
  await idle(page)
  await page.getByRole('button', { name: 'Import rule' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import rule' })
  const box = dialog.getByLabel('Rule to import')
  const picker = dialog.locator('input[type="file"]')

  await picker.setInputFiles({ name: `${img('rule file')}.toml`, mimeType: 'application/toml', buffer: Buffer.from(HOSTILE_TOML) })
  await expect(box).toHaveValue(HOSTILE_TOML)
  await expect(dialog.getByTestId('import-format')).toContainText('detection-rules TOML', { timeout: 30_000 })
  await expect(dialog.getByLabel('Rule to open')).toContainText(RULE_NAME)
  await expectInert(page, dialogs)

  await picker.setInputFiles({ name: 'rules.ndjson.gz', mimeType: 'application/gzip', buffer: gzipSync(KIBANA_EXPORT) })
  await expect(dialog.getByRole('alert')).toHaveText(/^rules\.ndjson\.gz looks like a gzip file: decompress it first \(e\.g\. gunzip\), then load the file inside\. Nothing was imported\.$/)
  // what was in the box stays
  await expect(box).toHaveValue(HOSTILE_TOML)
  await expectInert(page, dialogs)
})
