import type { ResultPipe } from './program'

/**
 * `size` and the `head`/`tail` pipes (spec 4). Elasticsearch's plan builder inserts the request
 * size as an implicit limit right before the first head/tail pipe, of the SAME kind as that pipe
 * (so `| head 100` never returns more than `size`, and `| head 6` returns the first six whatever
 * the result position: QA `simpleQueryHeadSix` under a random result_position). Only a query
 * without head/tail pipes gets the limit at `resultPosition`. Pipes then apply left to right.
 * Every step only narrows a window over the ordered results, so the chain is one slice at the end.
 */
export interface Window {
  readonly from: number
  readonly to: number
}

/** The window of `total` ordered results that survives size and pipes. */
export function pipeWindow(
  total: number,
  size: number | null,
  resultPosition: 'head' | 'tail',
  pipes: readonly ResultPipe[],
): Window {
  let from = 0
  let to = total
  const narrow = (name: 'head' | 'tail', count: number): void => {
    const n = Math.max(0, Math.floor(count))
    if (to - from <= n) return
    if (name === 'head') to = from + n
    else from = to - n
  }
  if (size !== null) narrow(pipes[0]?.name ?? resultPosition, size)
  for (const p of pipes) narrow(p.name, p.count)
  return { from, to }
}

/** Applies size and pipes to results already in ascending order. */
export function applyPipes<T>(
  items: readonly T[],
  size: number | null,
  resultPosition: 'head' | 'tail',
  pipes: readonly ResultPipe[],
): T[] {
  const w = pipeWindow(items.length, size, resultPosition, pipes)
  return items.slice(w.from, w.to)
}
