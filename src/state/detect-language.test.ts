import { describe, expect, it } from 'vitest'
import { detectLanguage, insertedLength, languageAfterEdit } from './detect-language'

describe('detectLanguage', () => {
  it.each([
    ['process where process.name == "defaults"', 'eql'],
    ['  any where true', 'eql'],
    ['"network" where destination.port == 443', 'eql'],
    ['// persistence\n/* login hooks */\nprocess where true', 'eql'],
    ['sequence by host.name with maxspan=5m\n  [process where true]\n  [file where true]', 'eql'],
    ['sequence\n[process where true] [network where true]', 'eql'],
    ['sample by host.name [process where true] [process where true]', 'eql'],
    ['PROCESS WHERE true', 'eql'],
    ['process.name : "defaults" and process.args : "LoginHook"', 'kql'],
    ['process.name:defaults', 'kql'],
    ['event.category : process and not process.name : sh', 'kql'],
    ['source.port >= 1024', 'kql'],
    ['@timestamp < "now-1d"', 'kql'],
    ['not host.name : "mbp-042"', 'kql'],
    ['(a : 1 or b : 2)', 'kql'],
    ['mimikatz or lsass', 'kql'],
  ] as const)('%s -> %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language)
  })

  it.each(['', '   ', 'process', 'process.name', 'sequence', '// only a comment'])('cannot tell %j', (text) => {
    expect(detectLanguage(text)).toBeNull()
  })

  it('is not fooled by `where` inside a KQL value or an EQL comparison without where', () => {
    expect(detectLanguage('message : "where is it"')).toBe('kql')
    expect(detectLanguage('process.name == "x"')).toBeNull()
  })
})

describe('languageAfterEdit', () => {
  it('counts what one edit inserted', () => {
    expect(insertedLength('abc', 'abxc')).toBe(1)
    expect(insertedLength('', 'process where true')).toBe(18)
    expect(insertedLength('aaaa', 'aaaaa')).toBe(1)
    expect(insertedLength('process where true', 'x : 1')).toBe(5)
  })

  it('switches on a paste the detector is sure of', () => {
    expect(languageAfterEdit('', 'process.name : "defaults"', 'eql')).toBe('kql')
    expect(languageAfterEdit('x : 1', 'sequence by host.name [process where true]', 'kql')).toBe('eql')
  })

  it('keeps the language while typing, and when the detector cannot tell', () => {
    // typing one character into EQL that momentarily reads like KQL
    expect(languageAfterEdit('process where a', 'process where a:', 'eql')).toBe('eql')
    expect(languageAfterEdit('a :', 'a : 1', 'kql')).toBe('kql')
    // a completion inserting a long field name: still undecided, stays EQL
    expect(languageAfterEdit('', 'process.command_line', 'eql')).toBe('eql')
  })
})
