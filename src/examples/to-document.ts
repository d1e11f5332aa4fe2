/**
 * What opening an example puts in the playground: its query, its events as NDJSON, its guided note,
 * one expected outcome per event, and its metadata as a RuleDocument so that exporting the opened
 * example gives Elastic's own formats. Pure: the examples menu, the first visit and the share tests
 * all build the document the same way.
 */
import type { RuleDocument, ThreatEntry } from '../engine/rules/rule-document'
import type { DocumentWithEvents } from '../state/document-slice'
import type { Example, MitreMapping } from './example'

const ATTACK = 'https://attack.mitre.org'

/** The events source an opened example records, so the UI can say where the events came from. */
export function exampleEventsSource(example: Example): string {
  return `example:${example.id}`
}

/** "Persistence (TA0003)" → name and id; a tactic written without an id keeps its whole text as name. */
function tacticOf(text: string): ThreatEntry['tactic'] {
  const m = /^(.*?)\s*\((TA\d{4})\)\s*$/.exec(text)
  const name = m?.[1] ?? text
  const id = m?.[2] ?? ''
  return { id, name, reference: id === '' ? '' : `${ATTACK}/tactics/${id}/` }
}

type Technique = NonNullable<ThreatEntry['technique']>[number]

/**
 * The examples' flat MITRE list in Elastic's nested `threat` shape: one entry per tactic, its
 * techniques under it, and a sub-technique (T1053.003, written "Scheduled Task/Job: Cron") under
 * its parent technique, which is created from the name's first half if the list lacks it.
 */
export function threatOf(mitre: readonly MitreMapping[]): ThreatEntry[] {
  const entries: ThreatEntry[] = []
  for (const m of mitre) {
    const tactic = tacticOf(m.tactic)
    let entry = entries.find((e) => e.tactic.name === tactic.name && e.tactic.id === tactic.id)
    if (!entry) {
      entry = { framework: 'MITRE ATT&CK', tactic, technique: [] }
      entries.push(entry)
    }
    const techniques = entry.technique ?? []
    entry.technique = techniques
    const [parentId, subPart] = m.id.split('.')
    const [parentName, subName] = m.technique.split(/:\s*/, 2)
    const pid = parentId ?? m.id
    let parent: Technique | undefined = techniques.find((t) => t.id === pid)
    if (!parent) {
      parent = { id: pid, name: subPart === undefined ? m.technique : (parentName ?? m.technique), reference: `${ATTACK}/techniques/${pid}/` }
      techniques.push(parent)
    }
    if (subPart !== undefined) {
      const subs = parent.subtechnique ?? []
      parent.subtechnique = subs
      if (!subs.some((s) => s.id === m.id))
        subs.push({ id: m.id, name: subName ?? m.technique, reference: `${ATTACK}/techniques/${pid}/${subPart}/` })
    }
  }
  return entries
}

/** The example's metadata as the detection rule it documents (EQL rules are type eql, KQL ones query). */
export function exampleRule(example: Example): RuleDocument {
  const r = example.rule
  return {
    name: r.name,
    description: r.description,
    type: example.language === 'eql' ? 'eql' : 'query',
    language: example.language === 'eql' ? 'eql' : 'kuery',
    query: example.query,
    index: [...r.index],
    severity: r.severity,
    riskScore: r.riskScore,
    interval: r.interval,
    from: r.from,
    maxSignals: r.maxSignals,
    references: [...r.references],
    threat: threatOf(r.mitre),
    ...(r.ruleId !== undefined ? { ruleId: r.ruleId } : {}),
    ...(r.version !== undefined ? { version: r.version } : {}),
    extra: {},
  }
}

/** The document that opening this example gives (see OpenedDocument). */
export function exampleToDocument(example: Example): DocumentWithEvents {
  return {
    title: example.title,
    task: example.notes ?? '',
    query: example.query,
    language: example.language,
    eventsText: example.events.map((e) => JSON.stringify(e.event)).join('\n'),
    eventsSource: exampleEventsSource(example),
    expectations: example.events.map((e, eventIndex) => ({ eventIndex, expect: e.expect, note: e.reason })),
    rule: exampleRule(example),
  }
}
