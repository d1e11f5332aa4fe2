import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { guardEachTest, underHangGuard } from './hang-guard'

const ROOT = join(__dirname, '..', '..')

/** Runs a small script under tsx in a child process, so a kill ends the child, not this suite. */
function runChild(source: string): { signal: NodeJS.Signals | null; status: number | null; stderr: string; ms: number } {
  const t0 = Date.now()
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { signal: r.signal, status: r.status, stderr: r.stderr, ms: Date.now() - t0 }
}

describe('guardEachTest', () => {
  guardEachTest(20_000)
  it('arms a watchdog for a test that finishes in time (this one)', () => {
    expect(1 + 1).toBe(2)
  })
})

describe('underHangGuard', () => {
  it('kills a process stuck in a synchronous loop and names the test', { timeout: 90_000 }, () => {
    const r = runChild(`
      import { underHangGuard } from './scripts/fuzz/hang-guard.ts'
      underHangGuard('endless loop', () => { for (;;) {} }, 300)
    `)
    expect(r.signal).toBe('SIGKILL')
    expect(r.stderr).toContain('[hang-guard] endless loop: still running after 300 ms')
  })

  it('lets a body that returns in time finish, and the process exit normally', { timeout: 90_000 }, () => {
    const r = runChild(`
      import { underHangGuard } from './scripts/fuzz/hang-guard.ts'
      let n = 0
      underHangGuard('quick', () => { n = 42 }, 5000)
      console.error('value ' + n)
    `)
    expect(r.signal).toBeNull()
    expect(r.status).toBe(0)
    expect(r.stderr).toContain('value 42')
    expect(r.ms).toBeLessThan(5000) // the disarmed watchdog did not hold the process open
  })

  it('in a Vitest file: kills the run of a test that never returns, and says which', { timeout: 120_000 }, () => {
    const t0 = Date.now()
    const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'scripts/fuzz/hang-guard.fixture.ts', '--config', 'scripts/fuzz/hang-guard.vitest.ts'], { cwd: ROOT, encoding: 'utf8', timeout: 100_000 })
    expect(r.status).not.toBe(0)
    expect(r.stdout + r.stderr).toContain('[hang-guard] loops forever: still running after 500 ms')
    expect(r.stdout + r.stderr).toMatch(/Worker exited unexpectedly/)
    expect(Date.now() - t0).toBeLessThan(100_000)
  })

  it('passes a failing assertion through unchanged', () => {
    expect(() => underHangGuard('throws', () => { throw new Error('assertion') })).toThrow('assertion')
  })
})
