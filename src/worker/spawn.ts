import type { SpawnWorker } from './client'
import EngineWorker from './engine.worker?worker'

/**
 * Starts the real engine worker (bundled by Vite as a same-origin module worker) and adapts its
 * events to the client's port, so client.ts stays free of DOM Worker details and testable in Node.
 */
export const spawnEngineWorker: SpawnWorker = (events) => {
  const worker = new EngineWorker()
  worker.onmessage = (e: MessageEvent<unknown>) => events.onMessage(e.data)
  worker.onmessageerror = () => events.onError('a reply from the engine could not be read')
  worker.onerror = (e: ErrorEvent) => {
    // Handled here: without preventDefault the browser also logs it as an uncaught page error.
    e.preventDefault()
    events.onError(e.message || 'the engine worker failed to load')
  }
  return worker
}
