/**
 * `run --exceptions <file>`: exception items to apply on top of the query, from a JSON array of
 * items (Kibana's item shape, as the page keeps them) or a Kibana export NDJSON (every item line
 * of every list in it; rules and list lines are passed over). An item that cannot be read is an
 * input error rather than left out: running without it would show matches it should except.
 */
import { readItem } from '../engine/exceptions/read-items'
import type { ExceptionItem } from '../engine/exceptions/types'
import { exceptionLineOf } from '../engine/rules/import-exception-lists'
import { isRecord } from '../engine/rules/rule-fields'
import { InputError, readText } from './io'

/** The items of the file's text; throws InputError naming each problem. */
export function exceptionItemsOf(text: string, where: string): ExceptionItem[] {
  const problems: string[] = []
  const items: ExceptionItem[] = []
  const whole = tryJson(text)
  if (whole.ok && Array.isArray(whole.value)) {
    whole.value.forEach((v: unknown, i) => {
      const item = readItem(v, `item ${i + 1}`, problems)
      if (item !== null) items.push(item)
    })
  } else {
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return
      const parsed = tryJson(line)
      if (!parsed.ok || !isRecord(parsed.value)) {
        problems.push(`line ${i + 1}: not a JSON object`)
        return
      }
      const found = exceptionLineOf(parsed.value)
      if (found?.kind !== 'item') return
      const item = readItem(found.raw, `line ${i + 1}`, problems)
      if (item !== null) items.push(item)
    })
  }
  if (problems.length > 0) throw new InputError(`${where}: exception items that cannot be read:\n${problems.join('\n')}`)
  if (items.length === 0) throw new InputError(`${where}: no exception item found (give a JSON array of items or a Kibana export NDJSON with item lines)`)
  return items
}

/** The items of `--exceptions <file>`, or [] when the option is not given. */
export function exceptionsFrom(path: string | undefined): ExceptionItem[] {
  return path === undefined ? [] : exceptionItemsOf(readText(path, '--exceptions'), `--exceptions '${path}'`)
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}
