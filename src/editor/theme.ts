/**
 * Monaco's theme follows the app's colour scheme (the store's `colorScheme`, which follows the
 * system): `vs` on light, `vs-dark` on dark. Monaco's theme is global to the page, so setting it
 * from either editor sets it for both.
 */

export type AppColorScheme = 'light' | 'dark'

/** The Monaco theme for an app colour scheme. */
export function monacoThemeFor(scheme: AppColorScheme): 'vs' | 'vs-dark' {
  return scheme === 'dark' ? 'vs-dark' : 'vs'
}
