import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliInProcess as cli } from '../cli-in-process'
import { fieldValues } from './explain'

const EVENTS = [
  { id: 'a1', '@timestamp': '2025-01-01T00:00:00Z', event: { category: 'process' }, process: { name: 'cmd.exe', pid: 1 }, user: { name: 'root' } },
  { id: 'a2', '@timestamp': '2025-01-01T00:00:01Z', event: { category: 'process' }, process: { name: 'CMD.EXE', pid: 1 } },
  { id: 'dup', '@timestamp': '2025-01-01T00:00:02Z', event: { category: 'network' }, process: { pid: 1 } },
  { id: 'dup', '@timestamp': '2025-01-01T00:00:03Z', event: { category: 'network' }, process: { pid: 2 } },
]

const dir = mkdtempSync(join(tmpdir(), 'rp-explain-'))
const eventsFile = join(dir, 'events.ndjson')
writeFileSync(eventsFile, EVENTS.map((e) => JSON.stringify(e)).join('\n') + '\n')


const EQL = 'process where process.name : "cmd*" and user.name == "root"'

describe('explain', { timeout: 60_000 }, () => {
  it('prints the tree and names the deciding clause by its text and span', async () => {
    const r = await cli(['explain', '--query', EQL, '--events', eventsFile, '--event-id', 'a2'])
    expect(r.code).toBe(0)
    const start = EQL.indexOf('user.name == "root"')
    const end = start + 'user.name == "root"'.length
    expect(r.stdout).toContain('event #1')
    expect(r.stdout).toMatch(/null +user\.name == "root" +\[user\.name: no value\] +<- decides/)
    expect(r.stdout).toContain(`decided by: user.name == "root"  (span ${start}-${end}, line 1 column ${start + 1}; does not match)`)
    expect(r.stdout).toContain('outcome: not matched')
  })

  it('--json parses, and the deciding path leads to the deciding clause', async () => {
    const r = await cli(['explain', '--query', EQL, '--events', eventsFile, '--event-index', '0', '--json'])
    expect(r.code).toBe(0)
    interface Node { text: string; children: Node[] }
    const out = JSON.parse(r.stdout) as { event: { index: number }; explanation: { kind: string; outcome: boolean; tree: Node; deciding: number[]; decidingText: string; decidingSpan: { start: number; end: number } } }
    expect(out.event.index).toBe(0)
    const x = out.explanation
    expect(x.kind).toBe('event')
    expect(x.outcome).toBe(true)
    let node: Node | undefined = x.tree
    for (const i of x.deciding) node = node?.children[i]
    expect(node?.text).toBe(x.decidingText)
    expect(EQL.slice(x.decidingSpan.start, x.decidingSpan.end)).toBe(x.decidingText)
  })

  it('explains KQL, and each stage of a sequence', async () => {
    const kql = await cli(['explain', '--language', 'kql', '--query', 'process.name : cmd* and not user.name : root', '--events', eventsFile, '--event-id', 'a1'])
    expect(kql.code).toBe(0)
    // the leaf under `not` decides: it is what a tuning edit would change
    expect(kql.stdout).toContain('decided by: user.name : root  (span 28-44, line 1 column 29; does not match)')
    const seq = await cli(['explain', '--query', 'sequence by process.pid [process where true] [network where true]', '--events', eventsFile, '--event-index', '2'])
    expect(seq.code).toBe(0)
    expect(seq.stdout).toMatch(/^stage 1: decided by: process  \(span 25-32, .*; does not match\)$/m)
    expect(seq.stdout).toMatch(/^stage 2: decided by: true  \(span 60-64, .*; matches\)$/m)
  })

  it('exits 2 on bad usage, an unknown or ambiguous event, and a query that does not compile', async () => {
    const base = ['explain', '--query', EQL, '--events', eventsFile]
    expect((await cli(base)).stderr).toContain('--event-id <id> or --event-index <n>')
    const unknown = await cli([...base, '--event-id', 'nope'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("no event has id = 'nope'")
    const dup = await cli([...base, '--event-id', 'dup'])
    expect(dup.code).toBe(2)
    expect(dup.stderr).toContain('2 events have id')
    expect((await cli([...base, '--event-index', '9'])).code).toBe(2)
    expect((await cli([...base, '--event-id', 'a1', '--event-index', '0'])).code).toBe(2)
    const broken = await cli(['explain', '--query', 'process where (', '--events', eventsFile, '--event-index', '0'])
    expect(broken.code).toBe(2)
    expect(broken.stderr).not.toBe('')
  })

  it('finds ids in nested objects and dotted keys', () => {
    expect(fieldValues({ a: { b: 1 }, 'a.b': 2 }, 'a.b')).toEqual([2, 1])
    expect(fieldValues({ a: [{ b: 'x' }, { b: 'y' }] }, 'a.b')).toEqual(['x', 'y'])
    expect(fieldValues({ a: { b: 1 } }, 'a')).toEqual([])
  })
})
