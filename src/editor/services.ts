import type { CompletionEntry, Completions, Formatted, HoverInfo } from '../worker/protocol-editor'

/**
 * What the editor asks of the engine worker beyond runs: completion, hover and canonical
 * formatting (worker request kinds `complete`, `hover`, `format`; reply shapes in
 * src/worker/protocol-editor.ts). The Monaco providers call whatever implementation was provided
 * here, so they do not depend on the worker client's shape: the page wires the client in
 * (see `servicesFromClient`), a test can wire a fake. No Monaco import: the page's initial chunk
 * provides the services before the editor loads.
 */

export type { CompletionEntry, Completions, Formatted, HoverInfo }

export type QueryLanguage = 'eql' | 'kql'

export interface TextRequest {
  readonly language: QueryLanguage
  readonly text: string
}

export interface PositionRequest extends TextRequest {
  /** 0-based UTF-16 offset of the cursor */
  readonly offset: number
}

export interface EditorServices {
  /** completion candidates at the cursor and the span they replace; null: nothing to offer */
  complete(request: PositionRequest): Promise<Completions | null>
  hover(request: PositionRequest): Promise<HoverInfo | null>
  /** the canonical print, or null with the reason it would lose something */
  format(request: TextRequest): Promise<Formatted>
}

let services: EditorServices | null = null

/** Installs the services the editor's providers call (the page does this once at start). */
export function provideEditorServices(next: EditorServices | null): void {
  services = next
}

/** The installed services, or null when none were provided (the providers then offer nothing). */
export function editorServices(): EditorServices | null {
  return services
}
