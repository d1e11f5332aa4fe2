import { describe, expect, it } from 'vitest'
import { buildSchema, compileEql, compileKql, hasErrors, parseEql, parseKql, runEql, runKql } from '../index'
import { LOGIN_HOOK_CURRENT } from '../../examples/login-hook-current'
import { PERIODIC_TASKS_KQL } from '../../examples/periodic-tasks'
import { addExclusion } from './add-exclusion'
import { applyTextEdit } from './layout'
import type { AddExclusionOptions } from './types'

const HOOK_EVENTS = LOGIN_HOOK_CURRENT.events.map((e) => e.event)

/** Indices of the events a query matches (single-event queries only). */
function matched(language: 'eql' | 'kql', query: string, events: readonly Record<string, unknown>[]): number[] {
  const { schema } = buildSchema({ ecs: true, events: [...events] })
  let out: ReturnType<typeof runEql> | null = null
  if (language === 'eql') {
    const c = compileEql(query, { schema })
    expect(hasErrors(c.diagnostics)).toBe(false)
    out = c.program === null ? null : runEql(c.program, [...events])
  } else {
    const c = compileKql(query, { schema })
    expect(hasErrors(c.diagnostics)).toBe(false)
    out = c.program === null ? null : runKql(c.program, [...events])
  }
  const r = out?.result ?? null
  return r !== null && r.kind === 'events' ? r.events.map((m) => m.index).sort((a, b) => a - b) : []
}

function args(i: number): string[] {
  const p = HOOK_EVENTS[i]?.['process'] as { args?: string[] } | undefined
  return p?.args ?? []
}

function exclude(extra: Partial<AddExclusionOptions> & Pick<AddExclusionOptions, 'value'>): ReturnType<typeof addExclusion> {
  return addExclusion({ language: 'eql', query: LOGIN_HOOK_CURRENT.query, field: 'process.args', form: 'exact', ...extra })
}

describe('addExclusion on the Login/Logout Hook rule (EQL)', () => {
  const before = matched('eql', LOGIN_HOOK_CURRENT.query, HOOK_EVENTS)

  it('matches five events before any exclusion', () => {
    expect(before).toEqual([0, 1, 2, 3, 4])
  })

  it('appends a case-insensitive value to the JAMF list, one per line with its indentation', () => {
    const r = exclude({ value: '/opt/mgmt/loginhook.sh', form: 'case-insensitive' })
    expect(r.appended).toBe(true)
    expect(r.query).toContain(
      '         "/Library/Application Support/JAMF/ManagementFrameworkScripts/loginhook.sh",\n' +
      '         "/opt/mgmt/loginhook.sh"\n       )')
    expect(r.edit).not.toBeNull()
    if (r.edit) expect(applyTextEdit(LOGIN_HOOK_CURRENT.query, r.edit)).toBe(r.query)
    expect(r.warning).toMatch(/other casings/)
  })

  it('excluding any argument of a matched event flips exactly the events holding that value', () => {
    for (const i of before) for (const value of args(i)) {
      for (const form of ['exact', 'case-insensitive'] as const) {
        const same = (a: string): boolean => (form === 'exact' ? a === value : a.toLowerCase() === value.toLowerCase())
        const holders = HOOK_EVENTS.map((_, j) => j).filter((j) => args(j).some(same))
        const r = exclude({ value, form })
        expect(parseEql(r.query).diagnostics).toEqual([])
        expect(matched('eql', r.query, HOOK_EVENTS)).toEqual(before.filter((j) => !holders.includes(j)))
      }
    }
  })

  it('exact form adds a new `and not … ==` clause on its own line, not into the `:` list', () => {
    const r = exclude({ value: '/private/var/tmp/.x.sh' })
    expect(r.appended).toBe(false)
    expect(r.query.trimEnd().endsWith(' and\n not process.args == "/private/var/tmp/.x.sh"')).toBe(true)
    expect(r.warning).toBeNull()
    expect(matched('eql', r.query, HOOK_EVENTS)).toEqual([0, 2, 3, 4])
  })

  it('wildcard form appends the pattern to the `:` list and says what else it excludes', () => {
    const r = exclude({ value: '/Users/Shared/.updater.sh', form: 'wildcard', pattern: '/Users/Shared/*' })
    expect(r.appended).toBe(true)
    expect(r.warning).toMatch(/also excludes e\.g\. "\/Users\/Shared\/anything"/)
    expect(matched('eql', r.query, HOOK_EVENTS)).toEqual([1, 4])
  })

  it('warns when the pattern does not match the value', () => {
    expect(exclude({ value: '/opt/x', form: 'wildcard', pattern: '/usr/*' }).warning).toMatch(/does not match/)
  })

  // The warning checks the pattern against the value on the page's main thread, where no watchdog
  // runs: it must use the linear matcher. A backtracking RegExp took seconds at 50 characters here
  // and did not finish at 100; this answers at once (a hang would never return, so no timing).
  it('checks a catastrophic-backtracking pattern against a long value without hanging', () => {
    const value = 'a'.repeat(5000)
    expect(exclude({ value, form: 'wildcard', pattern: '*a*a*a*a*a*a*a*a*b' }).warning).toMatch(/does not match/)
    expect(exclude({ value: value + 'b', form: 'wildcard', pattern: '*a*a*a*a*a*a*a*a*b' }).warning).toMatch(/Broader than the value/)
    expect(exclude({ value: 'X?Y', form: 'wildcard', pattern: 'x?y' }).warning).toMatch(/Broader than the value/)
  })

  it('case-insensitive with a star in the value uses in~ so the star stays literal', () => {
    const r = exclude({ value: 'a*b', form: 'case-insensitive' })
    expect(r.query).toContain('not process.args in~ ("a*b")')
    expect(parseEql(r.query).diagnostics).toEqual([])
  })
})

