/**
 * Test helper: debounce timers that fire only when the test says so (`flush`), so the effects'
 * debounced work (runs, autosave, analysis) is driven step by step without waiting on real time.
 * Satisfies both DebounceTimers (effects.ts) and PersistTimers (effects-persist.ts).
 */
export class ManualTimers {
  /** the callback a flush would run; null when nothing is scheduled */
  pending: (() => void) | null = null
  /** the delay the last setTimeout asked for (-1 before any) */
  lastMs = -1

  setTimeout(fn: () => void, ms = -1): unknown {
    this.pending = fn
    this.lastMs = ms
    return 1
  }

  clearTimeout(): void {
    this.pending = null
  }

  /** runs the scheduled callback, if any */
  flush(): void {
    const fn = this.pending
    this.pending = null
    fn?.()
  }
}
