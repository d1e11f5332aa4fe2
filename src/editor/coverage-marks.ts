import type { ClauseCount } from '../worker/protocol'

/** One coverage label in the query editor: after a clause, how many events it held for. */
export interface CoverageMark {
  /** the clause the label follows (a `not` or a leaf: `and`/`or` only group clauses) */
  readonly start: number
  readonly end: number
  /** the text shown after the clause, e.g. " ✓ 12" or " ✗ dead: 0 events" */
  readonly label: string
  /** the clause held for no event: it can be dropped, or it keeps the query from matching */
  readonly dead: boolean
  /** Markdown for the hover: every clause ending here with its counts */
  readonly hover: string
}

/** Structure nodes: their counts are their clauses', and a label after each would pile up. */
const GROUPING = new Set<ClauseCount['kind']>(['filter', 'and', 'or'])

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

/**
 * Turns clause coverage into editor labels. Clauses ending at the same character (a `not` and the
 * clause it negates) share one label, the outer one's (the clause the `and` actually tests), and
 * the hover lists them all. `stopped`: the scan ran out of time, so counts cover fewer events.
 */
export function coverageMarks(coverage: readonly ClauseCount[], stopped = false): CoverageMark[] {
  const byEnd = new Map<number, ClauseCount[]>()
  for (const c of coverage) {
    if (GROUPING.has(c.kind)) continue
    const at = byEnd.get(c.span.end)
    if (at) at.push(c)
    else byEnd.set(c.span.end, [c])
  }
  const marks: CoverageMark[] = []
  for (const clauses of byEnd.values()) {
    const outer = clauses[0]
    if (!outer) continue
    const dead = outer.trueCount === 0
    const partial = stopped ? ' (partial)' : ''
    const label = dead ? ` ✗ dead: 0 events${partial}` : ` ✓ ${outer.trueCount}${partial}`
    const lines = clauses.map((c) => `\`${oneLine(c.text)}\`: true for ${plural(c.trueCount, 'event')}, false for ${c.falseCount}, missing field for ${c.nullCount}`)
    const head = dead ? '**Dead clause**: it held for no event, so the rule cannot match through it.' : `**Clause coverage**: ✓ ${outer.trueCount}${partial}`
    marks.push({ start: outer.span.start, end: outer.span.end, label, dead, hover: [head, ...lines].join('\n\n') })
  }
  return marks.sort((a, b) => a.end - b.end)
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat
}
