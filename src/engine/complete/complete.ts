/**
 * Entry points for the editor's completion and hover (worker request kinds 'complete' and
 * 'hover'). Pure and total: any text and any offset give an answer, never a throw.
 */
import { span } from '../source/span'
import { completeEql } from './eql-complete'
import { hoverEql } from './hover-eql'
import { hoverKql } from './hover-kql'
import { completeKql } from './kql-complete'
import type { CompletionRequest, CompletionResult, HoverResult } from './types'

function clamp(req: CompletionRequest): CompletionRequest {
  const offset = Number.isFinite(req.offset) ? Math.max(0, Math.min(req.text.length, Math.floor(req.offset))) : req.text.length
  return offset === req.offset ? req : { ...req, offset }
}

/**
 * Completion proposals at the cursor, from the text up to it (half-typed queries complete too).
 * Seen fields rank first, then schema/ECS fields; after `field ==`, `:`, `in (` the values seen
 * for that field are proposed, quoted for the language.
 */
export function completeAt(req: CompletionRequest): CompletionResult {
  const r = clamp(req)
  try {
    return r.language === 'kql' ? completeKql(r) : completeEql(r)
  } catch {
    // a bug here must not leave the editor without an answer; the fuzz test keeps this unreachable
    return { items: [], replace: span(r.offset, r.offset) }
  }
}

/** Hover contents (markdown) for the token under the cursor, or null. */
export function hoverAt(req: CompletionRequest): HoverResult | null {
  const r = clamp(req)
  try {
    return r.language === 'kql' ? hoverKql(r) : hoverEql(r)
  } catch {
    return null
  }
}
