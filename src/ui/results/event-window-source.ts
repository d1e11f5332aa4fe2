import { engineClient } from '../../worker/engine-client'
import type { EventsWindow } from '../../worker/protocol'
import type { WindowRequest } from './event-pages'
import type { EventWindowSource } from './use-event-window'

/**
 * The page's event windows, from the one engine client (src/worker/engine-client.ts), like the
 * editor's providers. The client asks for its current dataset; a window of another version than
 * the list's is dropped by the list's cache, so a new upload never mixes into old rows; hits come for the run the list shows.
 */
export const workerEventWindows: EventWindowSource = {
  async getEvents(eventsVersion: number, request: WindowRequest, runId?: number): Promise<EventsWindow | null> {
    const client = engineClient()
    // Another dataset is current (or this client is not the one the runs go through): nothing
    // to ask that could belong to these rows.
    if (client.eventsVersion !== eventsVersion) return null
    const outcome = await ('indexes' in request ? client.getEvents(0, 0, request.indexes, runId) : client.getEvents(request.from, request.count, undefined, runId))
    return outcome.status === 'ok' ? outcome.result : null
  },
}
