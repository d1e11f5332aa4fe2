import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, dirname } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The engine runs in the worker, in Vitest and in the CLI, so it must stay pure: no app code, no
 * Node built-ins, no DOM. `tsc -p src/engine/tsconfig.json` (lib ES2022, no types, rootDir) catches
 * DOM/Node globals; this test catches what tsc cannot: imports of packages that are not on the
 * allow-list in docs/architecture.md ("Engine dependencies").
 */
const ENGINE = resolve(__dirname)
const ALLOWED_PACKAGES = new Set(['ipaddr.js', 'smol-toml', 'date-fns'])

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path)
  }
  return out
}

function importsOf(text: string): string[] {
  const specs: string[] = []
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm
  for (const m of text.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3]) as string)
  return specs
}

describe('engine boundary', () => {
  const files = sourceFiles(ENGINE)

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(5)
  })

  it('imports only engine files and allow-listed pure packages', () => {
    const offenders: string[] = []
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const where = relative(ENGINE, file)
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec)
          if (!target.startsWith(ENGINE)) offenders.push(`${where}: ${spec} leaves src/engine`)
        } else if (!ALLOWED_PACKAGES.has(spec)) {
          offenders.push(`${where}: package ${spec} is not allowed in the engine`)
        }
      }
    }
    expect(offenders).toEqual([])
  })

  it('detects an offending import (the check itself works)', () => {
    expect(importsOf("import { x } from '../../ui/App'\nimport fs from 'node:fs'")).toEqual(['../../ui/App', 'node:fs'])
  })
})
