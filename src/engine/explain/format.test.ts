import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { explainEql } from './eql-explain'
import { formatExplanation } from './format'
import { explainKql } from './kql-explain'

const ev = { '@timestamp': 1, event: { category: 'process' }, process: { name: 'CMD.exe' }, host: { id: 'h1' } }
const schema = buildSchema({ ecs: true, events: [ev] }).schema

describe('formatExplanation', () => {
  it('prints one line per clause with its value, the values read, the rule, and the deciding clause', () => {
    const x = explainEql('process where process.name : "cmd*" and user.name == "root"', ev, { schema }).explanation
    if (x === null) throw new Error('no explanation')
    const lines = formatExplanation(x).split('\n')
    expect(lines[0]).toMatch(/^null {3}process where/) // no clause false: user.name has no value
    expect(lines[1]).toMatch(/^ {2}true {3}process {2}\[event\.category: "process"\]/)
    expect(lines[3]).toContain('[process.name: "CMD.exe"]')
    expect(lines[3]).toContain('case-insensitive, * and ? wildcards')
    expect(lines[4]).toMatch(/^ {4}null {3}user\.name == "root" {2}\[user\.name: no value\] {2}<- decides/)
    expect(lines.at(-1)).toBe('outcome: not matched')
  })

  it('sequences: one block per stage with its keys', () => {
    const x = explainEql('sequence by host.id [process where true] [file where true]', ev, { schema }).explanation
    if (x === null) throw new Error('no explanation')
    const text = formatExplanation(x)
    expect(text).toContain('stage 1: could fill it; keys host.id="h1"')
    expect(text).toContain('stage 2: does not pass the filter')
  })

  it('KQL', () => {
    const x = explainKql('process.name:CMD.exe and not host.id:h1', ev, { schema }).explanation
    if (x === null) throw new Error('no explanation')
    expect(formatExplanation(x).split('\n')).toHaveLength(4)
  })
})
