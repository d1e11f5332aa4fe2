import { EngineClient, type Timers } from './client'
import { LoopbackWorker } from './loopback-worker'

/**
 * For tests only: an engine client over loopback workers (the real dispatcher and engine in this
 * thread, see loopback-worker.ts) whose watchdog the test fires by hand, so a "stuck" run and the
 * restart that follows are played out deterministically with no clock.
 */

/** Timers the test fires by hand (the watchdog), while replies use real macrotasks. */
export class HandTimers implements Timers {
  readonly active = new Map<number, () => void>()
  private next = 1
  setTimeout(fn: () => void): unknown {
    this.active.set(this.next, fn)
    return this.next++
  }
  clearTimeout(h: unknown): void {
    this.active.delete(h as number)
  }
  /** The watchdog goes off: every armed timer fires once. */
  fireAll(): void {
    const all = [...this.active.values()]
    this.active.clear()
    for (const fn of all) fn()
  }
}

/** A client whose every (re)spawned worker is a loopback worker, kept in `workers` in order. */
export function loopbackClient(options: { runBudgetMs?: number } = {}) {
  const workers: LoopbackWorker[] = []
  const timers = new HandTimers()
  const client = new EngineClient((e) => {
    const w = new LoopbackWorker(e)
    workers.push(w)
    return w
  }, { timers, ...options })
  const sentKinds = () => workers.flatMap((w) => w.sent.map((r) => r.kind))
  return { client, workers, timers, sentKinds }
}
