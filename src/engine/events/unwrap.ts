/**
 * Recognises the shapes events arrive in once a JSON value is parsed, and takes the events out:
 *
 *   event           any other JSON object (nested or flattened dotted keys, as Discover exports)
 *   hit             { "_index", "_id", "_source": {...} }  (Discover "JSON" tab, `_search` hit)
 *                   { "_id", "fields": {...} } without `_source` (`_source: false` searches)
 *   search response { "hits": { "hits": [hit...] } }, also inside { "rawResponse": ... } (Kibana
 *                   Inspect) or { "response": ... } (async search), and { "responses": [...] } (msearch)
 *   eql response    { "hits": { "events": [hit...] } } or { "hits": { "sequences": [{ "events": [hit...] }] } }
 *   array           of any of the above
 *
 * The _source object itself is kept as the event, untouched; _id and _index go to a parallel record.
 */

/** Where an event came from: for the UI and CLI to name events as Elasticsearch did. */
export interface EventOrigin {
  /** 1-based line of the event's value in the input */
  readonly line: number
  /** the hit's `_id`, when the event came from a search response or hit */
  readonly id?: string
  /** the hit's `_index` */
  readonly index?: string
}

/** What a top-level value turned out to be. */
export type ValueKind = 'event' | 'array' | 'search-response' | 'eql-response'

/** Receives what unwrapping finds: events with their origin, and problems by line. */
export interface Sink {
  event(event: Record<string, unknown>, origin: EventOrigin): void
  problem(line: number, message: string): void
}

type Obj = Record<string, unknown>

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  return `a ${typeof v}`
}

/** A response wrapper, when `v` is one: the object holding `hits`. */
function responseBody(v: Obj): Obj | undefined {
  if (isObject(v['hits'])) return v
  for (const key of ['rawResponse', 'response']) {
    const inner = v[key]
    if (isObject(inner) && isObject(inner['hits'])) return inner
  }
  return undefined
}

function isHit(v: Obj): boolean {
  if (isObject(v['_source'])) return true
  // `_source: false` searches return `fields` only; the _id tells a hit from an event with a `fields` key
  return isObject(v['fields']) && typeof v['_id'] === 'string' && v['_source'] === undefined
}

function hitOrigin(hit: Obj, line: number): EventOrigin {
  const id = hit['_id']
  const index = hit['_index']
  return {
    line,
    ...(typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {}),
    ...(typeof index === 'string' ? { index } : {}),
  }
}

function takeHit(hit: Obj, line: number, sink: Sink): void {
  const source = hit['_source']
  const body = isObject(source) ? source : hit['fields']
  if (isObject(body)) sink.event(body, hitOrigin(hit, line))
}

function takeHits(list: unknown, line: number, sink: Sink, seen: Set<string>, what: string): void {
  if (!Array.isArray(list)) return
  for (const [n, hit] of list.entries()) {
    if (!isObject(hit)) {
      sink.problem(line, `${what}[${n}] is ${describe(hit)}, not a hit object`)
      continue
    }
    // a missing-event placeholder of a sequence carries no document
    if (hit['missing'] === true && !isObject(hit['_source'])) continue
    if (!isHit(hit)) {
      sink.problem(line, `${what}[${n}] has no _source object`)
      continue
    }
    // one event can be part of several sequences: keep it once
    const key = typeof hit['_id'] === 'string' ? `${String(hit['_index'])}\u0000${hit['_id']}` : undefined
    if (key !== undefined) {
      if (seen.has(key)) continue
      seen.add(key)
    }
    takeHit(hit, line, sink)
  }
}

/** Takes the events out of a response body (see responseBody); returns its kind. */
function takeResponse(body: Obj, line: number, sink: Sink): ValueKind {
  const hits = body['hits'] as Obj
  const seen = new Set<string>()
  if (Array.isArray(hits['events']) || Array.isArray(hits['sequences'])) {
    takeHits(hits['events'], line, sink, seen, 'hits.events')
    const sequences = Array.isArray(hits['sequences']) ? hits['sequences'] : []
    for (const [n, s] of sequences.entries()) {
      if (isObject(s)) takeHits(s['events'], line, sink, seen, `hits.sequences[${n}].events`)
    }
    return 'eql-response'
  }
  if (!Array.isArray(hits['hits'])) sink.problem(line, 'search response without hits.hits')
  takeHits(hits['hits'], line, sink, seen, 'hits.hits')
  return 'search-response'
}

/**
 * Takes the events out of one parsed JSON value found at `line`. Arrays are handled by the caller
 * element by element (each element has its own line); this handles one non-array value.
 */
export function collectValue(value: unknown, line: number, sink: Sink): ValueKind | undefined {
  if (!isObject(value)) {
    sink.problem(line, `expected an event object, found ${describe(value)}`)
    return undefined
  }
  const body = responseBody(value)
  if (body !== undefined && (Array.isArray((body['hits'] as Obj)['hits']) || body !== value || isEqlHits(body))) {
    return takeResponse(body, line, sink)
  }
  const responses = value['responses']
  if (Array.isArray(responses) && responses.every(isObject) && responses.length > 0 && Object.keys(value).length <= 2) {
    // _msearch: { took?, responses: [response...] }
    let kind: ValueKind = 'search-response'
    for (const r of responses) {
      const b = responseBody(r)
      if (b) kind = takeResponse(b, line, sink)
    }
    return kind
  }
  if (isHit(value)) takeHit(value, line, sink)
  else sink.event(value, { line })
  return 'event'
}

function isEqlHits(body: Obj): boolean {
  const hits = body['hits'] as Obj
  return Array.isArray(hits['events']) || Array.isArray(hits['sequences'])
}
