import { useContext, useEffect } from 'react'
import type { OpenPanel } from '../state/shell-slice'
import { PlaygroundContext } from './use-playground'

/**
 * Where each panel of the store's `openPanel` is on the page. Import and Export are missing on
 * purpose: their modal frame (rules/RuleDialog.tsx) moves focus in and back itself.
 */
const PANEL_SELECTORS: Partial<Record<Exclude<OpenPanel, null>, string>> = {
  settings: '#rule-settings',
  examples: '#examples-menu',
  share: '.share-anchor [role="dialog"]',
  reference: 'aside.docked-panel',
  lessons: 'aside.docked-panel',
  compare: 'aside.docked-panel',
  rule: 'aside.docked-panel',
}

const FOCUSABLE =
  'input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), button:not(:disabled), a[href], summary, [tabindex]:not([tabindex="-1"])'

/**
 * A panel's body loads on first use: how long to wait for something to focus in it (a cold
 * load of the share dialog's link code takes seconds). Focus the user moved meanwhile stays.
 */
const WAIT_MS = 15_000

function visible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0
}

/**
 * The control a panel's focus starts on: the first one of its body (a docked panel's close
 * button comes first in its head, but the search box or the first lesson is what one opened it
 * for); with `anywhere`, else the first control at all (a body that never offers one).
 */
export function firstControlIn(panel: Element, anywhere: boolean): HTMLElement | null {
  const body = panel.querySelector('.docked-panel-body') ?? panel
  for (const scope of anywhere ? [body, panel] : [body]) {
    for (const el of scope.querySelectorAll<HTMLElement>(FOCUSABLE)) if (visible(el)) return el
  }
  return null
}

/**
 * Keyboard focus follows the header's panels (rule settings, examples, share, and the docked
 * reference, lessons, comparison and rule): opened with a button, focus moves to the panel's
 * first control once its lazily loaded body is there; closed (Escape, its button, a choice made
 * in it), focus goes back to the button that opened it when it was inside the panel, so a
 * keyboard user is never dropped at the top of the page. A panel opened by something other than
 * a button (a hover's link to the reference focuses its own entry) is left alone.
 */
export function usePanelFocus(): void {
  const store = useContext(PlaygroundContext)
  useEffect(() => {
    if (!store) return
    let opener: HTMLElement | null = null
    let panelEl: Element | null = null
    let stopWaiting = (): void => {}

    const focusInto = (selector: string): void => {
      const tryFocus = (anywhere: boolean): boolean => {
        const panel = document.querySelector(selector)
        if (!panel) return false
        panelEl = panel
        if (panel.contains(document.activeElement)) return true
        // the user moved on while the body loaded: leave the focus where they put it
        const active = document.activeElement
        if (active !== opener && active !== document.body && active !== null) return true
        const target = firstControlIn(panel, anywhere)
        if (!target) return false
        target.focus()
        return true
      }
      if (tryFocus(false)) return
      // the body is still loading: wait for its first control, and settle for the head's at the end
      const observer = new MutationObserver(() => {
        if (tryFocus(false)) stopWaiting()
      })
      observer.observe(document.body, { childList: true, subtree: true })
      const timer = window.setTimeout(() => {
        stopWaiting()
        tryFocus(true)
      }, WAIT_MS)
      stopWaiting = () => {
        observer.disconnect()
        window.clearTimeout(timer)
        stopWaiting = () => {}
      }
    }

    const unsubscribe = store.subscribe((state, prev) => {
      if (state.openPanel === prev.openPanel) return
      stopWaiting()
      const active = document.activeElement
      // closing (or switching): give focus back if it was in the panel that goes away
      const wasInside = panelEl !== null && (panelEl.contains(active) || active === document.body || active === null)
      if (wasInside && opener?.isConnected) opener.focus()
      panelEl = null
      const selector = state.openPanel === null ? undefined : PANEL_SELECTORS[state.openPanel]
      if (selector === undefined) {
        opener = null
        return
      }
      // opened with a button (the header's, or e.g. "Compare side by side"): move in
      const from = wasInside ? opener : active
      if (from instanceof HTMLButtonElement) {
        opener = from
        // after React has rendered the panel
        requestAnimationFrame(() => focusInto(selector))
      } else {
        opener = null
      }
    })
    return () => {
      unsubscribe()
      stopWaiting()
    }
  }, [store])
}
