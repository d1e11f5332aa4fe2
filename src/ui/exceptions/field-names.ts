import type { CompletionEntry } from '../../worker/protocol'

/** The field entries of a completion list, in its order (seen fields rank first), without repeats. */
export function fieldNamesOf(entries: readonly CompletionEntry[]): string[] {
  const fields = entries.filter((e) => e.kind === 'field')
  const key = (e: CompletionEntry): string => e.sortText ?? e.label
  const sorted = [...fields].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  return [...new Set(sorted.map((e) => e.label))]
}
