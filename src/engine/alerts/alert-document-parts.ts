/**
 * Pieces of an alert document (alert-document.ts puts them together): the source fields an alert
 * copies, `kibana.alert.original_event.*`, ancestors, simulated ids, the rule's fields, and the
 * field intersection a sequence's shell alert carries. Pure JSON in, fresh JSON out: an alert
 * never shares an object with the event it came from, so a view may hold it without pinning or
 * mutating the events.
 */
import type { RuleDocument } from '../rules/rule-document'

/** One `kibana.alert.ancestors` entry: the event (or building-block alert) an alert comes from. */
export interface AlertAncestor {
  readonly id: string
  readonly type: 'event' | 'signal'
  readonly index: string
  readonly depth: number
  readonly rule?: string
}

type Obj = Record<string, unknown>

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A deep copy of JSON data (events are JSON; anything else is dropped, never thrown on). */
export function copyJson(v: unknown, depth = 0): unknown {
  if (depth > 64) return undefined
  if (Array.isArray(v)) return v.map((x) => copyJson(x, depth + 1))
  if (isObject(v)) {
    const out: Obj = {}
    for (const [k, x] of Object.entries(v)) {
      const c = copyJson(x, depth + 1)
      if (c !== undefined) out[k] = c
    }
    return out
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined
  return typeof v === 'string' || typeof v === 'boolean' || v === null ? v : undefined
}

/**
 * The source fields an alert carries: the event's document without its metadata fields (`_id`,
 * `_index`: not part of `_source` in Elasticsearch) and without `event.kind`, which the alert
 * sets to "signal" (nested or dotted, as the event spells it).
 */
export function sourceFields(event: unknown): Obj {
  const copy = copyJson(event)
  if (!isObject(copy)) return {}
  delete copy['_id']
  delete copy['_index']
  delete copy['event.kind']
  const ev = copy['event']
  if (isObject(ev)) delete ev['kind']
  return copy
}

/** `kibana.alert.original_event.*`: the event's `event.*` fields flattened, `kind` included. */
export function originalEventFields(event: unknown): Obj {
  const out: Obj = {}
  if (!isObject(event)) return out
  const flat: Obj = {}
  const ev = event['event']
  if (isObject(ev)) flatten(ev, '', flat)
  for (const [k, v] of Object.entries(event)) if (k.startsWith('event.')) flatten({ [k.slice(6)]: v }, '', flat)
  for (const [k, v] of Object.entries(flat)) out[`kibana.alert.original_event.${k}`] = copyJson(v)
  return out
}

function flatten(obj: Obj, prefix: string, out: Obj, depth = 0): void {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix === '' ? k : `${prefix}.${k}`
    if (isObject(v) && depth < 32) flatten(v, key, out, depth + 1)
    else out[key] = v
  }
}

/** The event's id: its `_id` when the events came from a search response, else its position. */
export function eventId(event: unknown, index: number): string {
  const id = isObject(event) ? event['_id'] : undefined
  return typeof id === 'string' && id !== '' ? id : `event-${index}`
}

/** The index the event was read from: its `_index`, else the rule's index patterns. */
export function eventIndex(event: unknown, rule: RuleDocument | null): string {
  const index = isObject(event) ? event['_index'] : undefined
  if (typeof index === 'string' && index !== '') return index
  return rule?.index?.join(',') ?? ''
}

/** The value of an ISO date string or epoch millis as ISO, or undefined when it is not a date. */
export function isoOf(value: unknown): string | undefined {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? (/^\d+$/.test(value) ? Number(value) : Date.parse(value)) : NaN
  if (!Number.isFinite(ms)) return undefined
  const d = new Date(ms)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

/**
 * A simulated id (16 hex digits) from the parts that make the engine's own (a SHA-256 of the
 * ancestors and the rule's uuid): the same detection always gets the same id, different ones
 * practically never share one. Not the id Kibana would write.
 */
export function simulatedId(parts: readonly string[]): string {
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  for (const part of parts) {
    const s = `${part}\u0000`
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0
      h2 ^= h2 >>> 13
    }
  }
  return h1.toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0')
}

