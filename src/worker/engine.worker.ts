import { buildSchema, compileEql, compileKql, eqlSettings, formatKql, hitsOf, parseEventsText, runEql, runKql } from '../engine'
import { collectFieldValues, completeAt, hoverAt, loadEcsDocs, type EcsDocs } from '../engine/complete'
import { formatEql } from '../engine/eql/parser'
import { createEventsReader } from '../engine/events/events-reader'
import { createHandler } from './handle'
import { createScheduler } from './scheduler'

/**
 * The worker entry: wires messages to the pure dispatcher (handle.ts), which never throws, so the
 * worker stays alive and keeps its loaded events whatever a query does.
 */
let ecsDocs: EcsDocs | undefined
// Loaded in the background from the worker's start; a failed load leaves items with types only.
const docsLoaded = loadEcsDocs().then(
  (docs) => {
    ecsDocs = docs
  },
  () => undefined,
)

const handle = createHandler(
  { buildSchema, compileEql, compileKql, eqlSettings, formatEql, formatKql, hitsOf, parseEventsText, runEql, runKql, createEventsReader, collectFieldValues, completeAt, hoverAt },
  { ecsDocs: () => ecsDocs },
)

// The project's lib is DOM (for the page), where `self` is a Window; in this file it is the worker's
// global scope, so describe exactly the two members used instead of pulling in the WebWorker lib.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<unknown>) => void) | null
  postMessage(message: unknown): void
}

// A yield that lets messages already queued (a keystroke's run) go first: a MessageChannel task,
// since nested setTimeout(0) is clamped to 4 ms and would slow a sliced analysis down.
const channel = new MessageChannel()
const waiting: (() => void)[] = []
channel.port1.onmessage = () => waiting.shift()?.()
const later = (fn: () => void): void => {
  waiting.push(fn)
  channel.port2.postMessage(null)
}

// Runs and editor requests first, analyses in slices between them (scheduler.ts).
const receive = createScheduler({ handle, post: (reply) => scope.postMessage(reply), later, now: () => performance.now() })

scope.onmessage = (event) => {
  const kind = (event.data as { kind?: unknown } | null)?.kind
  // A hover or completion asked right after the page opened waits for the ECS descriptions (a
  // moment), instead of answering once without them: the editor does not ask again.
  if ((kind === 'hover' || kind === 'complete') && ecsDocs === undefined) {
    void docsLoaded.then(() => scope.postMessage(handle(event.data)))
    return
  }
  receive(event.data)
}
