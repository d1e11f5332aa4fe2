/**
 * The alert documents the detection engine writes for one detection (see README.md, "Alert
 * documents and the pipeline"). Keys are written as the engine writes them: the source event's
 * own fields as they came (nested), the alert's fields as dotted `kibana.alert.*` keys.
 *
 * - an event (query, eql event query, new_terms): the event's fields, `event.kind: "signal"`,
 *   `kibana.alert.original_event.*` from its `event.*`, depth 1, one ancestor (the event);
 * - a threshold group: only the group-by fields (dotted keys) and `@timestamp`, no event fields,
 *   and `kibana.alert.threshold_result` {terms, count, from, cardinality};
 * - a sequence: one building-block alert per event (the event's alert with
 *   `building_block_type: "default"`, `group.id` and `group.index`), then the shell alert: the
 *   fields all building blocks share, depth 2, the building blocks and their events as ancestors.
 */
import type { RuleDocument } from '../rules/rule-document'
import {
  eventId,
  eventIndex,
  intersectDocuments,
  isoOf,
  originalEventFields,
  ruleFields,
  simulatedId,
  simulatedRuleUuid,
  sourceFields,
  type AlertAncestor,
} from './alert-document-parts'
import { buildReason } from './reason'
import type { Detection } from './types'

/** One alert document, as Kibana would index it in `.alerts-security.alerts-<space>`. */
export type AlertDocument = Record<string, unknown>

export interface BuildAlertInput {
  readonly detection: Detection
  /** the rule's metadata; null for a bare query (defaults: severity low, risk score 21) */
  readonly rule: RuleDocument | null
  /** the events the detection's `eventIndexes` point into */
  readonly events: readonly unknown[]
  /** the execution that writes the alert: `@timestamp` is its run time */
  readonly execution: { readonly runAt: number }
  /** the rule type when there is no rule (e.g. "eql" for a bare EQL query); default from the rule, else "query" */
  readonly ruleType?: string
}

/**
 * Every document one detection writes: one alert, or for a sequence its building blocks (in
 * stage order) followed by the shell alert. Never throws.
 */
export function buildAlerts(input: BuildAlertInput): AlertDocument[] {
  const { detection } = input
  if (detection.details?.kind === 'sequence' || ((input.ruleType ?? input.rule?.type) === 'eql' && detection.eventIndexes.length > 1)) {
    return sequenceAlerts(input)
  }
  return [singleAlert(input)]
}

/** The detection's own alert: the event's or group's alert, or for a sequence the shell alert. */
export function buildAlert(input: BuildAlertInput): AlertDocument {
  const all = buildAlerts(input)
  return all[all.length - 1] ?? {}
}

interface Context {
  readonly rule: RuleDocument | null
  readonly ruleType: string
  readonly ruleUuid: string
  readonly timestamp: string
  readonly name: string
  readonly severity: string
}

function contextOf(input: BuildAlertInput): Context {
  const rule = input.rule
  return {
    rule,
    ruleType: input.ruleType ?? rule?.type ?? 'query',
    ruleUuid: simulatedRuleUuid(rule),
    timestamp: isoOf(input.execution.runAt) ?? new Date(0).toISOString(),
    name: rule?.name ?? 'Untitled rule',
    severity: rule?.severity ?? 'low',
  }
}

/** The fields every alert has, around its source, reason, ancestors and id. */
function alertFields(ctx: Context, source: Record<string, unknown>, ancestors: readonly AlertAncestor[], uuid: string, originalTime: string | undefined): AlertDocument {
  const depth = ancestors.reduce((max, a) => Math.max(max, a.type === 'signal' ? a.depth : 0), 0) + 1
  return {
    '@timestamp': ctx.timestamp,
    'event.kind': 'signal',
    'kibana.space_ids': ['default'],
    ...(originalTime !== undefined ? { 'kibana.alert.original_time': originalTime } : {}),
    'kibana.alert.ancestors': ancestors.map((a) => ({ ...a })),
    'kibana.alert.status': 'active',
    'kibana.alert.workflow_status': 'open',
    'kibana.alert.workflow_tags': [],
    'kibana.alert.workflow_assignee_ids': [],
    'kibana.alert.depth': depth,
    'kibana.alert.reason': buildReason({ ruleName: ctx.name, severity: ctx.severity, source }),
    ...ruleFields(ctx.rule, ctx.ruleType, ctx.ruleUuid),
    'kibana.alert.intended_timestamp': ctx.timestamp,
    'kibana.alert.uuid': uuid,
  }
}

