import { runSettingsOf } from '../state/effects'
import type { PlaygroundStore } from '../state/store'
import { engineClient } from '../worker/engine-client'
import { editorServices, provideEditorServices } from './services'
import { servicesFromClient } from './services-from-client'

/**
 * Backs the editor's completion, hover and format with the page's one engine client (the worker
 * that holds the events, so completion offers their fields and values) and the store's current
 * rule settings. Does nothing when services were already provided (a test's fake). Called by the
 * query editor when it mounts, so pages need no extra wiring.
 */
export function provideDefaultEditorServices(store: PlaygroundStore): void {
  if (editorServices()) return
  provideEditorServices(servicesFromClient(engineClient(), () => runSettingsOf(store.getState())))
}
