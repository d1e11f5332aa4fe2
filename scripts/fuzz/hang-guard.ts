/**
 * A hard stop for tests that feed the engine hostile input (the pathological-pattern tests).
 * Vitest's per-test timeout cannot interrupt synchronous code: a matcher that went back to
 * exponential backtracking would stall the whole suite until the CI job's own limit. So each test
 * runs with a watchdog on another thread (a worker has its own event loop, so its timer fires
 * while the test thread is stuck): if the test has not finished after `ms`, the watchdog names it
 * on stderr and kills the test process. Vitest then fails the run ("Worker exited unexpectedly")
 * instead of waiting forever.
 *
 * The limit is a hang detector, far above what the tests take (milliseconds), so a busy machine
 * cannot trip it.
 */
import { Worker } from 'node:worker_threads'
import { afterEach, beforeEach } from 'vitest'

export const HANG_KILL_MS = 30_000

// CommonJS source for an eval'd worker: no file to resolve, no TypeScript loader needed.
const WATCHDOG = `
const { parentPort, workerData } = require('node:worker_threads')
const { writeSync } = require('node:fs')
const timer = setTimeout(() => {
  // straight to fd 2: a worker's process.stderr goes through the (stuck) main thread
  writeSync(2, '[hang-guard] ' + workerData.label + ': still running after ' + workerData.ms + ' ms; killing the test process\\n')
  process.kill(process.pid, 'SIGKILL')
}, workerData.ms)
parentPort.once('message', () => { clearTimeout(timer); parentPort.close() })
`

export interface HangGuard {
  /** resolves once the watchdog thread runs (its timer counts from then) */
  readonly ready: Promise<void>
  disarm(): void
}

/** Starts a watchdog that kills this process after `ms` unless disarmed. */
export function armHangGuard(label: string, ms: number = HANG_KILL_MS): HangGuard {
  // execArgv []: not the parent's loaders (tsx's hooks would make the worker wait on the stuck thread)
  const watchdog = new Worker(WATCHDOG, { eval: true, execArgv: [], workerData: { label, ms } })
  // the watchdog must not keep the process alive once the test is done
  watchdog.unref()
  const ready = new Promise<void>((resolve) => watchdog.once('online', () => resolve()))
  return {
    ready,
    disarm: () => {
      watchdog.postMessage('done')
      void watchdog.terminate()
    },
  }
}

/** Runs `body` (synchronous) under a watchdog that kills the process after `ms`. */
export function underHangGuard(label: string, body: () => void, ms: number = HANG_KILL_MS): void {
  const guard = armHangGuard(label, ms)
  try {
    body()
  } finally {
    guard.disarm()
  }
}

/** Puts every test of the calling file under its own watchdog (call once, at the top level). */
export function guardEachTest(ms: number = HANG_KILL_MS): void {
  let guard: HangGuard | null = null
  beforeEach(async (ctx) => {
    guard = armHangGuard(ctx.task.name, ms)
    await guard.ready
  })
  afterEach(() => {
    guard?.disarm()
    guard = null
  })
}
