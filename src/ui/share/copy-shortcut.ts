import type { ShareOptions } from '../../share/prepare-link'
import type { PlaygroundStore } from '../../state/store'
import { copyText, prepareLink } from './copy-link'
import { showShareStatus } from './share-status'

/**
 * Ctrl/Cmd+S: copies the link of the current document as it is (no trimming, no redaction: the
 * shortcut cannot ask, and the dialog is one click away) and says so in the header. When the
 * clipboard refuses, the Share dialog opens, where the link can be selected and copied by hand.
 */
// Spelled here, not imported: a value import of prepare-link would pull the engine into the page's first load.
const AS_IT_IS: ShareOptions = { keepOnlyQueryFields: false, withoutEvents: false, redact: [] }

export async function copyLinkShortcut(store: PlaygroundStore): Promise<void> {
  const prepared = await prepareLink(store.getState(), AS_IT_IS)
  if (prepared.tooLong) {
    showShareStatus('The link is too long to open: use Share to trim it')
    store.getState().openPanelNamed('share')
    return
  }
  if (!(await copyText(prepared.url))) {
    showShareStatus('Could not copy the link: copy it from the Share dialog')
    store.getState().openPanelNamed('share')
    return
  }
  const chars = prepared.length.length.toLocaleString('en-US')
  showShareStatus(prepared.eventsLeftOut ? `Link copied, without the events (${chars} characters)` : `Link copied (${chars} characters)`)
}
