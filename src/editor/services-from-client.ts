import type { Outcome } from '../worker/client'
import type { RunSettings } from '../worker/protocol'
import type { Completions, Formatted, HoverInfo } from '../worker/protocol-editor'
import type { EditorServices, PositionRequest, QueryLanguage } from './services'

/** The part of the engine client the editor uses (src/worker/client.ts `EngineClient`). */
export interface EditorClient {
  complete(body: PositionRequest & { readonly settings?: RunSettings }): Promise<Outcome<Completions | null>>
  hover(body: PositionRequest & { readonly settings?: RunSettings }): Promise<Outcome<HoverInfo | null>>
  format(language: QueryLanguage, text: string): Promise<Outcome<Formatted>>
}

/**
 * Editor services backed by the engine worker. A request the worker could not serve (crashed,
 * superseded by a newer one, timed out) offers nothing: the editor shows no completion or hover
 * rather than a wrong one. `settings` gives the rule's current settings (category field,
 * mappings), so completion proposes what a run would see.
 */
export function servicesFromClient(client: EditorClient, settings: () => RunSettings | undefined = () => undefined): EditorServices {
  const withSettings = (r: PositionRequest) => {
    const s = settings()
    return { language: r.language, text: r.text, offset: r.offset, ...(s ? { settings: s } : {}) }
  }
  return {
    async complete(r) {
      const o = await client.complete(withSettings(r))
      return o.status === 'ok' ? o.result : null
    },
    async hover(r) {
      const o = await client.hover(withSettings(r))
      return o.status === 'ok' ? o.result : null
    },
    async format(r) {
      const o = await client.format(r.language, r.text)
      return o.status === 'ok' ? o.result : { formatted: null, reason: null }
    },
  }
}
