import { useSyncExternalStore } from 'react'

/**
 * Whether a CSS media query matches, live. A view concern (which layout to render), so it reads
 * matchMedia directly rather than through the store.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    () => window.matchMedia(query).matches,
  )
}
