/**
 * Runners (runEql, runKql, runWithExceptions) take an `excluded` mask where 1 hides an event. A
 * schedule window is the opposite (`inWindow`, 1 = seen), so a rule type that runs a runner over
 * one window needs the complement. It is recomputed per execution, so the caller can pass the
 * same `out` buffer every time and allocate nothing.
 */
export function excludedOutsideWindow(inWindow: Uint8Array, out?: Uint8Array): Uint8Array {
  const mask = out !== undefined && out.length === inWindow.length ? out : new Uint8Array(inWindow.length)
  for (let i = 0; i < inWindow.length; i++) mask[i] = inWindow[i] === 1 ? 0 : 1
  return mask
}

/** The indexes of the events in the window, ascending (for rule types that iterate the window). */
export function indexesInWindow(inWindow: Uint8Array): number[] {
  const out: number[] = []
  for (let i = 0; i < inWindow.length; i++) if (inWindow[i] === 1) out.push(i)
  return out
}
