import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql } from '../../src/engine/index'
import { LAUNCH_DAEMON_DEPRECATED } from '../../src/examples/launch-daemon-deprecated'
import { LOGIN_HOOK_CURRENT } from '../../src/examples/login-hook-current'
import { generateEvents } from './generate-events'
import { judge } from './timing-report'
import { editedEventQuery, editedSequence, keystrokeRows, loadWorker, timeEdits } from './worker-bench'

const schema = buildSchema({ ecs: true }).schema
const compiles = (query: string): boolean => compileEql(query, { schema, settings: {} }).program !== null

describe('the keystroke figures time real edits', () => {
  it('each edit of the event query is a new query that still compiles', () => {
    const edits = [1, 2, 3].map((i) => editedEventQuery(LOGIN_HOOK_CURRENT.query, i))
    expect(new Set([LOGIN_HOOK_CURRENT.query, ...edits]).size).toBe(4)
    for (const q of edits) expect(compiles(q)).toBe(true)
    expect(edits[0]).toContain('"/opt/mgmt-1/loginhook.sh"')
  })

  it('each edit of the sequence changes its maxspan and still compiles', () => {
    const edits = [1, 2].map((i) => editedSequence(LAUNCH_DAEMON_DEPRECATED.query, i))
    expect(edits[0]).toMatch(/maxspan=61s/)
    expect(edits[1]).toMatch(/maxspan=62s/)
    for (const q of edits) expect(compiles(q)).toBe(true)
  })

  it('streams events into the worker dispatcher and runs the edits over all of them', () => {
    const generated = generateEvents({ size: 8000 })
    const worker = loadWorker(Buffer.from(generated.events.map((e) => JSON.stringify(e)).join('\n')))
    expect(worker.eventCount).toBe(8000)
    const t = timeEdits(worker, (i) => editedSequence(LAUNCH_DAEMON_DEPRECATED.query, i), { warmup: 1, runs: 3 })
    expect(t.edits.runs).toBe(3)
    // the 2 planted LaunchDaemon pairs: each sequence matches a file event and a launchctl event
    expect(generated.planted.launchDaemon).toBe(2)
    expect(t.matches).toBe(4)
    expect(() => worker.run('process where')).toThrow(/worker run: EQL1/)
  })

  it('gives the load and keystroke rows, each n/a below the size its budget is stated for', () => {
    const text = generateEvents({ size: 1500 }).events.map((e) => JSON.stringify(e)).join('\n')
    const lines: string[] = []
    const rows = keystrokeRows(Buffer.from(text.split('\n').slice(0, 500).join('\n')), Buffer.from(text), { warmup: 0, runs: 2 }, (l) => lines.push(l))
    expect(rows.map((r) => r.name)).toEqual([
      'keystroke, event query, 500 of 10,000 events: worker p95 of 2 edits',
      'load: worker reads the streamed NDJSON (decode, parse, schema)',
      'load: first run of the event query after it (fills columns)',
      'keystroke, event query, 1,500 of 200,000 events: worker p95 of 2 edits',
      'keystroke, LaunchDaemon sequence, 1,500 of 200,000 events: worker p95 of 2 edits',
    ])
    expect(rows.map((r) => r.target?.bound ?? null)).toEqual([100, 3000, null, 400, 800])
    expect(rows.filter((r) => r.target !== null).map((r) => judge(r).verdict)).toEqual(['n/a', 'n/a', 'n/a', 'n/a'])
    expect(lines).toHaveLength(2)
  })
})
