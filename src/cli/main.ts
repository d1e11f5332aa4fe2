/**
 * Entry point of the `rule-playground` command (run with `npm run cli -- <command>`, or through
 * bin/rule-playground.mjs). Dispatches to run / test / check / dsl / explain / alerts and owns the exit codes:
 * 0 ok, 1 failures, 2 bad usage or input (message on stderr). An engine that cannot be loaded, or
 * anything else thrown (a bug), exits 3, so it is never mistaken for a test failure.
 */
import { HELP, parseArgs, UsageError, type ParsedArgs } from './args'
import { alertsCommand } from './commands/alerts'
import { checkCommand } from './commands/check'
import { dslCommand } from './commands/dsl'
import { explainCommand } from './commands/explain'
import { runCommand } from './commands/run'
import { runConformance } from './conformance/runner'
import { EngineUnavailable } from './engine-port'
import { InputError } from './io'

async function testCommand(args: ParsedArgs): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('test needs suite files or directories, or share links')
  const tally = await runConformance(args.positionals, { onFailure: (text) => process.stdout.write(text + '\n') })
  process.stdout.write(tally.summary() + '\n')
  // nothing run at all (no suites found) is a failure too: a CI step must not pass vacuously
  return tally.failed > 0 || (tally.passed === 0 && tally.skipped === 0) ? 1 : 0
}

/** Runs the CLI on argv (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv)
    if (args.command === 'help' || args.switches.has('help')) {
      process.stdout.write(HELP)
      return 0
    }
    if (args.command === 'run') return await runCommand(args)
    if (args.command === 'check') return await checkCommand(args)
    if (args.command === 'dsl') return await dslCommand(args)
    if (args.command === 'explain') return await explainCommand(args)
    if (args.command === 'alerts') return await alertsCommand(args)
    return await testCommand(args)
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`rule-playground: ${e.message}\nTry 'rule-playground --help'.\n`)
      return 2
    }
    if (e instanceof InputError) {
      process.stderr.write(`rule-playground: ${e.message}\n`)
      return 2
    }
    if (e instanceof EngineUnavailable) {
      process.stderr.write(`rule-playground: ${e.message}\n`)
      return 3
    }
    process.stderr.write(`rule-playground: internal error (a bug): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    return 3
  }
}

/** True when this module is the program being run (not imported by a test). */
function isEntry(): boolean {
  const entry = process.argv[1]
  if (entry === undefined) return false
  return /(?:^|[/\\])main\.(?:ts|js|mjs)$/.test(entry)
}

if (isEntry()) {
  main(process.argv.slice(2)).then(
    (code) => {
      // let stdout drain before exiting (piped output may be large)
      process.exitCode = code
    },
    (e: unknown) => {
      process.stderr.write(`rule-playground: ${String(e)}\n`)
      process.exitCode = 3
    },
  )
}
