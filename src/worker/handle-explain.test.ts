import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql } from '../engine'
import { createHandler } from './handle'
import { PROTOCOL_VERSION, type ExplainNode, type ExplainReport, type Reply } from './protocol'

/** The `explain` request through the dispatcher over the real engine, as the worker answers it. */
const engine = { buildSchema, compileEql, compileKql, eqlSettings, parseEventsText, runEql, runKql }

const host = { name: 'mbp-042' }
const proc = (ts: string, name: string, args: string[], extra: Record<string, unknown> = {}) => ({
  '@timestamp': ts,
  event: { category: ['process'], type: ['start'] },
  host,
  process: { name, args },
  ...extra,
})
const eventsText = [
  proc('2026-11-02T09:14:03.120Z', 'defaults', ['defaults', 'write', 'com.apple.loginwindow', 'LoginHook', '/tmp/x.sh'], { user: { name: 'ann' } }),
  proc('2026-11-02T09:14:05.002Z', 'defaults', ['defaults', 'write', 'com.apple.loginwindow', 'LoginHook', '/Library/JAMF/login.sh'], { user: { name: 'bob' } }),
  proc('2026-11-02T09:14:09.500Z', 'sh', ['sh', '/tmp/x.sh']),
]
  .map((e) => JSON.stringify(e))
  .join('\n')

function setup() {
  const handle = createHandler(engine)
  handle({ id: 1, protocol: PROTOCOL_VERSION, kind: 'setEvents', version: 1, text: eventsText })
  let id = 2
  const send = (language: 'eql' | 'kql', query: string, eventIndex: number, eventsVersion = 1): Reply =>
    handle({ id: id++, protocol: PROTOCOL_VERSION, kind: 'explain', language, query, eventsVersion, settings: {}, eventIndex })
  const explain = (language: 'eql' | 'kql', query: string, eventIndex: number): ExplainReport => {
    const reply = send(language, query, eventIndex)
    if (!reply.ok || reply.kind !== 'explain') throw new Error(`explain failed: ${JSON.stringify(reply)}`)
    // what crosses postMessage must survive a structured clone (no shared references needed)
    return structuredClone(reply.result)
  }
  return { explain, send }
}

const at = (tree: ExplainNode, path: readonly number[]): ExplainNode | undefined =>
  path.reduce<ExplainNode | undefined>((n, i) => n?.children[i], tree)

const LOGIN_HOOK = 'process where process.name == "defaults" and process.args == "LoginHook" and not process.args : ("/Library/JAMF/*", "/usr/local/jamf/*")'

describe('explain request', () => {
  it('explains a rejected event: false overall, the exclusion clause deciding', () => {
    const report = setup().explain('eql', LOGIN_HOOK, 1)
    const e = report.explanation
    expect(e?.kind).toBe('event')
    if (e?.kind !== 'event') return
    expect(e.outcome).toBe(false)
    expect(e.tree.value).toBe(false)
    // a `not` is decided by its operand: the exclusion list that held, under the `not` that failed
    const deciding = at(e.tree, e.decidingPath)
    const parent = at(e.tree, e.decidingPath.slice(0, -1))
    expect(deciding?.text).toBe('process.args : ("/Library/JAMF/*", "/usr/local/jamf/*")')
    expect(deciding?.value).toBe(true)
    expect(parent).toMatchObject({ kind: 'not', value: false })
    expect(e.decidingSpan).toEqual(deciding?.span)
    expect(LOGIN_HOOK.slice(e.decidingSpan.start, e.decidingSpan.end)).toBe(deciding?.text)
  })

  it('explains a matched event: true, with the field values each clause read and its rule', () => {
    const e = setup().explain('eql', LOGIN_HOOK, 0).explanation
    if (e?.kind !== 'event') throw new Error('expected an event explanation')
    expect(e.outcome).toBe(true)
    expect(e.returned).toBe(true)
    const leaves: ExplainNode[] = []
    const walk = (n: ExplainNode): void => (n.children.length === 0 ? void leaves.push(n) : n.children.forEach(walk))
    walk(e.tree)
    const name = leaves.find((n) => n.text === 'process.name == "defaults"')
    expect(name?.value).toBe(true)
    expect(name?.seen?.[0]).toMatchObject({ field: 'process.name', values: ['defaults'] })
    expect(name?.rule).toBeTruthy()
  })

  it('marks a clause over a missing field null', () => {
    const e = setup().explain('eql', 'process where user.name == "ann"', 2).explanation
    if (e?.kind !== 'event') throw new Error('expected an event explanation')
    expect(e.outcome).toBe(false)
    const deciding = at(e.tree, e.decidingPath)
    expect(deciding?.value).toBeNull()
    expect(deciding?.seen?.[0]).toMatchObject({ field: 'user.name', values: [] })
  })

  it('explains KQL, binding the event set as a run does', () => {
    const query = 'process.name : "defaults" and not process.args : /Library/JAMF/*'
    const { explain } = setup()
    const rejected = explain('kql', query, 1).explanation
    const matched = explain('kql', query, 0).explanation
    expect(rejected?.kind).toBe('kql')
    if (rejected?.kind !== 'kql' || matched?.kind !== 'kql') return
    expect(rejected.outcome).toBe(false)
    expect(at(rejected.tree, rejected.decidingPath)).toMatchObject({ text: 'process.args : /Library/JAMF/*', value: true })
    expect(matched.outcome).toBe(true)
  })

  it('explains a sequence stage by stage, with join keys and the verdict', () => {
    const query = 'sequence by host.name [process where process.args == "LoginHook"] [process where process.name == "sh"]'
    const { explain } = setup()
    const e = explain('eql', query, 2).explanation
    if (e?.kind !== 'sequence') throw new Error('expected a sequence explanation')
    expect(e.stages.map((s) => s.fills)).toEqual([false, true])
    expect(e.stages[1]?.keys[0]).toMatchObject({ text: 'host.name', values: ['mbp-042'] })
    expect(e.verdict?.completed).toBe(true)
    expect(e.verdict?.summary).toBeTruthy()
    // the event that only a later LoginHook could complete: part of no sequence, and said so
    const first = explain('eql', query, 1).explanation
    if (first?.kind !== 'sequence') throw new Error('expected a sequence explanation')
    expect(first.stages[0]?.fills).toBe(true)
    expect(typeof first.verdict?.completed).toBe('boolean')
  })

  it('answers compile errors with diagnostics, an out-of-range index with no explanation, an old dataset with a failure', () => {
    const { explain, send } = setup()
    const broken = explain('eql', 'process where', 0)
    expect(broken.explanation).toBeNull()
    expect(broken.diagnostics.some((d) => d.severity === 'error')).toBe(true)
    expect(explain('eql', LOGIN_HOOK, 99).explanation).toBeNull()
    expect(send('eql', LOGIN_HOOK, 0, 7)).toMatchObject({ ok: false, failure: { code: 'unknown-events' } })
  })
})
