import type { SliceCreator } from './store'

/**
 * The user's say over what the page keeps in this browser (issue 9: pasted logs are sensitive).
 * Actions only record the wish; effects-persist.ts carries it out (removing, saving, clearing),
 * so the whole behaviour is tested in Node with fake storages.
 */

/** Where "Clear everything stored" is: nothing asked, removing, done (the page then reloads), or failed. */
export type ClearStatus = { readonly kind: 'idle' } | { readonly kind: 'clearing' } | { readonly kind: 'done' } | { readonly kind: 'failed'; readonly message: string }

export interface PrivacySlice {
  /**
   * "Keep my work in this browser": autosave on (the default) or off. Off removes what was stored
   * and saves nothing more; the only thing kept is this choice itself, so the next visit stays off.
   */
  readonly keepWork: boolean
  /** bumped by every "Clear everything stored"; the persistence effect acts on each new value */
  readonly clearRequests: number
  readonly clearStatus: ClearStatus

  setKeepWork(keep: boolean): void
  requestClearStorage(): void
  /** the persistence effect's answer to a clear request */
  settleClearStorage(status: ClearStatus): void
}

export interface PrivacyInit {
  readonly keepWork?: boolean
}

export const createPrivacySlice =
  (init: PrivacyInit = {}): SliceCreator<PrivacySlice> =>
  (set) => ({
    keepWork: init.keepWork ?? true,
    clearRequests: 0,
    clearStatus: { kind: 'idle' },

    setKeepWork: (keepWork) => set((s) => (s.keepWork === keepWork ? {} : { keepWork })),
    requestClearStorage: () => set((s) => ({ clearRequests: s.clearRequests + 1, clearStatus: { kind: 'clearing' } })),
    settleClearStorage: (clearStatus) => set({ clearStatus }),
  })
