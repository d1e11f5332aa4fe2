import { create } from 'zustand'

/**
 * Which quick-reference entry to reveal next: a hover's "Open in quick reference" link asks for
 * one, the panel scrolls to it when it has rendered and marks the request done. A store of its own
 * (not the playground store): it is view state of the panel, never saved or shared.
 */
interface RevealState {
  /** the pending request; `seq` tells two requests for the same entry apart */
  readonly request: { readonly id: string; readonly seq: number } | null
  /** asks the panel to reveal `id` */
  reveal(id: string): void
  /** the panel has revealed request `seq` */
  done(seq: number): void
}

let counter = 0

/** The reveal requests of the quick reference (one per page). */
export const useReferenceReveal = create<RevealState>()((set, get) => ({
  request: null,
  reveal: (id) => set({ request: { id, seq: ++counter } }),
  done: (seq) => {
    if (get().request?.seq === seq) set({ request: null })
  },
}))
