import { describe, expect, it } from 'vitest'
import { emptyFields, type DateFields } from './date-calendar'
import { readStrictIso } from './iso-date'

// The grammar as a RegExp: the oracle the hand-written reader must agree with.
const ORACLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/

function viaOracle(s: string): DateFields | null {
  const m = ORACLE.exec(s)
  if (m === null) return null
  const f = emptyFields()
  f.year = Number(m[1])
  if (m[2] !== undefined) f.month = Number(m[2])
  if (m[3] !== undefined) f.day = Number(m[3])
  if (m[4] !== undefined) f.hour = Number(m[4])
  if (m[5] !== undefined) f.minute = Number(m[5])
  if (m[6] !== undefined) f.second = Number(m[6])
  if (m[7] !== undefined) f.nano = Number(m[7].padEnd(9, '0'))
  const off = m[8]
  if (off !== undefined && off !== 'Z') {
    const d = off.slice(1).replace(':', '')
    const mins = Number(d.slice(0, 2)) * 60 + (d.length > 2 ? Number(d.slice(2)) : 0)
    f.offsetMinutes = off.startsWith('-') ? -mins : mins
  }
  return f
}

function viaReader(s: string): DateFields | null {
  const f = emptyFields()
  return readStrictIso(s, f) ? f : null
}

describe('readStrictIso', () => {
  it('reads every precision and offset form', () => {
    expect(viaReader('2021-03-04T05:06:07.123456789+05:30')).toEqual({
      year: 2021, month: 3, day: 4, hour: 5, minute: 6, second: 7, nano: 123456789, offsetMinutes: 330,
    })
    expect(viaReader('2021')).toMatchObject({ year: 2021, month: 1 })
    expect(viaReader('2021-03-04T05:06:07,5-0100')).toMatchObject({ nano: 500000000, offsetMinutes: -60 })
  })

  it('agrees with the grammar on systematic and mutated inputs', () => {
    const bases = ['2021', '2021-03', '2021-03-04', '2021-03-04T05', '2021-03-04T05:06', '2021-03-04T05:06:07', '2021-03-04T05:06:07.1', '2021-03-04T05:06:07,123456789']
    const offsets = ['', 'Z', '+01', '-01:30', '+0130', '+1', 'Z0', '+01:3', '+01:300', 'z']
    const inputs: string[] = []
    for (const b of bases) for (const o of offsets) inputs.push(b + o)
    const alphabet = '0123456789-T:.,Z+ x'
    let seed = 7
    const rand = (k: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % k
    }
    for (const b of [...inputs]) {
      for (let t = 0; t < 20; t++) {
        const chars = [...b]
        const at = rand(chars.length + 1)
        const op = rand(3)
        const ch = alphabet[rand(alphabet.length)] ?? '0'
        if (op === 0) chars.splice(at, 0, ch)
        else if (op === 1) chars.splice(at, 1)
        else chars.splice(at, 1, ch)
        inputs.push(chars.join(''))
      }
    }
    expect(viaReader('2021-01:30')).toBeNull()
    inputs.push('', '202', '2021-', '2021-1', '2021-03-04T', '2021-03-04T05:06:07.', '2021-03-04T05:06:07.1234567890', '20210304')
    for (const s of inputs) {
      const expected = viaOracle(s)
      // Java's optional sections do not backtrack into a section that already parsed, so after
      // `yyyy` or `yyyy-MM` a `-NN` is a month/day, never the start of an offset; the RegExp
      // backtracks there (`2021-01:30` = year 2021, offset -01:30). Only that case may differ.
      const ambiguous = expected !== null && /^\d{4}(-\d{2})?-\d{2}(:?\d{2})?$/.test(s) && expected.offsetMinutes < 0
      expect({ s, got: viaReader(s) }).toEqual({ s, got: ambiguous ? null : expected })
    }
  })
})
