/**
 * Input helpers shared by the commands: files or stdin ('-'), mappings JSON, and the EQL
 * settings the common flags set. Unreadable input throws InputError (exit code 2).
 */
import { readFileSync } from 'node:fs'
import type { EqlSettings } from '../engine/eql/settings'
import type { ParsedArgs } from './args'

/** Input that cannot be read or understood: printed as is, exit code 2. */
export class InputError extends Error {
  override readonly name = 'InputError'
}

let stdinUsed = false

/** The text of a file, or of stdin for '-' (once per process). */
export function readText(path: string, what: string): string {
  try {
    if (path === '-') {
      if (stdinUsed) throw new InputError(`${what}: stdin ('-') can only be read once`)
      stdinUsed = true
      return readFileSync(0, 'utf8')
    }
    return readFileSync(path, 'utf8')
  } catch (e) {
    if (e instanceof InputError) throw e
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : ''
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : e instanceof Error ? e.message : String(e)
    throw new InputError(`${what} '${path}': ${why}`)
  }
}

/** The query from --query or --query-file, or undefined when neither is given. */
export function queryFrom(args: ParsedArgs): string | undefined {
  if (args.options.query !== undefined) return args.options.query
  const file = args.options['query-file']
  return file === undefined ? undefined : readText(file, '--query-file')
}

/** The --mappings file parsed as JSON, or undefined. */
export function mappingsFrom(args: ParsedArgs): unknown {
  const file = args.options.mappings
  if (file === undefined) return undefined
  const text = readText(file, '--mappings')
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    throw new InputError(`--mappings '${file}': invalid JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** The EQL request settings the common flags describe. */
export function settingsFrom(args: ParsedArgs): Partial<EqlSettings> {
  const o = args.options
  return {
    ...(o['timestamp-field'] !== undefined ? { timestampField: o['timestamp-field'] } : {}),
    ...(o['tiebreaker-field'] !== undefined ? { tiebreakerField: o['tiebreaker-field'] || null } : {}),
    ...(o['event-category-field'] !== undefined ? { eventCategoryField: o['event-category-field'] } : {}),
    ...(args.size !== null ? { size: args.size } : {}),
  }
}
