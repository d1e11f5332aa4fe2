import { describe, expect, it } from 'vitest'
import { HELP, parseArgs, UsageError } from './args'

describe('parseArgs', () => {
  it('reads the command, value options in both spellings, switches and positionals', () => {
    const a = parseArgs(['check', '--query=any where true', '--size', '5', '--json', 'r.toml', '--', '--literal'])
    expect(a.command).toBe('check')
    expect(a.options.query).toBe('any where true')
    expect(a.size).toBe(5)
    expect(a.switches.has('json')).toBe(true)
    expect(a.positionals).toEqual(['r.toml', '--literal'])
    expect(a.language).toBe('eql')
  })

  it('accepts --help without a command and - as a positional', () => {
    expect(parseArgs(['--help']).command).toBe('help')
    expect(parseArgs(['test', '-']).positionals).toEqual(['-'])
  })

  it.each([
    [[], /missing command/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['run', '--nope'], /unknown option '--nope'/],
    [['run', '--query'], /--query needs a value/],
    [['run', '--language', 'sql'], /--language must be eql or kql/],
    [['run', '--size', '-1'], /--size must be a whole number/],
    [['run', '--json=yes'], /--json takes no value/],
    [['run', '--query', 'a', '--query-file', 'f'], /not both/],
    [['run', '--events', 'a', '--events', 'b'], /given twice/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError)
    expect(() => parseArgs(argv)).toThrow(message)
  })

  it('documents every command and option in the help text', () => {
    for (const word of ['run', 'test', 'check', 'dsl', '--no-schema', '--language', '--query-file', '--events', '--mappings', '--size', '--json', '--expect-match']) {
      expect(HELP).toContain(word)
    }
    expect(HELP).toMatch(/Exit codes: 0 ok; 1 failures.*\n2 bad usage/)
  })

  it('keeps request settings and the language as given', () => {
    const a = parseArgs(['run', '--language', 'kql', '--tiebreaker-field=', '--timestamp-field', 'event.ingested', '--event-category-field=event.type'])
    expect(a.language).toBe('kql')
    expect(a.options).toEqual({ language: 'kql', 'tiebreaker-field': '', 'timestamp-field': 'event.ingested', 'event-category-field': 'event.type' })
    expect(a.size).toBeNull()
  })
})
