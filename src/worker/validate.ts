import { PROTOCOL_VERSION, type Request } from './protocol'

/**
 * The shape check of requests arriving in the worker (the structured clone is untyped). Only the
 * fields the handler reads are checked; the answer is the request, or why it is refused.
 */

type Fields = Record<string, unknown>

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isStr = (v: unknown): v is string => typeof v === 'string'
const isLang = (v: unknown): boolean => v === 'eql' || v === 'kql'
const isObj = (v: unknown): boolean => typeof v === 'object' && v !== null

/** Per kind: whether the fields are right, and what to say when they are not. */
const CHECKS: Record<Request['kind'], [(r: Fields) => boolean, string]> = {
  ping: [() => true, ''],
  setEvents: [(r) => isStr(r['text']) && isNum(r['version']), 'setEvents needs text and version.'],
  run: [
    (r) =>
      isStr(r['query']) && isNum(r['eventsVersion']) && isNum(r['displayLimit']) && isObj(r['settings']) && isLang(r['language']) && (r['exceptions'] === undefined || Array.isArray(r['exceptions'])),
    'run needs a language (eql or kql), a query, an events version, settings and a display limit (and exceptions, when given, as a list).',
  ],
  getEvents: [
    (r) =>
      isNum(r['eventsVersion']) && isNum(r['from']) && isNum(r['count']) && (r['indexes'] === undefined || (Array.isArray(r['indexes']) && r['indexes'].every(isNum))) && (r['runId'] === undefined || isNum(r['runId'])),
    'getEvents needs an events version, from and count (and optional numeric indexes and run id).',
  ],
  hitSpans: [(r) => isNum(r['eventsVersion']) && isNum(r['runId']), 'hitSpans needs an events version and a run id.'],
  complete: [(r) => isLang(r['language']) && isStr(r['text']) && isNum(r['offset']), 'complete needs a language, text and offset.'],
  hover: [(r) => isLang(r['language']) && isStr(r['text']) && isNum(r['offset']), 'hover needs a language, text and offset.'],
  format: [(r) => isLang(r['language']) && isStr(r['text']), 'format needs a language and text.'],
  beginEvents: [(r) => isNum(r['datasetVersion']) && isStr(r['name']) && isNum(r['size']), 'beginEvents needs a dataset version, a name and a size.'],
  appendEvents: [
    (r) => isNum(r['datasetVersion']) && (isStr(r['chunk']) || r['chunk'] instanceof ArrayBuffer),
    'appendEvents needs a dataset version and a chunk (ArrayBuffer or string).',
  ],
  endEvents: [(r) => isNum(r['datasetVersion']), 'endEvents needs a dataset version.'],
  cancelEvents: [(r) => isNum(r['datasetVersion']), 'cancelEvents needs a dataset version.'],
  explain: [
    (r) => isLang(r['language']) && isStr(r['query']) && isNum(r['eventsVersion']) && isNum(r['eventIndex']) && isObj(r['settings']),
    'explain needs a language, a query, an events version, settings and an event index.',
  ],
  analyze: [
    (r) => isLang(r['language']) && isStr(r['query']) && isNum(r['eventsVersion']) && isObj(r['settings']),
    'analyze needs a language, a query, an events version and settings.',
  ],
  alerts: [
    (r) => isLang(r['language']) && isStr(r['query']) && isNum(r['eventsVersion']) && isObj(r['settings']) && (r['rule'] === null || isObj(r['rule'])),
    'alerts needs a language, a query, an events version, settings and a rule (or null).',
  ],
  compare: [
    (r) => isNum(r['eventsVersion']) && isObj(r['a']) && isObj(r['b']),
    'compare needs an events version and the two versions a and b.',
  ],
  fingerprint: [
    (r) => isNum(r['eventsVersion']) && Array.isArray(r['marks']) && r['marks'].every((m) => isObj(m) && isNum((m as Fields)['index']) && ((m as Fields)['fingerprint'] === undefined || isStr((m as Fields)['fingerprint']))),
    'fingerprint needs an events version and marks ({index, fingerprint?}).',
  ],
}

export function asRequest(data: unknown): Request | string {
  if (typeof data !== 'object' || data === null) return 'A request must be an object.'
  const r = data as Fields
  if (!isNum(r['id'])) return 'A request needs a numeric id.'
  if (r['protocol'] !== PROTOCOL_VERSION) return `Protocol ${String(r['protocol'])} is not supported (expected ${PROTOCOL_VERSION}); reload the page.`
  const kind = r['kind']
  if (typeof kind !== 'string' || !Object.hasOwn(CHECKS, kind)) return `Unknown request kind ${JSON.stringify(kind)}.`
  const [check, why] = CHECKS[kind as Request['kind']]
  // The checks above establish exactly the fields the handler reads for this kind.
  return check(r) ? (data as Request) : why
}
