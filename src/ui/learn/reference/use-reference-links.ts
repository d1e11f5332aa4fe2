import { useCallback, useEffect } from 'react'
import { setOpenReferenceHandler } from '../../../editor/reference-link'
import { usePlayground } from '../../use-playground'
import { useReferenceReveal } from './reveal-store'

/**
 * Opening the quick reference at an entry (`eql-fn-startsWith`, `kql-syn-escaping`, …): the docked
 * panel opens and scrolls to the entry, highlighted. For any view that wants to point at the
 * reference (a lesson's "see also", a problem's explanation).
 */
export function useOpenReferenceEntry(): (entryId: string) => void {
  const openPanelNamed = usePlayground((s) => s.openPanelNamed)
  return useCallback(
    (entryId: string) => {
      openPanelNamed('reference')
      useReferenceReveal.getState().reveal(entryId)
    },
    [openPanelNamed],
  )
}

/**
 * Makes the query editor's hover links work: "Open in quick reference" opens the docked panel
 * and reveals the entry. Called by the query editor component, whose hovers are the only links,
 * so the handler lives exactly as long as they can be clicked.
 */
export function useReferenceLinks(): void {
  const open = useOpenReferenceEntry()
  useEffect(() => {
    setOpenReferenceHandler(open)
    return () => setOpenReferenceHandler(null)
  }, [open])
}
