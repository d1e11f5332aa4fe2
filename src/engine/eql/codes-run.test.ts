import { describe, expect, it } from 'vitest'
import { CHECK_CODE_LIST } from './codes-check'
import { RUN_CODE_LIST } from './codes-run'
import { SYNTAX_CODE_LIST } from './codes-syntax'

describe('EQL code registries', () => {
  it('run-time codes are EQL3xxx', () => {
    for (const d of RUN_CODE_LIST) expect(d.code).toMatch(/^EQL3\d{3}$/)
  })
  it('codes are unique across the syntax, check and run registries', () => {
    const all = [...SYNTAX_CODE_LIST, ...CHECK_CODE_LIST, ...RUN_CODE_LIST].map((d) => d.code)
    expect(new Set(all).size).toBe(all.length)
  })
})
