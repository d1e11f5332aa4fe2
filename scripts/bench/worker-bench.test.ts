import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql } from '../../src/engine/index'
import { LAUNCH_DAEMON_DEPRECATED } from '../../src/examples/launch-daemon-deprecated'
import { LOGIN_HOOK_CURRENT } from '../../src/examples/login-hook-current'
import { generateEvents } from './generate-events'
import { editedEventQuery, editedSequence, loadWorker, timeEdits } from './worker-bench'

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
})
