/**
 * Shared fixtures for the completion and hover tests: a small event set, its schema (ECS plus
 * inferred fields), the seen-field index and the decoded ECS docs. `at("a‸b")` puts the cursor at
 * the `‸` (a character neither language uses).
 */
import { buildSchema } from '../schema/build-schema'
import { ECS_DOC_FIELDS, ECS_DOC_TEXTS, ECS_DOCS_VERSION } from '../schema/ecs-docs.generated'
import { completeAt, hoverAt } from './complete'
import { decodeEcsDocs } from './ecs-docs'
import { collectFieldValues } from './field-values'
import type { CompletionItem, CompletionRequest, CompletionResult, HoverResult } from './types'

export const EVENTS: readonly unknown[] = [
  { '@timestamp': '2024-05-01T10:00:00Z', event: { category: 'process', type: 'start' }, host: { id: 'h1' }, process: { name: 'cmd.exe', pid: 4, args: ['/c', 'whoami'] }, lab: { tag: 'red "team"' } },
  { '@timestamp': '2024-05-01T10:00:01Z', event: { category: 'process', type: 'start' }, host: { id: 'h1' }, process: { name: 'powershell.exe', pid: 8 }, lab: { tag: 'blue' } },
  { '@timestamp': '2024-05-01T10:00:02Z', event: { category: 'file', type: 'creation' }, host: { id: 'h2' }, file: { path: 'C:\\Temp\\a.ps1' } },
  { '@timestamp': '2024-05-01T10:00:03Z', event: { category: 'custom_cat' }, host: { id: 'h2' }, process: { name: 'cmd.exe', pid: 12 } },
]

export const SCHEMA = buildSchema({ ecs: true, events: EVENTS }).schema
export const SEEN = collectFieldValues(EVENTS)
export const ECS_DOCS = decodeEcsDocs(ECS_DOCS_VERSION, ECS_DOC_TEXTS, ECS_DOC_FIELDS)

/** Splits `text` at the cursor marker `‸` (none: the end). */
export function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('‸')
  return offset < 0 ? { text: marked, offset: marked.length } : { text: marked.slice(0, offset) + marked.slice(offset + 1), offset }
}

export function request(language: 'eql' | 'kql', marked: string, extra: Partial<CompletionRequest> = {}): CompletionRequest {
  return { language, ...at(marked), schema: SCHEMA, seen: SEEN, ecsDocs: ECS_DOCS, ...extra }
}

/** Completion items sorted as the editor shows them (by sortText). */
export function complete(language: 'eql' | 'kql', marked: string, extra: Partial<CompletionRequest> = {}): CompletionResult {
  const r = completeAt(request(language, marked, extra))
  return { ...r, items: [...r.items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0)) }
}

export function labels(items: readonly CompletionItem[]): string[] {
  return items.map((i) => i.label)
}

export function hover(language: 'eql' | 'kql', marked: string): HoverResult | null {
  return hoverAt(request(language, marked))
}
