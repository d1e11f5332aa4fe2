import { baselineOf, type Baseline } from './baseline'
import type { SliceCreator } from './store'

/**
 * The pinned baseline (see baseline.ts): view state of this session, never persisted or shared.
 * A pin is only taken from a finished, error-free run — pinning "Running…" or an error would
 * compare every later edit with nothing. effects-baseline.ts drops the pin when the events change.
 */
export interface BaselineSlice {
  readonly baseline: Baseline | null

  /** pins the current run's matches; does nothing while running, on an error, or without a result */
  pin(now?: number): void
  unpin(): void
}

export const createBaselineSlice = (): SliceCreator<BaselineSlice> => (set, get) => ({
  baseline: null,

  pin: (now = Date.now()) => {
    const { status, report, failure } = get()
    if (status !== 'idle' || failure !== null || report === null) return
    if (report.diagnostics.some((d) => d.severity === 'error')) return
    const baseline = baselineOf(report, now)
    if (baseline !== null) set({ baseline })
  },
  unpin: () => set((s) => (s.baseline === null ? s : { baseline: null })),
})
