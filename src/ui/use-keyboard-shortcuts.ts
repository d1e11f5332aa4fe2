import { useContext, useEffect } from 'react'
import { PlaygroundContext, usePlayground } from './use-playground'

/**
 * The page's keyboard shortcuts, wherever the focus is (Monaco included):
 * - Ctrl/Cmd+Enter runs now, skipping the debounce;
 * - Ctrl/Cmd+S copies the share link of the current document (the browser's "Save page" dialog
 *   is never what someone pressing it in a playground wants);
 * - Escape closes the open panel.
 * Listening in the capture phase on window lets these win over Monaco's own bindings
 * (Ctrl+Enter would otherwise insert a line).
 */
export function useKeyboardShortcuts(): void {
  const store = useContext(PlaygroundContext)
  const runNow = usePlayground((s) => s.runNow)
  const closePanel = usePlayground((s) => s.closePanel)
  const hasOpenPanel = usePlayground((s) => s.openPanel !== null)

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      const mod = e.ctrlKey || e.metaKey
      if (mod && !e.shiftKey && !e.altKey && e.key === 'Enter') {
        e.preventDefault()
        e.stopPropagation()
        runNow()
      } else if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault()
        e.stopPropagation()
        // A held key repeats: one copy per press is enough. The link code loads on first use
        // (it is not needed for the first paint); the copy still runs within the key press's
        // user activation, which the clipboard asks for.
        if (store && !e.repeat) void import('./share/copy-link').then((m) => m.copyLinkShortcut(store))
      } else if (e.key === 'Escape' && hasOpenPanel) {
        // Only when a panel is open: otherwise Escape belongs to Monaco (closing its widgets).
        e.stopPropagation()
        closePanel()
      }
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [store, runNow, closePanel, hasOpenPanel])
}
