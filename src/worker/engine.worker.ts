import { buildSchema, compileEql, eqlSettings, parseEventsText, runEql } from '../engine'
import { createHandler } from './handle'

/**
 * The worker entry: wires messages to the pure dispatcher (handle.ts), which never throws, so the
 * worker stays alive and keeps its loaded events whatever a query does.
 */
const handle = createHandler({ buildSchema, compileEql, eqlSettings, parseEventsText, runEql })

// The project's lib is DOM (for the page), where `self` is a Window; in this file it is the worker's
// global scope, so describe exactly the two members used instead of pulling in the WebWorker lib.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<unknown>) => void) | null
  postMessage(message: unknown): void
}

scope.onmessage = (event) => {
  scope.postMessage(handle(event.data))
}
