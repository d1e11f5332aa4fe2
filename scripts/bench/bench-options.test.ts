import { describe, expect, it } from 'vitest'
import { FULL_SIZE, SMALL_SIZE, parseBenchOptions } from './bench-options'

describe('bench options', () => {
  it('defaults to the issue full size of lean events, 20 edits, and the corpus under ../shared', () => {
    expect(parseBenchOptions([])).toEqual({ size: FULL_SIZE, runs: 7, edits: 20, shareRuns: 30, json: false, lean: true, cpu: false, corpus: '../shared/corpus/rules.jsonl', help: false })
    expect(FULL_SIZE).toBe(200_000)
    expect(parseBenchOptions([], { SHARED_DIR: '/data/shared' }).corpus).toBe('/data/shared/corpus/rules.jsonl')
  })

  it('takes --small as --size 2000, the last of the two winning', () => {
    expect(parseBenchOptions(['--small']).size).toBe(SMALL_SIZE)
    expect(SMALL_SIZE).toBe(2000)
    expect(parseBenchOptions(['--small', '--size', '10000']).size).toBe(10_000)
    expect(parseBenchOptions(['--size=50000', '--small']).size).toBe(SMALL_SIZE)
  })

  it('reads every option, spaced or with =', () => {
    expect(parseBenchOptions(['--json', '--runs', '3', '--edits=5', '--share-runs', '9', '--corpus', 'x.jsonl'])).toMatchObject({ json: true, runs: 3, edits: 5, shareRuns: 9, corpus: 'x.jsonl' })
    expect(parseBenchOptions(['-h']).help).toBe(true)
    expect(parseBenchOptions(['--rich']).lean).toBe(false)
    expect(parseBenchOptions(['--cpu']).cpu).toBe(true)
  })

  it.each([
    [['--size', '0'], /--size needs a positive whole number \(got "0"\)/],
    [['--size', '1e3.5'], /--size needs a positive whole number/],
    [['--runs'], /--runs needs a positive whole number \(got nothing\)/],
    [['--edits', '-2'], /--edits needs/],
    [['--corpus'], /--corpus needs a file/],
    [['--fast'], /unknown option "--fast"\nusage: npm run bench/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseBenchOptions(argv)).toThrow(message)
  })
})
