import type { ExceptedEvent, ExceptionProblem, RunReport } from '../../worker/protocol'

/** What the last run says about one exception item. */
export interface ItemOutcome {
  /** events this item took out of the rule's matches (the first item that holds for an event counts it) */
  readonly excepted: number
  /** problems with the item as a whole (no entry named) */
  readonly itemProblems: readonly ExceptionProblem[]
  /** problems of each entry, by the entry's position in the item */
  readonly entryProblems: ReadonlyMap<number, readonly ExceptionProblem[]>
}

/** The whole list's outcome: per item, and events lost only because their sequence lost another event. */
export interface ListOutcome {
  readonly items: readonly ItemOutcome[]
  /** excepted events no item holds for itself (`item: -1`): a sequence lost one of its other events */
  readonly lostWithSequence: number
  readonly total: number
}

/**
 * Spreads the run report's `excepted` events and `exceptionProblems` over the items they name, so
 * the list can show each item's count and problems at the item or entry they are about. Indexes
 * outside the list (a report for a longer list the user has since shortened) are ignored.
 */
export function outcomesOf(report: Pick<RunReport, 'excepted' | 'exceptionProblems'> | null, itemCount: number): ListOutcome {
  const counts = new Array<number>(itemCount).fill(0)
  const itemProblems: ExceptionProblem[][] = Array.from({ length: itemCount }, () => [])
  const entryProblems: Map<number, ExceptionProblem[]>[] = Array.from({ length: itemCount }, () => new Map())
  let lostWithSequence = 0
  const excepted: readonly ExceptedEvent[] = report?.excepted ?? []
  for (const e of excepted) {
    if (e.item === -1) lostWithSequence++
    else if (e.item >= 0 && e.item < itemCount) counts[e.item] = (counts[e.item] ?? 0) + 1
  }
  for (const p of report?.exceptionProblems ?? []) {
    if (p.item < 0 || p.item >= itemCount) continue
    if (p.entry === undefined) itemProblems[p.item]?.push(p)
    else {
      const byEntry = entryProblems[p.item]
      byEntry?.set(p.entry, [...(byEntry.get(p.entry) ?? []), p])
    }
  }
  const items = counts.map((excepted, i) => ({ excepted, itemProblems: itemProblems[i] ?? [], entryProblems: entryProblems[i] ?? new Map() }))
  return { items, lostWithSequence, total: excepted.length }
}

/** "excepts 1 event", "excepts 3 events", "excepts no event". */
export function exceptsText(n: number): string {
  return n === 0 ? 'excepts no event' : `excepts ${n} event${n === 1 ? '' : 's'}`
}
