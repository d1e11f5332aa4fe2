// One `npm test` for every check, always running all of them, ending in "N passed, N failed".
// Order: the engine boundary typecheck, the whole-project typecheck (each counts as one test), then
// Vitest, then Playwright, then the initial JS budget (one test). Each step runs even when an earlier one failed, so one report shows all.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs'

const R = 'reports'
rmSync(R, { recursive: true, force: true })
mkdirSync(R, { recursive: true })

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1
const readJson = (p) => (existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null)
let passed = 0, failed = 0, skipped = 0

// Typechecks: a non-zero tsc exit is one failed test, named so the summary says which one.
for (const [name, project] of [['engine boundary typecheck', 'src/engine/tsconfig.json'], ['project typecheck', '.']]) {
  console.log(`\n[test-all] ${name}: tsc -p ${project}`)
  if (run('node_modules/.bin/tsc', ['-p', project]) === 0) passed += 1
  else { failed += 1; console.log(`[test-all] FAILED: ${name}`) }
}

console.log('\n[test-all] vitest')
const vs = run('node_modules/.bin/vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${R}/vitest.json`])
const v = readJson(`${R}/vitest.json`)
// A file that fails to load (import error, missing data) has no failed test of its own: count it as one.
const brokenFiles = v ? v.testResults.filter((r) => r.status === 'failed' && !r.assertionResults.some((a) => a.status === 'failed')).length : 0
if (v) { passed += v.numPassedTests; failed += v.numFailedTests + brokenFiles; skipped += v.numPendingTests + v.numTodoTests }
if (vs !== 0 && (!v || v.numFailedTests + brokenFiles === 0)) failed += 1 // crash / config error

console.log('\n[test-all] playwright')
const ps = run('node_modules/.bin/playwright', ['test']) // json path set in playwright.config.ts
const p = readJson(`${R}/playwright.json`)
if (p) { passed += p.stats.expected + p.stats.flaky; failed += p.stats.unexpected; skipped += p.stats.skipped }
if (ps !== 0 && (!p || p.stats.unexpected === 0)) failed += 1 // webServer / config error

// The first paint's JavaScript (issue 8: <= 100 kB gzip, Monaco excluded) counts as one test, so a
// change that pulls a dialog or a library back into the entry fails here. In CI Playwright has
// just built dist/ fresh; locally its server may be reused over an older build, so build anew.
console.log('\n[test-all] initial JS budget: node scripts/initial-js.mjs')
if (run('node', ['scripts/initial-js.mjs', ...(process.env.CI && existsSync('dist/index.html') ? ['dist'] : [])]) === 0) passed += 1
else { failed += 1; console.log('[test-all] FAILED: initial JS budget') }

console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''))
process.exit(failed > 0 || passed === 0 ? 1 : 0)
