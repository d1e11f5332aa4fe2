import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql } from '../engine'
import { collectFieldValues } from '../engine/complete'
import { createHandler } from './handle'
import { PROTOCOL_VERSION, type Analysis, type Reply } from './protocol'
import { createScheduler } from './scheduler'
import { eventFingerprint } from './handle-fingerprint'

/** The worker's scheduler over the real dispatcher and engine, with the yields released by hand. */
const engine = { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql }

const proc = (i: number) => ({
  '@timestamp': `2026-11-02T09:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
  event: { category: ['process'], type: ['start'] },
  host: { id: `h${i % 3}` },
  process: { name: i % 4 === 0 ? 'sh' : 'defaults', args: i % 5 === 0 ? ['defaults', 'read'] : ['defaults', 'write', i % 7 === 0 ? '/JAMF/x.sh' : '/tmp/x.sh'] },
})
const EVENTS = Array.from({ length: 5000 }, (_, i) => proc(i))
const QUERY = 'process where process.name == "defaults" and process.args == "write" and not process.args : "*JAMF*"'
const SEQUENCE = 'sequence by host.id [process where process.name == "sh" and host.id == "h0" and process.args == "read"] [process where process.name == "sh"]'

function setup(sliceMs = 16) {
  const handle = createHandler(engine)
  const replies: Reply[] = []
  const tasks: (() => void)[] = []
  let clock = 0
  // each dispatch costs 1 ms of the fake clock per 100 events scanned at most: slices stay small
  const receive = createScheduler({ handle, post: (r) => replies.push(r), later: (fn) => tasks.push(fn), now: () => clock, sliceMs })
  let id = 1
  const send = (body: Record<string, unknown>): number => {
    const n = id++
    receive({ ...body, id: n, protocol: PROTOCOL_VERSION })
    return n
  }
  send({ kind: 'setEvents', version: 1, text: EVENTS.map((e) => JSON.stringify(e)).join('\n') })
  const step = (): boolean => {
    const t = tasks.shift()
    clock += 5
    t?.()
    return t !== undefined
  }
  const drain = (): number => {
    let n = 0
    while (step()) n++
    return n
  }
  const replyTo = (n: number): Reply | undefined => replies.find((r) => r.id === n)
  return { handle, send, step, drain, replyTo, replies, tasks }
}

const analysisOf = (r: Reply | undefined): Analysis => {
  if (r === undefined || !r.ok || r.kind !== 'analyze') throw new Error(`no analysis: ${JSON.stringify(r)}`)
  return r.result
}

describe('worker scheduler', () => {
  it('answers an analysis in slices that merge into the whole scan', () => {
    // the limits cut each slice's lists and the merged ones: the first items overall must survive
    const queries = [
      { language: 'eql', query: QUERY },
      { language: 'eql', query: SEQUENCE },
      { language: 'kql', query: 'process.name : "defaults" and not process.args : *JAMF*' },
    ]
    const cases = queries.flatMap((q) => [{}, { nearMissLimit: 3, excludedLimit: 2 }].map((limits) => ({ ...q, ...limits })))
    for (const body of cases) {
      const s = setup()
      const whole = analysisOf(s.handle({ id: 99, protocol: PROTOCOL_VERSION, kind: 'analyze', eventsVersion: 1, settings: {}, ...body }))
      const n = s.send({ kind: 'analyze', eventsVersion: 1, settings: {}, ...body })
      expect(s.replyTo(n)).toBeUndefined()
      expect(s.drain()).toBeGreaterThan(2)
      const sliced = analysisOf(s.replyTo(n))
      expect(sliced).toEqual(whole)
      expect(whole.nearMissTotal + whole.excludedTotal).toBeGreaterThan(3)
    }
  })

  it('answers a run that arrives during an analysis before the analysis goes on', () => {
    const s = setup()
    const a = s.send({ kind: 'analyze', language: 'eql', query: QUERY, eventsVersion: 1, settings: {} })
    s.step()
    const run = s.send({ kind: 'run', language: 'eql', query: QUERY, eventsVersion: 1, settings: {}, displayLimit: 10 })
    expect(s.replyTo(run)?.ok).toBe(true)
    expect(s.replyTo(a)).toBeUndefined()
    s.drain()
    expect(s.replyTo(a)?.ok).toBe(true)
  })

  it('a newer analysis replaces a half-done one, which is answered cancelled', () => {
    const s = setup()
    const a = s.send({ kind: 'analyze', language: 'eql', query: QUERY, eventsVersion: 1, settings: {} })
    s.step()
    const b = s.send({ kind: 'analyze', language: 'eql', query: SEQUENCE, eventsVersion: 1, settings: {} })
    expect(s.replyTo(a)).toMatchObject({ ok: false, failure: { code: 'cancelled' } })
    s.drain()
    expect(analysisOf(s.replyTo(b)).query).toBe(SEQUENCE)
    expect(s.replies.filter((r) => r.id === a)).toHaveLength(1)
  })

  it('answers other background requests after a yield, in order, and fingerprints are never replaced', () => {
    const s = setup()
    const f1 = s.send({ kind: 'fingerprint', eventsVersion: 1, marks: [{ index: 0 }] })
    const f2 = s.send({ kind: 'fingerprint', eventsVersion: 1, marks: [{ index: 1 }] })
    const c = s.send({ kind: 'compare', eventsVersion: 1, a: { language: 'eql', query: QUERY, settings: {} }, b: { language: 'eql', query: 'process where true', settings: {} } })
    expect(s.replies.map((r) => r.id)).not.toContain(f1)
    s.drain()
    const order = s.replies.map((r) => r.id).filter((id) => id >= f1)
    expect(order).toEqual([f1, f2, c])
    expect(s.replyTo(c)?.ok).toBe(true)
  })

  it('fingerprints a new event set in slices and places moved marks as one scan would', () => {
    const s = setup()
    const target = EVENTS.findIndex((e, i) => i > 4000 && EVENTS.every((o, j) => j === i || JSON.stringify(o) !== JSON.stringify(e)))
    const marks = [{ index: 3, fingerprint: eventFingerprint(EVENTS[target]) }, { index: 5, fingerprint: 'gone' }, { index: 7 }]
    const whole = s.handle({ id: 99, protocol: PROTOCOL_VERSION, kind: 'fingerprint', eventsVersion: 1, marks })
    const fresh = setup()
    const n = fresh.send({ kind: 'fingerprint', eventsVersion: 1, marks })
    expect(fresh.drain()).toBeGreaterThan(2)
    const reply = fresh.replyTo(n)
    expect(reply).toEqual({ ...whole, id: n })
    expect(reply?.ok && reply.kind === 'fingerprint' && reply.result.marks.map((m) => m.index)).toEqual([target, null, 7])
    // the events are fingerprinted now: the next request is answered in its first slice
    const again = fresh.send({ kind: 'fingerprint', eventsVersion: 1, marks })
    expect(fresh.drain()).toBe(1)
    expect(fresh.replyTo(again)?.ok).toBe(true)
  })

  it('an analysis of a query with errors, or of events no longer loaded, is answered at once', () => {
    const s = setup()
    const bad = s.send({ kind: 'analyze', language: 'eql', query: 'process where (', eventsVersion: 1, settings: {} })
    expect(s.drain()).toBe(1)
    const old = s.send({ kind: 'analyze', language: 'eql', query: QUERY, eventsVersion: 7, settings: {} })
    expect(s.drain()).toBe(1)
    expect(analysisOf(s.replyTo(bad)).diagnostics.length).toBeGreaterThan(0)
    expect(s.replyTo(old)).toMatchObject({ ok: false, failure: { code: 'unknown-events' } })
  })

  it('the budget counts the slices only, and a spent budget answers a partial analysis', () => {
    const s = setup()
    const n = s.send({ kind: 'analyze', language: 'eql', query: QUERY, eventsVersion: 1, settings: {}, budgetMs: 0 })
    s.drain()
    expect(analysisOf(s.replyTo(n)).stopped).toBe(true)
  })

  it('after the first run on new events, builds the editor index in the background, answering no one', () => {
    let built = 0
    const handle = createHandler({ ...engine, completeAt: () => null, collectFieldValues: (events: readonly unknown[]) => ((built += 1), collectFieldValues(events)) })
    const replies: Reply[] = []
    const tasks: (() => void)[] = []
    const receive = createScheduler({ handle, post: (r) => replies.push(r), later: (fn) => tasks.push(fn), now: () => 0 })
    const text = EVENTS.slice(0, 10).map((e) => JSON.stringify(e)).join('\n')
    receive({ id: 1, protocol: PROTOCOL_VERSION, kind: 'setEvents', version: 1, text })
    expect(tasks).toHaveLength(0)
    receive({ id: 2, protocol: PROTOCOL_VERSION, kind: 'run', language: 'eql', query: QUERY, eventsVersion: 1, settings: {}, displayLimit: 10 })
    receive({ id: 3, protocol: PROTOCOL_VERSION, kind: 'run', language: 'eql', query: QUERY, eventsVersion: 1, settings: {}, displayLimit: 10 })
    expect(tasks).toHaveLength(1) // once per event set
    tasks.shift()?.()
    expect(built).toBe(1)
    expect(replies.map((r) => r.id)).toEqual([1, 2, 3])
  })
})
