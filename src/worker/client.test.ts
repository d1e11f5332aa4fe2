import { describe, expect, it } from 'vitest'
import { EngineClient, formatBudget, type Timers, type WorkerEvents, type WorkerPort } from './client'
import type { Reply, Request, RunReport } from './protocol'

/** A worker the test drives by hand: it records what it was sent and replies when told to. */
class FakeWorker implements WorkerPort {
  readonly sent: Request[] = []
  terminated = false
  constructor(readonly events: WorkerEvents) {}
  postMessage(message: Request): void {
    this.sent.push(message)
  }
  terminate(): void {
    this.terminated = true
  }
  reply(data: Reply | unknown): void {
    this.events.onMessage(data)
  }
  last(): Request {
    const r = this.sent[this.sent.length - 1]
    if (!r) throw new Error('nothing sent')
    return r
  }
}

/** Timers fired by the test, so the watchdog is deterministic. */
class FakeTimers implements Timers {
  private next = 1
  readonly active = new Map<number, { fn: () => void; ms: number }>()
  setTimeout(fn: () => void, ms: number): unknown {
    const h = this.next++
    this.active.set(h, { fn, ms })
    return h
  }
  clearTimeout(handle: unknown): void {
    this.active.delete(handle as number)
  }
  /** fires the oldest armed timer only */
  fireFirst(): void {
    const first = [...this.active.entries()][0]
    if (!first) throw new Error('no timer armed')
    this.active.delete(first[0])
    first[1].fn()
  }
  fireAll(): void {
    const all = [...this.active.entries()]
    this.active.clear()
    for (const [, t] of all) t.fn()
  }
}

function setup(runBudgetMs = 3000) {
  const workers: FakeWorker[] = []
  const timers = new FakeTimers()
  const client = new EngineClient((events) => {
    const w = new FakeWorker(events)
    workers.push(w)
    return w
  }, { runBudgetMs, timers })
  const current = (): FakeWorker => {
    const w = workers[workers.length - 1]
    if (!w) throw new Error('no worker spawned')
    return w
  }
  return { client, workers, timers, current }
}

const report = (eventsVersion: number): RunReport => ({
  query: 'q',
  language: 'eql',
  eventsVersion,
  eventCount: 0,
  diagnostics: [],
  result: null,
  matchedIndexes: [],
  runId: 0,
  eventHits: [],
  events: [],
  histogram: null,
  elapsedMs: 1,
})

