import type { JoinKeyValues } from '../../engine'

/** Display helpers of the explanation panel (pure, so they are tested in node). */

/** Values a clause read, as JSON, shortened: a long array of args stays one readable line. */
export function formatValues(values: readonly unknown[], max = 160): string {
  const one = values.length === 1 ? JSON.stringify(values[0]) : JSON.stringify(values)
  const text = one === undefined ? String(values[0]) : one
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** A join key with the event's values: `host.name = "mbp-042"`, or `no value`. */
export function formatKey(key: JoinKeyValues): string {
  const values = key.values.filter((v) => v !== null)
  return `${key.text} = ${values.length === 0 ? 'no value' : formatValues(values)}`
}

/** The headline of an explanation: does the query return the event, in words. */
export function verdictLine(kind: 'event' | 'kql' | 'sequence' | 'sample', outcome: boolean, returned: boolean): string {
  if (kind === 'sequence' || kind === 'sample') return outcome ? `part of a ${kind}` : `not part of a ${kind}`
  if (outcome && !returned) return 'matches the condition, but has no timestamp, so it is not returned'
  return outcome ? 'matches' : 'does not match'
}