function eventAncestor(events: readonly unknown[], index: number, rule: RuleDocument | null): AlertAncestor {
  const event = events[index]
  return { id: eventId(event, index), type: 'event', index: eventIndex(event, rule), depth: 0 }
}

/** The alert of one event (also a sequence's building block before its group fields). */
function eventAlert(ctx: Context, events: readonly unknown[], index: number): AlertDocument {
  const event = events[index]
  const source = sourceFields(event)
  const ancestors = [eventAncestor(events, index, ctx.rule)]
  const uuid = simulatedId([...ancestors.flatMap((a) => [a.id, a.index]), ctx.ruleUuid])
  const time = event !== null && typeof event === 'object' ? (event as Record<string, unknown>)['@timestamp'] : undefined
  return { ...source, ...originalEventFields(event), ...alertFields(ctx, source, ancestors, uuid, isoOf(time)) }
}

function singleAlert(input: BuildAlertInput): AlertDocument {
  const ctx = contextOf(input)
  const { detection, events } = input
  const details = detection.details
  if (details?.kind === 'threshold') {
    // the engine builds a threshold alert from the group, not from an event: @timestamp (the
    // group's last event) and the group-by fields are its whole source
    const source: Record<string, unknown> = { '@timestamp': isoOf(detection.time) }
    for (const t of details.terms) source[t.field] = t.value
    const termsKey = details.terms.map((t) => String(t.value)).sort().join(',')
    const id = `threshold-${simulatedId([ctx.ruleUuid, ...details.terms.map((t) => t.field), termsKey, String(input.execution.runAt)])}`
    const ancestors: AlertAncestor[] = [{ id, type: 'event', index: ctx.rule?.index?.join(',') ?? '', depth: 0 }]
    const uuid = simulatedId([id, ancestors[0]?.index ?? '', ctx.ruleUuid])
    const thresholdResult: Record<string, unknown> = {
      terms: details.terms.map((t) => ({ field: t.field, value: t.value })),
      count: details.count,
      from: isoOf(details.from),
    }
    if (details.cardinality !== undefined && details.cardinality.length > 0) thresholdResult['cardinality'] = details.cardinality.map((c) => ({ ...c }))
    return { ...source, ...alertFields(ctx, source, ancestors, uuid, isoOf(detection.time)), 'kibana.alert.threshold_result': thresholdResult }
  }
  const first = detection.eventIndexes[0]
  const doc = first === undefined ? alertFields(ctx, {}, [], simulatedId([ctx.ruleUuid, detection.key]), isoOf(detection.time)) : eventAlert(ctx, events, first)
  if (details?.kind === 'new_terms') doc['kibana.alert.new_terms'] = details.newTerms.map((t) => t)
  return doc
}

/** Building blocks (one per event, stage order) then the shell alert that ties them together. */
function sequenceAlerts(input: BuildAlertInput): AlertDocument[] {
  const ctx = contextOf(input)
  const indexes = input.detection.eventIndexes
  const blocks = indexes.map((i) => eventAlert(ctx, input.events, i))
  // a building block's id depends on all of them (the engine hashes every block's ancestors)
  const allAncestors = indexes.map((i) => eventAncestor(input.events, i, ctx.rule))
  blocks.forEach((b, n) => {
    b['kibana.alert.uuid'] = simulatedId([String(n), ...allAncestors.flatMap((a) => [a.id, a.index]), ctx.ruleUuid])
  })
  const shared = intersectDocuments(blocks)
  const ancestors: AlertAncestor[] = blocks.flatMap((b, n) => {
    const ev = allAncestors[n]
    const own: AlertAncestor = { id: String(b['kibana.alert.uuid']), type: 'signal', index: '', depth: 1, rule: ctx.ruleUuid }
    return ev === undefined ? [own] : [ev, own]
  })
  const uuid = simulatedId([...ancestors.flatMap((a) => [a.id, a.index]), ctx.ruleUuid])
  // the shell's original time is read from its first parent, a building block, whose @timestamp
  // is the alert's own time: so it is the run time, not an event's
  const shell: AlertDocument = { ...shared, ...alertFields(ctx, shared, ancestors, uuid, ctx.timestamp) }
  shell['kibana.alert.group.id'] = uuid
  const withGroup = blocks.map((b, n) => ({ ...b, 'kibana.alert.building_block_type': 'default', 'kibana.alert.group.id': uuid, 'kibana.alert.group.index': n }))
  return [...withGroup, shell]
}
