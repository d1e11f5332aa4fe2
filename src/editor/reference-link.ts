/**
 * Hovers link to the quick reference through a Monaco command; the command lands here. The editor
 * must not know the store, so the page registers what "open the reference at this entry" means
 * (src/ui/learn/reference/use-reference-links.ts): opening the docked panel and revealing the entry.
 */

/** The Monaco command id of the hover link (`command:rulePlayground.openReference?[id]`). */
export const OPEN_REFERENCE_COMMAND = 'rulePlayground.openReference'

type OpenReference = (entryId: string) => void

let handler: OpenReference | null = null

/** Set by the page while the query editor is mounted; `null` withdraws it. */
export function setOpenReferenceHandler(next: OpenReference | null): void {
  handler = next
}

/** Opens the quick reference at an entry; false when nothing is registered to do it. */
export function openReference(entryId: string): boolean {
  if (!handler) return false
  handler(entryId)
  return true
}

/** The markdown link a hover ends with, as a trusted command link. */
export function openReferenceLink(entryId: string): string {
  return `[Open in quick reference](command:${OPEN_REFERENCE_COMMAND}?${encodeURIComponent(JSON.stringify([entryId]))})`
}
