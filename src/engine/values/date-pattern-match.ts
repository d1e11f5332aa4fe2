/**
 * Runs a compiled date pattern (date-pattern.ts) over a text in linear time.
 *
 * The pattern used to be one anchored RegExp. A RegExp backtracks: adjacent variable-width pieces
 * (`d` and `H` are one or two digits, `y` up to nine) and optional sections (`[...]`) each double
 * the ways to split a text, so a hostile mapping format such as `[d][d][d]...` or `dHdHdH...` took
 * 2^n steps on a text that almost matched. This matcher tries the same alternatives in the same
 * order as that RegExp did (greedy: longest piece first, an optional section before skipping it),
 * so it picks the same split and fills the same fields, but remembers every (step, position)
 * that failed: a failed state fails again (nothing that matching depends on changes), so each is
 * tried at most once: O(steps x text length x piece width).
 */

/** Stores what a piece matched into the fields being parsed; false rejects the text. */
export type Capture<F> = (f: F, s: string) => boolean

/** One piece: where it can end when it starts at `at`, in the order a greedy RegExp tries them. */
export interface Piece<F> {
  readonly ends: (text: string, at: number) => readonly number[]
  /** the most characters it can match, so a text longer than the whole pattern fails at once */
  readonly width: number
  readonly set?: Capture<F>
}

export type Step<F> =
  | { readonly kind: 'piece'; readonly piece: Piece<F>; readonly next: number }
  // an optional section: try its body first (`first`), then the text without it (`second`)
  | { readonly kind: 'either'; readonly first: number; readonly second: number }
  | { readonly kind: 'end' }

export interface Program<F> {
  readonly steps: readonly Step<F>[]
  readonly start: number
  /** the longest text the pattern can match */
  readonly width: number
}

/** Matches the whole text; on success applies the captures in pattern order (any false: false). */
export function runProgram<F>(program: Program<F>, text: string, f: F): boolean {
  if (text.length > program.width) return false
  const { steps } = program
  const stride = text.length + 1
  const failed = new Uint8Array(steps.length * stride)
  const captured: { set: Capture<F>; s: string }[] = []

  function attempt(s: number, at: number): boolean {
    if (failed[s * stride + at] === 1) return false
    const step = steps[s] as Step<F>
    if (step.kind === 'end') {
      if (at === text.length) return true
    } else if (step.kind === 'either') {
      if (attempt(step.first, at) || attempt(step.second, at)) return true
    } else {
      const { piece } = step
      for (const end of piece.ends(text, at)) {
        if (piece.set !== undefined) captured.push({ set: piece.set, s: text.slice(at, end) })
        if (attempt(step.next, end)) return true
        if (piece.set !== undefined) captured.pop()
      }
    }
    failed[s * stride + at] = 1
    return false
  }

  if (!attempt(program.start, 0)) return false
  for (const c of captured) if (!c.set(f, c.s)) return false
  return true
}

/** Ends of a run of `min` to `max` ASCII digits at `at`, longest first. */
export function digitEnds(text: string, at: number, min: number, max: number): number[] {
  let n = 0
  while (n < max && at + n < text.length) {
    const c = text.charCodeAt(at + n)
    if (c < 48 || c > 57) break
    n++
  }
  const out: number[] = []
  for (let k = n; k >= min; k--) out.push(at + k)
  return out
}

/** Ends of any of `words` (ASCII, compared case-insensitively) at `at`, longest first. */
export function wordEnds(text: string, at: number, words: readonly string[]): number[] {
  const out: number[] = []
  for (const w of words) {
    if (at + w.length <= text.length && text.slice(at, at + w.length).toLowerCase() === w) out.push(at + w.length)
  }
  return out.sort((a, b) => b - a).filter((e, i, all) => i === 0 || all[i - 1] !== e)
}
