import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../engine'
import { buildMarkers, diagnosticsForText, offsetToPositionIn, spanToRange } from './markers'

const diag = (code: string, start: number, end: number, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({
  code,
  severity,
  message: `message of ${code}`,
  span: { start, end },
})

describe('offsetToPositionIn', () => {
  it('counts 1-based lines and UTF-16 columns across \\n, \\r\\n and \\r', () => {
    const at = offsetToPositionIn('ab\ncd\r\nef\rg')
    expect(at(0)).toEqual({ lineNumber: 1, column: 1 })
    expect(at(2)).toEqual({ lineNumber: 1, column: 3 })
    expect(at(3)).toEqual({ lineNumber: 2, column: 1 })
    expect(at(5)).toEqual({ lineNumber: 2, column: 3 })
    expect(at(7)).toEqual({ lineNumber: 3, column: 1 })
    expect(at(10)).toEqual({ lineNumber: 4, column: 1 })
  })

  it('counts a surrogate pair as two columns, as Monaco does', () => {
    const at = offsetToPositionIn('"😀" x')
    expect(at(4)).toEqual({ lineNumber: 1, column: 5 })
  })

  it('clamps offsets outside the text', () => {
    const at = offsetToPositionIn('abc')
    expect(at(-4)).toEqual({ lineNumber: 1, column: 1 })
    expect(at(99)).toEqual({ lineNumber: 1, column: 4 })
  })
})

describe('spanToRange', () => {
  it('maps an end-exclusive span to an editor range over two lines', () => {
    const at = offsetToPositionIn('process where\n  process.name == "x"')
    expect(spanToRange({ start: 8, end: 23 }, at)).toEqual({ startLineNumber: 1, startColumn: 9, endLineNumber: 2, endColumn: 10 })
  })

  it('reads a reversed span as empty at its start', () => {
    const at = offsetToPositionIn('abcdef')
    expect(spanToRange({ start: 4, end: 2 }, at)).toEqual({ startLineNumber: 1, startColumn: 5, endLineNumber: 1, endColumn: 5 })
  })
})

describe('buildMarkers', () => {
  it('puts each diagnostic at its span with its code in the message and its severity', () => {
    const text = 'process where process.name ==\n'
    const markers = buildMarkers([diag('EQL1001', 27, 29), diag('EQL2005', 14, 26, 'warning')], offsetToPositionIn(text), 'EQL')
    expect(markers).toEqual([
      { startLineNumber: 1, startColumn: 28, endLineNumber: 1, endColumn: 30, severity: 'error', message: 'EQL1001: message of EQL1001', code: 'EQL1001', source: 'EQL' },
      { startLineNumber: 1, startColumn: 15, endLineNumber: 1, endColumn: 27, severity: 'warning', message: 'EQL2005: message of EQL2005', code: 'EQL2005', source: 'EQL' },
    ])
  })
})

describe('diagnosticsForText', () => {
  const report = { query: 'a ==', language: 'eql', diagnostics: [diag('EQL1001', 2, 4)] }

  it('gives the diagnostics of a report made for exactly this text and language', () => {
    expect(diagnosticsForText(report, 'a ==', 'eql')).toEqual(report.diagnostics)
  })

  it('gives null (keep the markers) for a report of older text or another language', () => {
    expect(diagnosticsForText(report, 'a == 1', 'eql')).toBeNull()
    expect(diagnosticsForText(report, 'a ==', 'kql')).toBeNull()
    expect(diagnosticsForText(null, 'a', 'eql')).toBeNull()
  })

  it('clears the markers for an empty query, which is never run', () => {
    expect(diagnosticsForText(null, '  \n', 'eql')).toEqual([])
  })
})
