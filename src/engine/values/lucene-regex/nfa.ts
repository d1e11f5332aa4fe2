/**
 * Thompson construction: syntax tree -> NFA with epsilon edges over alphabet classes.
 *
 * Complement and intersection have no Thompson form; their operands are determinized (see
 * `determinize.ts`) and the resulting DFA is spliced back in as ordinary NFA states. Repetition
 * `{n,m}` copies its operand, so the builder counts states and refuses (too complex) before a
 * pattern like `a{1000000}` can allocate without bound.
 */
import { classLabel, type Alphabet } from './alphabet'
import type { Dfa } from './dfa'
import { ParseFailure, type RegexNode } from './types'

/**
 * An NFA. A label is a list of class-id ranges `[lo0, hi0, lo1, hi1, ...]`; state `s` has edges
 * `labels[s][i] -> targets[s][i]` and epsilon edges `eps[s]`.
 */
export interface Nfa {
  readonly eps: readonly (readonly number[])[]
  readonly labels: readonly (readonly Int32Array[])[]
  readonly targets: readonly (readonly number[])[]
  readonly start: number
  readonly accept: number
}

function tooManyStates(limit: number, at: number): ParseFailure {
  return new ParseFailure(
    `regular expression is too complex: its automaton needs more than ${limit} states (near position ${at})`,
    at,
    'too_complex',
  )
}

/**
 * Checks, before building, that `root` needs at most `limit` NFA states, so `a{1000000}` is
 * refused at once (at the innermost node that crosses the limit) rather than after allocating
 * `limit` states. Complement/intersection count as their operands (their DFA size is bounded
 * separately).
 */
export function checkNfaSize(root: RegexNode, limit: number): void {
  const size = (node: RegexNode): number => {
    let n: number
    switch (node.kind) {
      case 'empty-language':
      case 'empty-string':
      case 'any-string':
      case 'chars':
        return 2
      case 'concat':
        n = 1 + node.parts.reduce((sum, p) => sum + size(p), 0)
        break
      case 'union':
        n = 2 + node.alternatives.reduce((sum, p) => sum + size(p), 0)
        break
      case 'repeat':
        n = 2 + size(node.operand) * ((node.max ?? node.min) + 1)
        break
      case 'complement':
        n = 2 + size(node.operand)
        break
      case 'intersection':
        n = 2 + size(node.left) + size(node.right)
        break
    }
    if (n > limit) throw tooManyStates(limit, node.at)
    return n
  }
  size(root)
}

interface Fragment {
  readonly start: number
  readonly end: number
}

/** Builds one NFA; `dfaOf` supplies (memoized) DFAs for complement/intersection nodes. */
export class NfaBuilder {
  private readonly eps: number[][] = []
  private readonly labels: Int32Array[][] = []
  private readonly targets: number[][] = []

  constructor(
    private readonly alphabet: Alphabet,
    private readonly maxStates: number,
    private readonly dfaOf: (node: RegexNode) => Dfa,
  ) {}

  /** The NFA accepting exactly the language of `root`. */
  build(root: RegexNode): Nfa {
    const f = this.fragment(root)
    return { eps: this.eps, labels: this.labels, targets: this.targets, start: f.start, accept: f.end }
  }

  private state(at: number): number {
    if (this.eps.length >= this.maxStates) throw tooManyStates(this.maxStates, at)
    this.eps.push([])
    this.labels.push([])
    this.targets.push([])
    return this.eps.length - 1
  }

  private epsilon(from: number, to: number): void {
    this.eps[from]?.push(to)
  }

  private edge(from: number, label: Int32Array, to: number): void {
    if (label.length === 0) return
    this.labels[from]?.push(label)
    this.targets[from]?.push(to)
  }

  private fragment(node: RegexNode): Fragment {
    const start = this.state(node.at)
    switch (node.kind) {
      case 'empty-language':
        return { start, end: this.state(node.at) }
      case 'empty-string': {
        const end = this.state(node.at)
        this.epsilon(start, end)
        return { start, end }
      }
      case 'any-string': {
        const end = this.state(node.at)
        this.edge(start, classLabel(this.alphabet, undefined), start)
        this.epsilon(start, end)
        return { start, end }
      }
      case 'chars': {
        const end = this.state(node.at)
        this.edge(start, classLabel(this.alphabet, node.set), end)
        return { start, end }
      }
      case 'concat': {
        let last = start
        for (const part of node.parts) {
          const f = this.fragment(part)
          this.epsilon(last, f.start)
          last = f.end
        }
        return { start, end: last }
      }
      case 'union': {
        const end = this.state(node.at)
        for (const alt of node.alternatives) {
          const f = this.fragment(alt)
          this.epsilon(start, f.start)
          this.epsilon(f.end, end)
        }
        return { start, end }
      }
      case 'repeat':
        return this.repeat(start, node.operand, node.min, node.max)
      case 'complement':
      case 'intersection':
        return this.splice(start, this.dfaOf(node), node.at)
    }
  }

  /** min mandatory copies, then either a star or (max - min) nested optional copies. */
  private repeat(start: number, operand: RegexNode, min: number, max: number | undefined): Fragment {
    if (max !== undefined && max < min) return { start, end: this.state(operand.at) }
    let last = start
    for (let i = 0; i < min; i++) {
      const f = this.fragment(operand)
      this.epsilon(last, f.start)
      last = f.end
    }
    const end = this.state(operand.at)
    this.epsilon(last, end)
    if (max === undefined) {
      // A loop state that may enter the operand or leave; the operand returns to it.
      const f = this.fragment(operand)
      this.epsilon(last, f.start)
      this.epsilon(f.end, last)
      return { start, end }
    }
    for (let i = min; i < max; i++) {
      // Each optional copy can bail out to the end: x(x(x)?)? without nesting the recursion.
      const f = this.fragment(operand)
      this.epsilon(last, f.start)
      this.epsilon(f.end, end)
      last = f.end
    }
    return { start, end }
  }

  /** Copies a DFA in as NFA states; accepting DFA states get an epsilon edge to the end. */
  private splice(start: number, dfa: Dfa, at: number): Fragment {
    const end = this.state(at)
    if (dfa.states === 0) return { start, end }
    const base: number[] = []
    for (let d = 0; d < dfa.states; d++) base.push(this.state(at))
    this.epsilon(start, base[0] ?? end)
    for (let d = 0; d < dfa.states; d++) {
      const from = base[d] ?? end
      if (dfa.accept[d] === 1) this.epsilon(from, end)
      // Group the row by target so each target gets one label of class ranges.
      const byTarget = new Map<number, number[]>()
      for (let c = 0; c < dfa.classes; c++) {
        const t = dfa.trans[d * dfa.classes + c] ?? -1
        if (t < 0) continue
        const ranges = byTarget.get(t)
        if (ranges === undefined) byTarget.set(t, [c, c])
        else if (ranges[ranges.length - 1] === c - 1) ranges[ranges.length - 1] = c
        else ranges.push(c, c)
      }
      for (const [t, ranges] of byTarget) this.edge(from, Int32Array.from(ranges), base[t] ?? end)
    }
    return { start, end }
  }
}
