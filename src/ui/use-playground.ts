import { createContext, useContext } from 'react'
import { useStore } from 'zustand'
import type { PlaygroundState, PlaygroundStore } from '../state/store'

/**
 * Components read the store through narrow selectors from this context, so a page (or a test) can
 * provide its own store instance instead of a module-level singleton.
 */
export const PlaygroundContext = createContext<PlaygroundStore | null>(null)

/** Subscribes to one slice of the playground state; re-renders only when that slice changes. */
export function usePlayground<T>(selector: (state: PlaygroundState) => T): T {
  const store = useContext(PlaygroundContext)
  if (!store) throw new Error('usePlayground needs a <PlaygroundContext.Provider>')
  return useStore(store, selector)
}
