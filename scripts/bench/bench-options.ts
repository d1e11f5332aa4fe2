/**
 * The command line of `npm run bench`. Pure (no process access), so its rules are unit-tested.
 */

/** The full size: about 100 MB of NDJSON, where the load and keystroke targets are stated. */
export const FULL_SIZE = 200_000

/** `--small`: every row runs, in a few seconds, for CI; targets then read n/a. */
export const SMALL_SIZE = 2_000

export interface BenchOptions {
  /** events generated */
  readonly size: number
  /** timed runs per throughput figure (after warm-up) */
  readonly runs: number
  /** query edits timed per keystroke figure (the p95 of 20 edits) */
  readonly edits: number
  /** timed encodes and decodes of the share link */
  readonly shareRuns: number
  readonly json: boolean
  /**
   * the generator's lean events (~550 B of NDJSON each: 200,000 make the issue's ~100 MB file, the
   * one the browser bench loads), or `--rich` ones (~800 B, every field; the figures before issue 8)
   */
  readonly lean: boolean
  /** time with the process's CPU time instead of wall time (a machine shared with other work) */
  readonly cpu: boolean
  /** the detection-rules corpus (read at run time, never copied) */
  readonly corpus: string
  readonly help: boolean
}

export const USAGE = `usage: npm run bench -- [--size N | --small] [--rich] [--cpu] [--runs R] [--edits E] [--share-runs S] [--json] [--corpus FILE]
  --size N        events to generate (default ${FULL_SIZE.toLocaleString('en-US')}, the issue's full size)
  --small         same as --size ${SMALL_SIZE}: every row runs in seconds (CI); targets read n/a
  --rich          every field of the generated events (~800 B each) instead of the lean ~550 B
                  (200,000 lean events are the issue's ~100 MB file, as in npm run bench:browser)
  --cpu           time with the process's CPU time, not wall time: on a machine busy with other
                  work, close to a quiet machine's wall time (errs high: GC threads count)
  --runs R        timed runs per throughput figure (default 7)
  --edits E       query edits per keystroke figure (default 20: the issue's p95 of 20 edits)
  --share-runs S  timed share link encodes and decodes (default 30)
  --json          print the rows as JSON on stdout (progress goes to stderr; "npm run -s bench"
                  keeps npm's banner off stdout)
  --corpus FILE   rules.jsonl of the corpus (default $SHARED_DIR/corpus/rules.jsonl, SHARED_DIR=../shared)`

/** What a positive whole number option holds, or why not. */
function count(name: string, text: string | undefined): number {
  const n = Number(text)
  if (text === undefined || text.trim() === '' || !Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} needs a positive whole number (got ${text === undefined ? 'nothing' : JSON.stringify(text)})`)
  return n
}

/**
 * Reads the arguments after `npm run bench --`; throws an Error with a message for the user on an
 * unknown option or a bad value. `--size` and `--small` are the same setting: the last one wins.
 */
export function parseBenchOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): BenchOptions {
  let size = FULL_SIZE
  let runs = 7
  let edits = 20
  let shareRuns = 30
  let json = false
  let lean = true
  let cpu = false
  let help = false
  let corpus = `${env['SHARED_DIR'] ?? '../shared'}/corpus/rules.jsonl`
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    const eq = a.indexOf('=')
    // `--size=2000` as well as `--size 2000`
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined]
    const value = (): string | undefined => inline ?? argv[++i]
    if (flag === '--json') json = true
    else if (flag === '--small') size = SMALL_SIZE
    else if (flag === '--rich') lean = false
    else if (flag === '--cpu') cpu = true
    else if (flag === '--help' || flag === '-h') help = true
    else if (flag === '--size') size = count('--size', value())
    else if (flag === '--runs') runs = count('--runs', value())
    else if (flag === '--edits') edits = count('--edits', value())
    else if (flag === '--share-runs') shareRuns = count('--share-runs', value())
    else if (flag === '--corpus') {
      const file = value()
      if (file === undefined || file === '') throw new Error('--corpus needs a file')
      corpus = file
    } else throw new Error(`unknown option ${JSON.stringify(a)}\n${USAGE}`)
  }
  return { size, runs, edits, shareRuns, json, lean, cpu, corpus, help }
}
