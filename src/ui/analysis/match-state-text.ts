import type { ExclusionHit, ExcludedItem } from '../../worker/protocol-analyze'
import { shortClause } from '../results/report-view'

/**
 * Words for a row's match state: the compact badge, its tooltip, and the sentence "Why?" opens
 * with. Pure, so the tests read the same text the page shows.
 */

/** `excluded by` or, for a stage of a sequence or sample, `excluded from stage 2 by`. */
export function excludedPrefix(hit: ExclusionHit): string {
  return hit.filter === 'query' ? 'excluded by' : `excluded from ${hit.filter} by`
}

/**
 * What fired inside an exclusion: `process.args "/Library/…/loginhook.sh" matched "/Library/…"`
 * (the value the event had, and the list element or leaf it matched).
 */
export function firedText(hit: ExclusionHit): string {
  const values = hit.values.map((v) => JSON.stringify(v)).join(', ')
  const seen = hit.field === null ? values : values === '' ? `${hit.field} (no value)` : `${hit.field} ${values}`
  const what = oneLine(hit.leafText)
  if (seen === '') return `${what} held`
  return `${seen} matched ${what}`
}

/** The badge's tooltip: every exclusion, with what fired in it. */
export function exclusionTitle(item: ExcludedItem): string {
  return item.exclusions.map((h) => `${excludedPrefix(h)} ${shortClause(h.text, 80)}: ${firedText(h)}`).join('\n')
}

/**
 * The first sentence of "Why?" for an event the query excludes: `Matched but excluded by ...` for
 * an event query; for a stage of a sequence or sample, `Would fill a stage but was excluded from
 * stage 1 by ...` (the event's other stages and the sequence itself are the tree's to tell).
 */
export function exclusionSentence(item: ExcludedItem): string {
  const parts = item.exclusions.map((h) => `${excludedPrefix(h)} \`${shortClause(h.text)}\` (${firedText(h)})`)
  const stages = item.exclusions.some((h) => h.filter !== 'query')
  return `${stages ? 'Would fill a stage but was' : 'Matched but'} ${parts.join(' and ')}.`
}

/** The first sentence of "Why?" for an event an exception item took out. */
export function exceptionSentence(item: number, label: string | undefined): string {
  if (item < 0 || label === undefined) return 'Matched but lost its sequence: another event of it was excepted.'
  return `Matched but excluded by exception ${label}.`
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat
}