describe('EngineClient', () => {
  it('matches replies to requests by id and settles with the result', async () => {
    const { client, current } = setup()
    const p = client.ping()
    const req = current().last()
    current().reply({ id: req.id, ok: true, kind: 'ping', result: { protocol: 1 } })
    await expect(p).resolves.toEqual({ status: 'ok', result: { protocol: 1 } })
  })

  it('sends events once and references them by version in runs', async () => {
    const { client, current } = setup()
    void client.setEvents('{"a":1}')
    void client.run('any where true')
    void client.run('any where false')
    const sent = current().sent
    expect(sent.map((r) => r.kind)).toEqual(['setEvents', 'run', 'run'])
    const [set, , run] = sent
    if (set?.kind !== 'setEvents' || run?.kind !== 'run') throw new Error('unexpected order')
    expect(run.eventsVersion).toBe(set.version)
    expect(JSON.stringify(run)).not.toContain('"a":1')
  })

  it('latest wins: an older run settles as superseded and its late reply is dropped', async () => {
    const { client, current } = setup()
    const first = client.run('a')
    const firstId = current().last().id
    const second = client.run('b')
    const secondId = current().last().id
    await expect(first).resolves.toEqual({ status: 'superseded' })
    current().reply({ id: firstId, ok: true, kind: 'run', result: report(99) })
    current().reply({ id: secondId, ok: true, kind: 'run', result: report(0) })
    await expect(second).resolves.toEqual({ status: 'ok', result: report(0) })
  })

  it('turns a failure reply into a failed outcome', async () => {
    const { client, current } = setup()
    const p = client.run('a')
    current().reply({ id: current().last().id, ok: false, failure: { code: 'engine-bug', message: 'boom' } })
    await expect(p).resolves.toEqual({ status: 'failed', failure: { code: 'engine-bug', message: 'boom' } })
  })

  it('ignores malformed messages', async () => {
    const { client, current } = setup()
    const p = client.ping()
    current().reply('garbage')
    current().reply({ id: 'x', ok: true })
    current().reply({ id: current().last().id, ok: true, kind: 'ping', result: { protocol: 1 } })
    await expect(p).resolves.toMatchObject({ status: 'ok' })
  })

  it('watchdog: a run over budget stops the worker, restarts it with the current events, and fails clearly', async () => {
    const { client, workers, timers, current } = setup(3000)
    void client.setEvents('[1,2]')
    const setId = current().last().id
    current().reply({ id: setId, ok: true, kind: 'setEvents', result: { version: 1, eventCount: 2, problems: [], schemaDiagnostics: [] } })
    const slow = client.run('slow')
    expect([...timers.active.values()].map((t) => t.ms)).toEqual([6000])
    timers.fireAll()
    const outcome = await slow
    expect(outcome).toMatchObject({ status: 'failed', failure: { code: 'timeout' } })
    if (outcome.status !== 'failed') throw new Error('expected failure')
    expect(outcome.failure.message).toMatch(/^The query ran longer than 3 s and was stopped/)
    expect(workers).toHaveLength(2)
    expect(workers[0]?.terminated).toBe(true)
    expect(current().sent).toEqual([expect.objectContaining({ kind: 'setEvents', version: 1, text: '[1,2]' })])
    // the next edit works on the new worker
    const next = client.run('fast')
    const nextReq = current().last()
    expect(nextReq).toMatchObject({ kind: 'run', eventsVersion: 1 })
    current().reply({ id: nextReq.id, ok: true, kind: 'run', result: report(1) })
    await expect(next).resolves.toMatchObject({ status: 'ok' })
  })

  it('watchdog: a stuck superseded run restarts the worker and replays the latest run', async () => {
    const { client, workers, timers, current } = setup(1000)
    const stuck = client.run('stuck')
    const latest = client.run('latest')
    await expect(stuck).resolves.toEqual({ status: 'superseded' })
    timers.fireFirst() // the orphan's watchdog: restart; the latest run is replayed and re-armed
    expect([...timers.active.values()].map((t) => t.ms)).toEqual([2000])
    expect(workers).toHaveLength(2)
    const replayed = current().last()
    expect(replayed).toMatchObject({ kind: 'run', query: 'latest' })
    current().reply({ id: replayed.id, ok: true, kind: 'run', result: report(0) })
    await expect(latest).resolves.toMatchObject({ status: 'ok' })
  })

  it('the budget counts the run only: a run queued behind loading events is armed once they are loaded', async () => {
    const { client, timers, current } = setup(500)
    void client.setEvents('{"big":true}')
    const setReq = current().last()
    const run = client.run('q')
    const runReq = current().last()
    expect([...timers.active.values()].map((t) => t.ms)).toEqual([60_000]) // loading: only the load watchdog
    current().reply({ id: setReq.id, ok: true, kind: 'setEvents', result: { version: 1, eventCount: 1, problems: [], schemaDiagnostics: [] } })
    expect([...timers.active.values()].map((t) => t.ms)).toEqual([1500])
    current().reply({ id: runReq.id, ok: true, kind: 'run', result: report(1) })
    await expect(run).resolves.toMatchObject({ status: 'ok' })
    expect(timers.active.size).toBe(0)
  })

  it('a worker stuck reading events is stopped and everything waiting on it fails once', async () => {
    const { client, workers, timers, current } = setup(500)
    const set = client.setEvents('{"huge":true}')
    const run = client.run('q')
    expect([...timers.active.values()].map((t) => t.ms)).toEqual([60_000]) // the load watchdog only
    timers.fireAll()
    await expect(set).resolves.toMatchObject({ status: 'failed', failure: { code: 'timeout', message: expect.stringMatching(/^Reading the events took longer than 60 s/) } })
    await expect(run).resolves.toMatchObject({ status: 'failed', failure: { code: 'timeout' } })
    expect(workers[0]?.terminated).toBe(true)
    void client.run('again') // the next edit replays the events on a fresh worker
    expect(current().sent.map((r) => r.kind)).toEqual(['setEvents', 'run'])
  })

  it('a reply cancels the watchdog', async () => {
    const { client, timers, current } = setup()
    const p = client.run('a')
    current().reply({ id: current().last().id, ok: true, kind: 'run', result: report(0) })
    await p
    expect(timers.active.size).toBe(0)
  })

  it('a crash settles every pending request once, then the next request restarts the worker with the events', async () => {
    const { client, workers, current } = setup()
    const set = client.setEvents('{"x":1}')
    const run = client.run('a')
    const ping = client.ping()
    current().events.onError('out of memory')
    for (const p of [set, run, ping]) await expect(p).resolves.toMatchObject({ status: 'failed', failure: { code: 'worker-crashed' } })
    expect(workers[0]?.terminated).toBe(true)
    void client.run('b')
    expect(workers).toHaveLength(2)
    expect(current().sent.map((r) => r.kind)).toEqual(['setEvents', 'run'])
  })

  it('dispose fails pending and later requests', async () => {
    const { client } = setup()
    const p = client.run('a')
    client.dispose()
    await expect(p).resolves.toMatchObject({ status: 'failed', failure: { code: 'disposed' } })
    await expect(client.ping()).resolves.toMatchObject({ status: 'failed', failure: { code: 'disposed' } })
  })

  it('formats budgets as people say them', () => {
    expect(formatBudget(3000)).toBe('3 s')
    expect(formatBudget(2500)).toBe('2.5 s')
    expect(formatBudget(250)).toBe('250 ms')
  })
})
