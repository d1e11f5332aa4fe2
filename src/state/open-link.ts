import type { PlaygroundStore } from './store'

/**
 * Opening a share link at start-up (issue 5): placeholder until the share helper lands it.
 * Returns true when the fragment held a link that was opened.
 */
export async function openLinkFromLocation(_store: PlaygroundStore, _location: Location): Promise<boolean> {
  return false
}
