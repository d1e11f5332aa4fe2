/**
 * Issue 9: the worker watchdog still stops anything that runs too long, restarts the worker and
 * keeps the events. The client runs over loopback workers (the real dispatcher and engine, see
 * loopback-worker.ts) and the test fires the watchdog by hand before the worker's reply arrives,
 * which is exactly what a stuck run looks like to the client. client.test.ts checks the restart
 * protocol with a scripted worker, client-stream.test.ts a streamed file; this file checks pasted
 * events end to end: after one or several restarts the fresh worker really holds the same events
 * (same count, same version, same matches, same event windows), and nothing of the stopped worker
 * leaks into the new state.
 */
import { describe, expect, it } from 'vitest'
import type { EngineClient } from './client'
import { loopbackClient, type HandTimers } from './loopback-client'

const setup = () => loopbackClient({ runBudgetMs: 1000 })

// `payload` is not an ECS field: inferred as keyword without ignore_above, so its long value is
// indexed and the regex really runs over it (ECS `process.args` would ignore values over 1,024)
const line = (i: number, name: string, payload: string) =>
  JSON.stringify({ '@timestamp': new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), event: { category: 'process' }, process: { name }, payload })
// the third event carries the long value a hostile pattern would chew on
const PASTED = [line(0, 'sh', 'ls'), line(1, 'curl', '-o x'), line(2, 'bash', 'a'.repeat(50_000))].join('\n')
const HOSTILE = 'process where payload regex "(a+)+b"'

/** Sends a run, then lets the watchdog fire before the worker can answer. */
async function stuckRun(client: EngineClient, timers: HandTimers, query: string) {
  const pending = client.run(query)
  timers.fireAll()
  return pending
}

describe('watchdog: a run over budget is stopped and the events are kept', () => {
  it('restarts the worker with the pasted events; the next run answers over the same events', async () => {
    const { client, workers, timers } = setup()
    expect(await client.setEvents(PASTED)).toMatchObject({ status: 'ok', result: { eventCount: 3 } })
    const version = client.eventsVersion

    const stopped = await stuckRun(client, timers, HOSTILE)
    expect(stopped).toMatchObject({ status: 'failed', failure: { code: 'timeout', message: expect.stringMatching(/stopped/) } })
    expect(workers).toHaveLength(2)
    expect(workers[0]?.terminated).toBe(true)

    const next = await client.run('process where process.name in ("curl", "bash")')
    expect(next).toMatchObject({ status: 'ok', result: { eventsVersion: version, eventCount: 3, matchedIndexes: [1, 2] } })
    expect(client.eventsVersion).toBe(version)
    // the fresh worker got the same text once, before the run; the stopped one never answered
    expect(workers[1]?.sent.map((r) => r.kind)).toEqual(['setEvents', 'run'])
    expect(workers[1]?.sent[0]).toMatchObject({ kind: 'setEvents', version, text: PASTED })
    expect(workers[0]?.replies.size).toBe(1) // the first setEvents only
  })

  it('keeps the events through several restarts in a row, event windows included', async () => {
    const { client, workers, timers } = setup()
    await client.setEvents(PASTED)
    for (let k = 0; k < 3; k++) {
      expect(await stuckRun(client, timers, HOSTILE)).toMatchObject({ status: 'failed', failure: { code: 'timeout' } })
    }
    expect(workers.slice(0, -1).every((w) => w.terminated)).toBe(true)
    const window = await client.getEvents(0, 3)
    expect(window).toMatchObject({ status: 'ok', result: { total: 3 } })
    if (window.status !== 'ok') throw new Error('expected the events window')
    expect(window.result.items.map(([, e]) => (e as { process: { name: string } }).process.name)).toEqual(['sh', 'curl', 'bash'])
    // the hostile query itself answers right once the worker is left to finish it
    const done = await client.run(HOSTILE)
    expect(done).toMatchObject({ status: 'ok', result: { eventCount: 3, matchedIndexes: [] } })
    const allAs = await client.run('process where payload regex "(a+)+"')
    expect(allAs).toMatchObject({ status: 'ok', result: { matchedIndexes: [2] } })
  })

  it('a newer event set pasted after a restart replaces the kept one', async () => {
    const { client, workers, timers } = setup()
    await client.setEvents(PASTED)
    await stuckRun(client, timers, HOSTILE)
    const replaced = await client.setEvents(line(0, 'zsh', 'b'))
    expect(replaced).toMatchObject({ status: 'ok', result: { eventCount: 1 } })
    expect(await client.run('process where process.name == "zsh"')).toMatchObject({ status: 'ok', result: { eventCount: 1, matchedIndexes: [0] } })
    expect(workers).toHaveLength(2)
  })
})
