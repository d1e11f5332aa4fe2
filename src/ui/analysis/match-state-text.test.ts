import { describe, expect, it } from 'vitest'
import type { ExclusionHit } from '../../worker/protocol-analyze'
import { exceptionSentence, exclusionSentence, exclusionTitle, firedText } from './match-state-text'

const JAMF = '/Library/Application Support/JAMF/ManagementFrameworkScripts/loginhook.sh'
const hit = (over: Partial<ExclusionHit> = {}): ExclusionHit => ({
  filter: 'query',
  span: { start: 10, end: 40 },
  text: 'not process.args :\n  (\n    "a",\n    "b"\n  )',
  leafSpan: { start: 20, end: 23 },
  leafText: `"${JAMF}"`,
  field: 'process.args',
  values: [JAMF],
  ...over,
})

describe('match state text', () => {
  it('names the value seen and the element it matched', () => {
    expect(firedText(hit())).toBe(`process.args "${JAMF}" matched "${JAMF}"`)
    expect(firedText(hit({ field: null, values: [], leafText: 'a == b' }))).toBe('a == b held')
  })

  it('opens Why? with the exclusion, every one of them, and the stage of a sequence', () => {
    expect(exclusionSentence({ eventIndex: 1, exclusions: [hit()] })).toBe(
      `Matched but excluded by \`not process.args : ( "a", "b" )\` (process.args "${JAMF}" matched "${JAMF}").`,
    )
    const two = exclusionSentence({ eventIndex: 1, exclusions: [hit(), hit({ filter: 'stage 2', text: 'process.name != "jamf"', leafText: '"jamf"', field: 'process.name', values: ['jamf'] })] })
    expect(two).toMatch(/^Would fill a stage but was excluded by /)
    expect(two).toContain(' and excluded from stage 2 by `process.name != "jamf"` (process.name "jamf" matched "jamf").')
    expect(exclusionTitle({ eventIndex: 1, exclusions: [hit()] })).toBe(`excluded by not process.args : ( "a", "b" ): process.args "${JAMF}" matched "${JAMF}"`)
  })

  it('exceptions: by name, or a lost sequence', () => {
    expect(exceptionSentence(0, 'JAMF agent')).toBe('Matched but excluded by exception JAMF agent.')
    expect(exceptionSentence(-1, undefined)).toBe('Matched but lost its sequence: another event of it was excepted.')
  })
})

describe('values as the event holds them', () => {
  it('numbers and booleans unquoted, strings quoted', () => {
    expect(firedText(hit({ field: 'process.pid', values: [388], leafText: 'process.pid != 388' }))).toBe('process.pid 388 matched process.pid != 388')
    expect(firedText(hit({ field: 'x', values: [true, 'a'], leafText: 'x' }))).toBe('x true, "a" matched x')
  })
})
