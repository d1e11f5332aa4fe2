import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isMissing } from '../result'
import { runEql } from './run-eql'
import { key, matcher, sequenceProgram } from './run-test-programs'

// Elasticsearch's abstract sequence specs, read at test time (never copied into the project).
// Format: a name line; one line per stage listing the events that match it (`A1` = an event at
// time 1, `k|A1` = with join key k); `;`; the expected sequences, one per line; `;`.
const SPEC = new URL('../../../../shared/conformance/eql/es/unit/sequences.series-spec', import.meta.url)

interface Spec {
  readonly name: string
  readonly stages: readonly string[][]
  readonly expected: readonly string[]
}

function parseSpecs(text: string): Spec[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/\/\/.*$/, '').trim())
    .filter((l) => l !== '')
  const specs: Spec[] = []
  let k = 0
  while (k < lines.length) {
    const name = lines[k++] as string
    const stages: string[][] = []
    while (k < lines.length && lines[k] !== ';') stages.push((lines[k++] as string).split(/\s+/))
    k++
    const expected: string[] = []
    while (k < lines.length && lines[k] !== ';') expected.push((lines[k++] as string).split(/\s+/).join(' '))
    k++
    specs.push({ name, stages, expected })
  }
  return specs
}

interface SpecEvent {
  readonly stage: number
  readonly ts: number
  readonly key: string
  readonly name: string
}

function runSpec(spec: Spec): string[] {
  const events: SpecEvent[] = []
  spec.stages.forEach((tokens, stage) => {
    for (const tok of tokens) {
      const m = /^(?:(\w+)\|)?([A-Za-z]+)(\d+)$/.exec(tok)
      if (m === null) throw new Error(`bad token ${tok} in ${spec.name}`)
      events.push({ stage, ts: Number(m[3]), key: m[1] ?? '', name: `${m[2]}${m[3]}` })
    }
  })
  // input order deliberately differs from time order: the runner must order by timestamp
  events.sort((a, b) => a.stage - b.stage || a.ts - b.ts)
  const program = sequenceProgram(
    spec.stages.map((_, s) => ({ m: matcher((ev) => ev['stage'] === s), keys: [key('key')] })),
  )
  const out = runEql(program, events)
  expect(out.diagnostics).toEqual([])
  if (out.result?.kind !== 'sequences') throw new Error('expected sequences')
  return out.result.sequences.map((seq) => {
    const names = seq.events.map((e) => (isMissing(e) ? '-' : (events[e.index] as SpecEvent).name))
    const k = seq.joinKeys[0]
    return (k === '' ? '' : `${String(k)}|`) + names.join(' ')
  })
}

const specs = parseSpecs(readFileSync(SPEC, 'utf8'))

describe('sequences.series-spec', () => {
  it('has all 25 specs', () => {
    expect(specs).toHaveLength(25)
  })
  for (const spec of specs) {
    it(spec.name, () => {
      expect(runSpec(spec)).toEqual(spec.expected)
    })
  }
})
