import { describe, expect, it } from 'vitest'
import { DEFAULT_SCHEDULE } from '../engine'
import { EMPTY_TOTALS } from '../engine/alerts/simulate-rule-types'
import { EngineClient, type WorkerEvents, type WorkerPort } from './client'
import type { AlertsReport, Reply, Request } from './protocol'

/** A worker that records what it was sent and replies when the test says. */
class FakeWorker implements WorkerPort {
  readonly sent: Request[] = []
  constructor(readonly events: WorkerEvents) {}
  postMessage(message: Request): void {
    this.sent.push(message)
  }
  terminate(): void {}
  reply(data: Reply): void {
    this.events.onMessage(data)
  }
}

const simulated = (query: string): AlertsReport => ({
  eventsVersion: 0,
  query,
  language: 'kql',
  simulation: { ruleType: 'query', schedule: DEFAULT_SCHEDULE, executions: [], alerts: [], totals: EMPTY_TOTALS, diagnostics: [], stopped: false },
  alertsTruncated: false,
})

describe('EngineClient.alerts', () => {
  it('sends the current events version and the run budget, and the latest simulation wins', async () => {
    const workers: FakeWorker[] = []
    const client = new EngineClient((events) => {
      const w = new FakeWorker(events)
      workers.push(w)
      return w
    }, { runBudgetMs: 1234 })
    const body = { language: 'kql' as const, settings: {}, rule: null }
    const first = client.alerts({ ...body, query: 'a:1' })
    const second = client.alerts({ ...body, query: 'a:2' })
    const w = workers[0]
    if (w === undefined) throw new Error('no worker spawned')
    const [r1, r2] = w.sent
    if (r1?.kind !== 'alerts' || r2?.kind !== 'alerts') throw new Error(`unexpected requests ${JSON.stringify(w.sent)}`)
    expect(r2).toMatchObject({ query: 'a:2', budgetMs: 1234, eventsVersion: client.eventsVersion })
    w.reply({ id: r1.id, ok: true, kind: 'alerts', result: simulated('a:1') })
    w.reply({ id: r2.id, ok: true, kind: 'alerts', result: simulated('a:2') })
    await expect(first).resolves.toEqual({ status: 'superseded' })
    await expect(second).resolves.toEqual({ status: 'ok', result: simulated('a:2') })
  })
})
