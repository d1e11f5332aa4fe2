import { useEffect } from 'react'
import { setOpenReferenceHandler } from '../../../editor/reference-link'
import { usePlayground } from '../../use-playground'
import { useReferenceReveal } from './reveal-store'

/**
 * Makes the query editor's hover links work: "Open in quick reference" opens the docked panel
 * and reveals the entry. Called by the query editor component, whose hovers are the only links,
 * so the handler lives exactly as long as they can be clicked.
 */
export function useReferenceLinks(): void {
  const openPanelNamed = usePlayground((s) => s.openPanelNamed)
  useEffect(() => {
    setOpenReferenceHandler((id) => {
      openPanelNamed('reference')
      useReferenceReveal.getState().reveal(id)
    })
    return () => setOpenReferenceHandler(null)
  }, [openPanelNamed])
}
