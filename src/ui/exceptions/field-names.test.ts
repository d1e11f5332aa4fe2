import { describe, expect, it } from 'vitest'
import { fieldNamesOf } from './field-names'

describe('field names from completion', () => {
  it('keeps fields only, seen ones first, without repeats', () => {
    expect(
      fieldNamesOf([
        { label: 'not', kind: 'keyword', sortText: 'd00000' },
        { label: 'agent.id', kind: 'field', sortText: 'g00000' },
        { label: 'process.args', kind: 'field', sortText: 'c00001' },
        { label: 'host.name', kind: 'field', sortText: 'c00000' },
        { label: 'host.name', kind: 'field', sortText: 'g00003' },
      ]),
    ).toEqual(['host.name', 'process.args', 'agent.id'])
  })
})
