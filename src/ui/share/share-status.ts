import { useSyncExternalStore } from 'react'

/**
 * The header's brief "Link copied" note after Ctrl/Cmd+S. Transient page feedback, like a toast:
 * it is not part of the document or the shell (nothing persists or undoes it), so it lives in this
 * small external store rather than in the playground store. The timer that clears it is started
 * by the event handler that sets it, not in render.
 */

let message: string | null = null
let timer: ReturnType<typeof setTimeout> | null = null
const listeners = new Set<() => void>()

/** How long the note stays: long enough to read two short sentences. */
const SHOW_MS = 4000

function emit(): void {
  for (const l of listeners) l()
}

/** Shows `text` in the header for a few seconds (a newer note replaces an older one). */
export function showShareStatus(text: string): void {
  message = text
  if (timer !== null) clearTimeout(timer)
  timer = setTimeout(() => {
    message = null
    timer = null
    emit()
  }, SHOW_MS)
  emit()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The note to show now, or null. */
export function useShareStatus(): string | null {
  return useSyncExternalStore(subscribe, () => message)
}
