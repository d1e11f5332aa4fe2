import type { ExceptionEntry, ExceptionItem, ExceptionOperator, ExceptionOsType, MatchAnyEntry, MatchEntry, ExistsEntry } from './types'

/**
 * Reads exception items from untrusted JSON (a saved document, a share link, a Kibana export):
 * every field is checked, an entry that is not one is dropped with a problem naming it, and
 * nothing throws. Kibana's own item documents read as they are (extra fields are ignored).
 */

export interface ReadItems {
  readonly items: ExceptionItem[]
  /** what was dropped and why, in words */
  readonly problems: string[]
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const OS_TYPES: readonly string[] = ['windows', 'linux', 'macos']

export function readExceptionItems(value: unknown): ReadItems {
  const problems: string[] = []
  if (value === undefined || value === null) return { items: [], problems }
  if (!Array.isArray(value)) return { items: [], problems: ['Exception items must be a list.'] }
  const items: ExceptionItem[] = []
  value.forEach((v: unknown, i) => {
    const item = readItem(v, `item ${i + 1}`, problems)
    if (item !== null) items.push(item)
  })
  return { items, problems }
}

/** One item; null (with a problem) when it is not one or has no usable entry. */
export function readItem(v: unknown, where: string, problems: string[]): ExceptionItem | null {
  if (!isObject(v) || !Array.isArray(v['entries'])) {
    problems.push(`${where} is not an exception item (it needs entries).`)
    return null
  }
  const entries = v['entries'].flatMap((e: unknown, k): ExceptionEntry[] => {
    const entry = readEntry(e, false)
    if (entry === null) problems.push(`${where}: entry ${k + 1} is not an exception entry; it was left out.`)
    return entry === null ? [] : [entry]
  })
  if (entries.length === 0) {
    problems.push(`${where} has no usable entry; it was left out.`)
    return null
  }
  const name = typeof v['name'] === 'string' ? v['name'] : ''
  const osTypes = Array.isArray(v['os_types']) ? v['os_types'].filter((o): o is ExceptionOsType => typeof o === 'string' && OS_TYPES.includes(o)) : []
  const comments = Array.isArray(v['comments'])
    ? v['comments'].flatMap((c: unknown) => (isObject(c) && typeof c['comment'] === 'string' ? [{ comment: c['comment'] }] : []))
    : []
  return {
    name,
    entries,
    ...(typeof v['description'] === 'string' && v['description'] !== '' ? { description: v['description'] } : {}),
    ...(osTypes.length > 0 ? { os_types: osTypes } : {}),
    ...(typeof v['item_id'] === 'string' ? { item_id: v['item_id'] } : {}),
    ...(comments.length > 0 ? { comments } : {}),
  }
}

function readEntry(v: unknown, nested: boolean): ExceptionEntry | null {
  if (!isObject(v) || typeof v['field'] !== 'string' || v['field'] === '') return null
  const field = v['field']
  const type = v['type']
  if (type === 'nested') {
    if (nested || !Array.isArray(v['entries'])) return null
    const inner = v['entries'].map((e: unknown) => readEntry(e, true))
    if (inner.length === 0 || inner.some((e) => e === null || e.type === 'nested' || e.type === 'list' || e.type === 'wildcard')) return null
    return { field, type: 'nested', entries: inner as (MatchEntry | MatchAnyEntry | ExistsEntry)[] }
  }
  const operator: ExceptionOperator | null = v['operator'] === 'included' || v['operator'] === 'excluded' ? v['operator'] : null
  if (operator === null) return null
  const value = v['value']
  switch (type) {
    case 'match':
    case 'wildcard':
      return typeof value === 'string' ? { field, operator, type, value } : null
    case 'match_any':
      return Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'string') ? { field, operator, type, value: value as string[] } : null
    case 'exists':
      return { field, operator, type }
    case 'list': {
      const list = v['list']
      return isObject(list) && typeof list['id'] === 'string' && typeof list['type'] === 'string' ? { field, operator, type, list: { id: list['id'], type: list['type'] } } : null
    }
    default:
      return null
  }
}
