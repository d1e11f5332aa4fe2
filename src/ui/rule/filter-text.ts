import { isRecordLike } from './is-record'

/**
 * A rule filter (Kibana's `{meta, query}` filter object) in words for the Rule panel: the common
 * filter-bar shapes (`match_phrase`, `exists`, `terms`, `range`) read as sentences, anything else as
 * its compact JSON. Pure text: it is shown as text, never as markup.
 */
export function filterText(filter: unknown): string {
  if (!isRecordLike(filter)) return JSON.stringify(filter) ?? String(filter)
  const meta = isRecordLike(filter['meta']) ? filter['meta'] : {}
  // older exports keep the query beside `meta` instead of under `query`
  const { meta: _meta, $state: _state, ...rest } = filter
  const query = isRecordLike(filter['query']) ? filter['query'] : rest
  const body = queryText(query)
  const negated = meta['negate'] === true ? `NOT ${body}` : body
  return meta['disabled'] === true ? `${negated} (disabled: not applied)` : negated
}

function queryText(query: Record<string, unknown>): string {
  const [kind, args] = Object.entries(query)[0] ?? []
  if (kind !== undefined && isRecordLike(args)) {
    const [field, value] = Object.entries(args)[0] ?? []
    if (kind === 'exists' && typeof args['field'] === 'string') return `${args['field']} exists`
    if (field !== undefined && (kind === 'match_phrase' || kind === 'match' || kind === 'term')) {
      const v = isRecordLike(value) ? (value['query'] ?? value['value']) : value
      return `${field} is ${JSON.stringify(v)}`
    }
    if (field !== undefined && kind === 'terms' && Array.isArray(value)) return `${field} is one of ${value.map((x) => JSON.stringify(x)).join(', ')}`
    if (field !== undefined && kind === 'range' && isRecordLike(value)) {
      const bounds = Object.entries(value).map(([op, b]) => `${op} ${JSON.stringify(b)}`)
      return `${field} ${bounds.join(' and ')}`
    }
  }
  const json = JSON.stringify(query)
  return json.length > 200 ? `${json.slice(0, 199)}…` : json
}
