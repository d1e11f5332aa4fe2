/**
 * Subset construction primitives shared by the eager determinizer (complement, intersection)
 * and the lazy matcher: epsilon closure and one-class moves over an {@link Nfa}.
 *
 * A subset keeps only "important" NFA states (those with labelled edges, or the accept state):
 * epsilon-only states add nothing once the closure is taken, and dropping them makes equal
 * subsets compare equal more often, which keeps DFAs small.
 */
import type { Nfa } from './nfa'

/** Closure and move operations over one NFA, with scratch space reused across calls. */
export class SubsetSpace {
  private readonly mark: Int32Array
  private stamp = 0
  private readonly important: Uint8Array
  private readonly stack: number[] = []

  constructor(readonly nfa: Nfa) {
    const n = nfa.eps.length
    this.mark = new Int32Array(n)
    this.important = new Uint8Array(n)
    for (let s = 0; s < n; s++) {
      if ((nfa.labels[s]?.length ?? 0) > 0 || s === nfa.accept) this.important[s] = 1
    }
  }

  /** Number of NFA states (the effort unit of a step). */
  get size(): number {
    return this.nfa.eps.length
  }

  /** Epsilon closure of `seeds`, as sorted important states. */
  closure(seeds: ArrayLike<number>): Int32Array {
    const stamp = ++this.stamp
    const out: number[] = []
    const stack = this.stack
    for (let i = 0; i < seeds.length; i++) {
      const s = seeds[i] ?? 0
      if (this.mark[s] !== stamp) {
        this.mark[s] = stamp
        stack.push(s)
      }
    }
    while (stack.length > 0) {
      const s = stack.pop() ?? 0
      if (this.important[s] === 1) out.push(s)
      for (const t of this.nfa.eps[s] ?? []) {
        if (this.mark[t] !== stamp) {
          this.mark[t] = stamp
          stack.push(t)
        }
      }
    }
    return Int32Array.from(out).sort()
  }

  /** True when the subset contains the accept state. */
  accepts(set: Int32Array): boolean {
    return set.includes(this.nfa.accept)
  }

  /** States reached from `set` by one code point of class `c` (before closure). */
  move(set: Int32Array, c: number): number[] {
    const out: number[] = []
    for (let i = 0; i < set.length; i++) {
      const s = set[i] ?? 0
      const labels = this.nfa.labels[s]
      const targets = this.nfa.targets[s]
      if (labels === undefined || targets === undefined) continue
      for (let e = 0; e < labels.length; e++) {
        const label = labels[e]
        if (label !== undefined && inLabel(label, c)) out.push(targets[e] ?? 0)
      }
    }
    return out
  }

  /**
   * Moves from `set` on every class at once: fills `buckets[c]` for each class reached and
   * returns those classes. Cheaper than one {@link move} per class when labels are wide.
   */
  moveAll(set: Int32Array, buckets: number[][]): number[] {
    const touched: number[] = []
    for (let i = 0; i < set.length; i++) {
      const s = set[i] ?? 0
      const labels = this.nfa.labels[s]
      const targets = this.nfa.targets[s]
      if (labels === undefined || targets === undefined) continue
      for (let e = 0; e < labels.length; e++) {
        const label = labels[e]
        const t = targets[e] ?? 0
        if (label === undefined) continue
        for (let r = 0; r + 1 < label.length; r += 2) {
          const hi = label[r + 1] ?? -1
          for (let c = label[r] ?? 0; c <= hi; c++) {
            const bucket = buckets[c]
            if (bucket === undefined) continue
            if (bucket.length === 0) touched.push(c)
            bucket.push(t)
          }
        }
      }
    }
    return touched
  }
}

/** True when class `c` is inside one of the label's class-id ranges. */
export function inLabel(label: Int32Array, c: number): boolean {
  for (let r = 0; r + 1 < label.length; r += 2) {
    if (c >= (label[r] ?? 0) && c <= (label[r + 1] ?? -1)) return true
  }
  return false
}

/** Map key of a subset. */
export function subsetKey(set: Int32Array): string {
  return set.join(',')
}
