import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { measureInitialJs } from './initial-js.mjs'

/** A built app in miniature: what Vite writes, with the import forms its chunks use. */
function fakeBuild(files: Record<string, string>, html: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'initial-js-test-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), html)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'assets', name), text)
  return dir
}

const HTML = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-A1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/runtime-B2.js">
<link rel="stylesheet" crossorigin href="/assets/index-C3.css">
</head><body><div id="root"></div></body></html>`

const FILES = {
  'index-A1.js': 'import{a as e}from"./shared-D4.js";import"./side-E5.js";const l=()=>import("./Lazy-F6.js");const m=()=>import(`./editor-G7.js`);export{e}',
  'runtime-B2.js': 'export const r=1',
  'shared-D4.js': 'export{x as a}from"./deep-H8.js"',
  'deep-H8.js': 'export const x=2',
  'side-E5.js': 'import{t}from"./editor-G7.js";t()',
  'Lazy-F6.js': 'import"./lazy-dep-I9.js";export default 1',
  'lazy-dep-I9.js': 'export const y=3',
  'editor-G7.js': 'export const t=()=>0'.repeat(50),
  'first-visit-J0.js': 'import{d}from"./example-K1.js";export const s=d',
  'example-K1.js': 'export const d="events"',
  'index-C3.css': 'body{}',
}

describe('measureInitialJs', () => {
  it('counts the entry, modulepreloads, their static imports and the first-visit chunk; not lazy chunks or Monaco', async () => {
    const dir = fakeBuild(FILES, HTML)
    const { files, gzipBytes } = await measureInitialJs(dir)
    expect(files.map((f) => f.file).sort()).toEqual(
      ['assets/deep-H8.js', 'assets/example-K1.js', 'assets/first-visit-J0.js', 'assets/index-A1.js', 'assets/runtime-B2.js', 'assets/shared-D4.js', 'assets/side-E5.js'],
    )
    const entry = files.find((f) => f.file === 'assets/index-A1.js')
    expect(entry?.bytes).toBe(FILES['index-A1.js'].length)
    expect(entry?.gzipBytes).toBe(gzipSync(FILES['index-A1.js']).length)
    expect(gzipBytes).toBe(files.reduce((sum, f) => sum + f.gzipBytes, 0))
  })

  it('as a command, lists the files and exits 1 over the budget', () => {
    const dir = fakeBuild(FILES, HTML)
    const script = join(import.meta.dirname, 'initial-js.mjs')
    const within = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' })
    expect(within.status).toBe(0)
    expect(within.stdout).toContain('assets/index-A1.js')
    const over = spawnSync(process.execPath, [script, dir, '--budget=100'], { encoding: 'utf8' })
    expect(over.status).toBe(1)
    expect(over.stderr).toContain('over the budget')
  })
})