/** The rule uuid alerts carry: Kibana's is the rule saved object's id; here it says it is simulated. */
export function simulatedRuleUuid(rule: RuleDocument | null): string {
  return `simulated-${rule?.ruleId ?? 'rule'}`
}

/**
 * The rule's building block type when it is one: any `building_block_type` makes it one, and
 * Kibana knows only "default" (what rule-params reads too).
 */
export function buildingBlockTypeOf(rule: RuleDocument | null): string | undefined {
  const v = rule?.extra['building_block_type']
  return v === undefined || v === null ? undefined : 'default'
}

/** Defaults for a query with no rule around it: Kibana's create-rule form starts at low / 21. */
export const DEFAULT_SEVERITY = 'low'
export const DEFAULT_RISK_SCORE = 21

/** The `kibana.alert.rule.*` fields (and the rule-level `kibana.alert.*` ones) from the rule. */
export function ruleFields(rule: RuleDocument | null, ruleType: string, ruleUuid: string): Obj {
  const out: Obj = {
    'kibana.alert.rule.name': rule?.name ?? 'Untitled rule',
    'kibana.alert.rule.uuid': ruleUuid,
    'kibana.alert.rule.type': ruleType,
    'kibana.alert.rule.version': rule?.version ?? 1,
    'kibana.alert.rule.consumer': 'siem',
    'kibana.alert.rule.execution.type': 'scheduled',
    'kibana.alert.rule.from': rule?.from ?? 'now-6m',
    'kibana.alert.rule.to': 'now',
    'kibana.alert.rule.interval': rule?.interval ?? '5m',
    'kibana.alert.rule.max_signals': rule?.maxSignals ?? 100,
    'kibana.alert.severity': rule?.severity ?? DEFAULT_SEVERITY,
    'kibana.alert.risk_score': rule?.riskScore ?? DEFAULT_RISK_SCORE,
  }
  if (rule?.ruleId !== undefined) out['kibana.alert.rule.rule_id'] = rule.ruleId
  if (rule?.description !== undefined) out['kibana.alert.rule.description'] = rule.description
  if (rule?.references !== undefined) out['kibana.alert.rule.references'] = [...rule.references]
  if (rule?.tags !== undefined) out['kibana.alert.rule.tags'] = [...rule.tags]
  if (rule?.threat !== undefined) out['kibana.alert.rule.threat'] = copyJson(rule.threat)
  if (rule?.note !== undefined) out['kibana.alert.rule.note'] = rule.note
  if (rule?.timestampOverride !== undefined) out['kibana.alert.rule.timestamp_override'] = rule.timestampOverride
  const bb = buildingBlockTypeOf(rule)
  if (bb !== undefined) {
    out['kibana.alert.building_block_type'] = bb
    out['kibana.alert.rule.building_block_type'] = bb
  }
  return out
}

/**
 * The fields every building block of a sequence shares, as the engine computes the shell alert's
 * source: objects intersect key by key, equal values stay, arrays keep their common elements
 * (possibly none), different scalars drop out.
 */
export function intersectDocuments(docs: readonly Obj[]): Obj {
  const [first, ...rest] = docs
  if (first === undefined) return {}
  let acc: Obj | undefined = first
  for (const d of rest) acc = acc === undefined ? undefined : intersectPair(acc, d)
  return acc ?? {}
}

function intersectPair(a: Obj, b: Obj): Obj | undefined {
  const out: Obj = {}
  for (const [key, av] of Object.entries(a)) {
    if (!Object.hasOwn(b, key)) continue
    const bv = b[key]
    if (isObject(av) && isObject(bv)) {
      const inner = intersectPair(av, bv)
      if (inner !== undefined) out[key] = inner
    } else if (av === bv) out[key] = av
    else if (Array.isArray(av) || Array.isArray(bv)) {
      const as = Array.isArray(av) ? av : [av]
      const bs = Array.isArray(bv) ? bv : [bv]
      out[key] = [...new Set(as)].filter((x) => bs.includes(x))
    }
  }
  return Object.keys(out).length === 0 ? undefined : out
}
