import type { ColorScheme } from './shell-slice'
import type { PlaygroundStore } from './store'

/**
 * The page follows the system's light/dark preference, live: the media query feeds the store's
 * `colorScheme` (which the Monaco editors read too), and the store's value is written to the root
 * element's `data-theme`, which the CSS variables in theme.css key on.
 */

/** The part of a MediaQueryList this effect uses (tests pass a fake). */
export interface SchemeQuery {
  readonly matches: boolean
  addEventListener(type: 'change', listener: (e: { matches: boolean }) => void): void
  removeEventListener(type: 'change', listener: (e: { matches: boolean }) => void): void
}

/** Where the theme attribute goes (document.documentElement in the page). */
export interface ThemeRoot {
  setAttribute(name: string, value: string): void
}

export const DARK_QUERY = '(prefers-color-scheme: dark)'

export const schemeOf = (dark: boolean): ColorScheme => (dark ? 'dark' : 'light')

/** Keeps the store and `root` in step with the system scheme; returns a function that stops it. */
export function connectColorScheme(store: PlaygroundStore, query: SchemeQuery, root: ThemeRoot): () => void {
  const onChange = (e: { matches: boolean }): void => store.getState().setColorScheme(schemeOf(e.matches))
  query.addEventListener('change', onChange)
  store.getState().setColorScheme(schemeOf(query.matches))
  root.setAttribute('data-theme', store.getState().colorScheme)
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.colorScheme !== prev.colorScheme) root.setAttribute('data-theme', s.colorScheme)
  })
  return () => {
    query.removeEventListener('change', onChange)
    unsubscribe()
  }
}
