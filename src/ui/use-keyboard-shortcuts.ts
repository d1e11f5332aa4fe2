import { useContext, useEffect } from 'react'
import { usePanelFocus } from './use-panel-focus'
import { PlaygroundContext, usePlayground } from './use-playground'

/**
 * The page's regions in F6 order: header, the three panes, the docked panel, the status bar.
 * Tab inside an editor indents, so F6 is the way from one region to the next that always works
 * (as in browsers and desktop apps), Monaco included.
 */
const REGIONS = 'header.app-header, [data-pane], aside.docked-panel, footer.status-bar'
const FOCUSABLE =
  '[role="textbox"], textarea, input:not(:disabled):not([type="hidden"]), select:not(:disabled), button:not(:disabled), a[href], summary, [tabindex]:not([tabindex="-1"])'

/** F6 / Shift+F6: focus the first control of the next (previous) region, wrapping around. */
export function moveToRegion(step: 1 | -1): boolean {
  const regions = [...document.querySelectorAll<HTMLElement>(REGIONS)].filter((r) => r.getClientRects().length > 0)
  if (regions.length === 0) return false
  const current = regions.findIndex((r) => r.contains(document.activeElement))
  const start = current < 0 ? (step > 0 ? -1 : regions.length) : current
  for (let k = 1; k <= regions.length; k++) {
    const region = regions[(start + step * k + regions.length * 2) % regions.length]
    const target = region && [...region.querySelectorAll<HTMLElement>(FOCUSABLE)].find((el) => el.getClientRects().length > 0)
    if (target) {
      target.focus()
      return true
    }
  }
  return false
}

/**
 * The page's keyboard shortcuts, wherever the focus is (Monaco included):
 * - Ctrl/Cmd+Enter runs now, skipping the debounce;
 * - Ctrl/Cmd+S copies the share link of the current document (the browser's "Save page" dialog
 *   is never what someone pressing it in a playground wants);
 * - Escape closes the open panel, unless focus is in something inside it that Escape closes first
 *   (`data-own-escape`: the Exclude popover, the exception item editor), one layer per press;
 * - F6 / Shift+F6 moves to the next / previous region (header, panes, docked panel, status bar):
 *   the way out of an editor, where Tab indents (Monaco's Ctrl+M makes Tab move focus instead).
 * Focus moving into and back out of the header's panels: use-panel-focus.ts.
 * Listening in the capture phase on window lets these win over Monaco's own bindings
 * (Ctrl+Enter would otherwise insert a line).
 */
/** True inside an element that closes itself on Escape (marked `data-own-escape`). */
function ownsEscape(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[data-own-escape]') !== null
}

export function useKeyboardShortcuts(): void {
  const store = useContext(PlaygroundContext)
  const runNow = usePlayground((s) => s.runNow)
  const closePanel = usePlayground((s) => s.closePanel)
  const hasOpenPanel = usePlayground((s) => s.openPanel !== null)
  usePanelFocus()

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
      } else if (e.key === 'F6' && !mod && !e.altKey) {
        if (moveToRegion(e.shiftKey ? -1 : 1)) {
          e.preventDefault()
          e.stopPropagation()
        }
      } else if (e.key === 'Escape' && hasOpenPanel && !ownsEscape(e.target)) {
        // Only when a panel is open: otherwise Escape belongs to Monaco (closing its widgets).
        e.stopPropagation()
        closePanel()
      }
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [store, runNow, closePanel, hasOpenPanel])
}
