import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildSchema, compileEql, runEql } from '../../src/engine/index'
import { generateEvents } from '../bench/generate-events'
import { ensureEventsFile } from './events-file'
import { LAUNCH_DAEMON, LOGIN_HOOK } from './queries'

const dir = mkdtempSync(join(tmpdir(), 'rp-bench-events-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function matches(query: string, events: readonly Record<string, unknown>[]): number {
  const schema = buildSchema({ ecs: true, events: events.slice(0, 2000) }).schema
  const { program } = compileEql(query, { schema })
  if (program === null) throw new Error('seed query does not compile')
  const r = runEql(program, events).result
  if (r === null) return -1
  return r.kind === 'events' ? r.events.length : r.kind === 'sequences' ? r.sequences.length : r.samples.length
}

describe('lean generated events', () => {
  const full = generateEvents({ size: 20_000 })
  const lean = generateEvents({ size: 20_000, lean: true })

  it('are the same events, smaller: ~550 bytes a line instead of ~800', () => {
    expect(lean.planted).toEqual(full.planted)
    const bytes = (list: readonly unknown[]): number => list.reduce<number>((s, e) => s + JSON.stringify(e).length + 1, 0) / list.length
    expect(bytes(lean.events)).toBeLessThan(600)
    expect(bytes(full.events)).toBeGreaterThan(700)
    expect(lean.events.map((e) => e['@timestamp'])).toEqual(full.events.map((e) => e['@timestamp']))
  })

  it('still give the seed rules their planted matches', () => {
    expect(matches(LOGIN_HOOK, lean.events)).toBe(lean.planted.loginHook)
    expect(matches(LOGIN_HOOK, lean.events)).toBe(matches(LOGIN_HOOK, full.events))
    const sequences = matches(LAUNCH_DAEMON, lean.events)
    expect(sequences).toBeGreaterThan(0)
    expect(sequences).toBe(matches(LAUNCH_DAEMON, full.events))
  })
})

describe('the events file', () => {
  it('is written once and reused while its size matches', () => {
    const first = ensureEventsFile(300, dir)
    expect(first.generated).toBe(true)
    expect(statSync(first.path).size).toBe(first.bytes)
    const again = ensureEventsFile(300, dir)
    expect(again.generated).toBe(false)
    expect(again.bytes).toBe(first.bytes)
    // a truncated file is made again
    writeFileSync(first.path, '{}\n')
    expect(ensureEventsFile(300, dir).generated).toBe(true)
    expect(statSync(first.path).size).toBe(first.bytes)
  })
})