describe('addExclusion on other EQL shapes', () => {
  const eql = (query: string, o: Partial<AddExclusionOptions> & Pick<AddExclusionOptions, 'value'>) =>
    addExclusion({ language: 'eql', query, field: 'process.name', form: 'exact', ...o })

  it('wraps a top-level or', () => {
    const r = eql('process where process.name == "a" or process.name == "b"', { value: 'b' })
    expect(r.query).toBe('process where (process.name == "a" or process.name == "b") and not process.name == "b"')
  })

  it('appends to an `in` list on one line and to `not in~`', () => {
    expect(eql('process where not process.name in ("a", "b")', { value: 'c"d\\e' }).query)
      .toBe('process where not process.name in ("a", "b", "c\\"d\\\\e")')
    expect(eql('process where process.name not in~ ("a")', { value: 'B', form: 'case-insensitive' }).query)
      .toBe('process where process.name not in~ ("a", "B")')
  })

  it('turns a single `:` pattern into a list', () => {
    expect(eql('process where true and not process.name : "a"', { value: 'b', form: 'case-insensitive' }).query)
      .toBe('process where true and not process.name : ("a", "b")')
  })

  it('edits the chosen sequence stage and back-quotes odd field names', () => {
    const q = 'sequence by host.id [process where true] [file where true]'
    const r = addExclusion({ language: 'eql', query: q, field: 'file.my field', value: 3, form: 'exact', stage: 1 })
    expect(r.query).toBe('sequence by host.id [process where true] [file where true and not file.`my field` == 3]')
    expect(addExclusion({ language: 'eql', query: q, field: 'x', value: 1, form: 'exact', stage: 5 }).diagnostics[0]?.code).toBe('TUNE002')
    // without a stage index, the stage holding the offset of a condition the event matched
    const at = [q.indexOf('host.id'), q.indexOf('file where') + 2]
    expect(addExclusion({ language: 'eql', query: q, field: 'x', value: 1, form: 'exact', at }).query)
      .toBe('sequence by host.id [process where true] [file where true and not x == 1]')
    expect(addExclusion({ language: 'eql', query: q, field: 'x', value: 1, form: 'exact' }).query)
      .toBe('sequence by host.id [process where true and not x == 1] [file where true]')
  })

  it('refuses a query with errors and a non-string in the wildcard form', () => {
    expect(eql('process where (', { value: 'a' }).edit).toBeNull()
    expect(eql('process where true', { value: 3, form: 'wildcard' }).diagnostics[0]?.code).toBe('TUNE003')
  })
})

describe('addExclusion in KQL', () => {
  const kql = (query: string, o: Partial<AddExclusionOptions> & Pick<AddExclusionOptions, 'value'>) =>
    addExclusion({ language: 'kql', query, field: 'process.args', form: 'exact', ...o })

  it('escapes special characters: quoted for exact, escaped unquoted for wildcard', () => {
    const nasty = 'C:\\dir "x" *y or z'
    const r = kql('event.type: start', { value: nasty })
    expect(r.query).toBe('event.type: start and not process.args: "C:\\\\dir \\"x\\" *y or z"')
    const w = kql('event.type: start', { value: nasty, form: 'wildcard', pattern: 'C:\\dir "x" *' })
    expect(w.query).toBe('event.type: start and not process.args: C\\:\\\\dir \\"x\\" *')
    expect(hasErrors(parseKql(w.query).diagnostics)).toBe(false)
    expect(w.warning).toMatch(/any run/)
  })

  it('appends to an existing `not field:(…)` list and wraps a top-level or', () => {
    expect(kql('a: 1 and not process.args:(x or "y z")', { value: 'w' }).query)
      .toBe('a: 1 and not process.args:(x or "y z" or "w")')
    expect(kql('a: 1 or b: 2', { value: 'w' }).query).toBe('(a: 1 or b: 2) and not process.args: "w"')
    expect(kql('', { value: 'w' }).query).toBe('not process.args: "w"')
  })

  it('warns about text fields and case-insensitivity', () => {
    expect(kql('a: 1', { value: 'w', fieldType: 'text' }).warning).toMatch(/phrase/)
    expect(kql('a: 1', { value: 'w', form: 'case-insensitive' }).diagnostics[0]?.code).toBe('TUNE006')
  })

  it('excludes exactly the events holding the value on the Periodic Tasks rule', () => {
    const query = PERIODIC_TASKS_KQL.query
    const events = PERIODIC_TASKS_KQL.events.map((e) => e.event)
    const before = matched('kql', query, events)
    expect(before.length).toBeGreaterThan(1)
    const first = before[0] ?? -1
    const path = (events[first]?.['file'] as { path?: string } | undefined)?.path ?? ''
    const r = addExclusion({ language: 'kql', query, field: 'file.path', value: path, form: 'exact' })
    const holders = events.map((e, j) => ((e['file'] as { path?: string } | undefined)?.path === path ? j : -1))
    expect(matched('kql', r.query, events)).toEqual(before.filter((j) => !holders.includes(j)))
  })
})
