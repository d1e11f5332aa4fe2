import type { InitialState } from '../state/store'
import { LOGIN_HOOK_CURRENT } from './login-hook-current'
import { exampleToDocument } from './to-document'

/**
 * The example a first visit opens: the current Login/Logout Hook rule. One query shows most of what
 * the playground teaches at a glance: `:` against `==` (case), the JAMF exclusion and its argument
 * split at the space in "Application Support", and a host.os.type condition that drops events
 * without the field. Imported directly (not through EXAMPLES) so only this example is in the
 * page's first bundle; the menu loads the rest when it opens.
 */
export const FIRST_VISIT_EXAMPLE = LOGIN_HOOK_CURRENT

/**
 * What a first visit (nothing autosaved) opens: the example as a document, with the guided notes
 * showing. guideOpen is not autosaved, so a reload after dismissing them restores the document
 * without the notes (this function only runs when nothing was saved).
 */
export function firstVisitState(): InitialState {
  const { eventsSource, ...doc } = exampleToDocument(FIRST_VISIT_EXAMPLE)
  return { ...doc, eventsSource: eventsSource ?? null, guideOpen: true }
}
