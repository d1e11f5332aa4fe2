import { buildSchema, compileEql, compileKql, eqlSettings, formatKql, parseEventsText, runEql, runKql } from '../engine'
import { formatEql } from '../engine/eql/parser'
import { createEventsReader } from '../engine/events/events-reader'
import type { WorkerEvents, WorkerPort } from './client'
import { createHandler } from './handle'
import type { Request } from './protocol'

/**
 * For tests only: a worker port that runs the real dispatcher over the real engine in the same
 * thread, replying in a later macrotask as a real worker would (and detaching transferred buffers
 * like postMessage), so the client and the store effects are tested end to end in Node.
 */
export const loopbackEngine = { buildSchema, compileEql, compileKql, eqlSettings, formatEql, formatKql, parseEventsText, runEql, runKql, createEventsReader }

export class LoopbackWorker implements WorkerPort {
  readonly sent: Request[] = []
  readonly transferred: number[] = []
  /** replies posted, per request id: the protocol promises exactly one each */
  readonly replies = new Map<number, number>()
  terminated = false
  private readonly handle = createHandler(loopbackEngine)
  constructor(private readonly events: WorkerEvents) {}
  postMessage(message: Request, transfer: Transferable[] = []): void {
    this.sent.push(message)
    this.transferred.push(transfer.length)
    // structuredClone with transfer detaches the sender's buffers, as postMessage does
    const copy = structuredClone(message, { transfer: transfer as StructuredSerializeOptions['transfer'] })
    setTimeout(() => {
      if (this.terminated) return
      const reply = this.handle(copy)
      this.replies.set(reply.id, (this.replies.get(reply.id) ?? 0) + 1)
      this.events.onMessage(reply)
    }, 0)
  }
  terminate(): void {
    this.terminated = true
  }
}

