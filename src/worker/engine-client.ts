import { EngineClient } from './client'
import { spawnEngineWorker } from './spawn'

/**
 * The page's one engine client, for every module that talks to the worker: the store effects
 * (runs, events), the editor's completion/hover/format providers and the results list (event
 * windows). One client means one worker holding the events once, one id sequence and one
 * watchdog. Components never call it directly: effects and editor providers do.
 */

let client: EngineClient | null = null

/** The page's client, started on first use (the worker itself starts with the first request). */
export function engineClient(): EngineClient {
  client ??= new EngineClient(spawnEngineWorker)
  return client
}

/** Replaces the page's client (tests, or a page that builds its own); disposes the previous one. */
export function provideEngineClient(next: EngineClient): void {
  if (client && client !== next) client.dispose()
  client = next
}
