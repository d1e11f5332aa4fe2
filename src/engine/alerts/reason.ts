/**
 * `kibana.alert.reason`: the one-line summary the detection engine writes into every alert. All
 * rule types (query, eql, threshold, new_terms) share one sentence shape, read from the alert's
 * source document:
 *
 *   [<event.category> ]event[ with][ process <process.name>,][ parent process <process.parent.name>,]
 *   [ file <file.name>,][ source <source.ip>][:<source.port>,][ destination <destination.ip>]
 *   [:<destination.port>,][ by <user.name>][ on <host.name>] created <severity> alert <rule name>.
 *
 * Rules of the engine kept here, quirks included, because an analyst compares this text with
 * the alerts Kibana shows:
 * - a field counts only when it holds a non-empty string or a non-empty array (not `["-"]`); an
 *   array is joined with ", ". A bare number or boolean is left out (the engine tests its
 *   `length`), so a numeric `source.port` in the document does not appear, while `[443]` does;
 * - " with" appears when any of process, parent process, file, source or destination (address or
 *   port) is there; category, user and host do not count;
 * - a port's comma belongs to the port: " source 10.0.0.1" without a port has no comma after it.
 */

/** The fields the sentence reads, in its order. */
export const REASON_FIELDS = [
  'event.category',
  'process.name',
  'process.parent.name',
  'file.name',
  'source.ip',
  'source.port',
  'destination.ip',
  'destination.port',
  'user.name',
  'host.name',
] as const

export interface ReasonInput {
  /** the rule's name (after a rule name override, if any) */
  readonly ruleName: string
  readonly severity: string
  /** the alert's source document (an event, a threshold group's fields, a sequence's shared fields) */
  readonly source: unknown
}

/** The reason message the detection engine writes for an alert built from `source`. */
export function buildReason(input: ReasonInput): string {
  const v = (field: (typeof REASON_FIELDS)[number]) => templateValue(readPath(input.source, field))
  const category = v('event.category')
  const processName = v('process.name')
  const parentName = v('process.parent.name')
  const fileName = v('file.name')
  const sourceIp = v('source.ip')
  const sourcePort = v('source.port')
  const destinationIp = v('destination.ip')
  const destinationPort = v('destination.port')
  const userName = v('user.name')
  const hostName = v('host.name')
  const ofInterest = [processName, parentName, fileName, sourceIp, sourcePort, destinationIp, destinationPort].some((x) => x !== null)
  let text = category === null ? 'event' : `${category} event`
  if (ofInterest) text += ' with'
  if (processName !== null) text += ` process ${processName},`
  if (parentName !== null) text += ` parent process ${parentName},`
  if (fileName !== null) text += ` file ${fileName},`
  if (sourceIp !== null) text += ` source ${sourceIp}`
  if (sourcePort !== null) text += `:${sourcePort},`
  if (destinationIp !== null) text += ` destination ${destinationIp}`
  if (destinationPort !== null) text += `:${destinationPort},`
  if (userName !== null) text += ` by ${userName}`
  if (hostName !== null) text += ` on ${hostName}`
  return `${text} created ${input.severity} alert ${input.ruleName}.`
}

/** What the sentence shows for one field's value, or null when the field is left out. */
function templateValue(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value
  if (Array.isArray(value)) {
    if (value.length === 0 || (value.length === 1 && value[0] === '-')) return null
    return value.map((x) => (x === null || x === undefined ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ')
  }
  return null
}

/**
 * The value at a dotted path of a JSON document, whether it is stored as nested objects, as one
 * dotted key or as a mix (`{"process.parent": {"name": ..}}`); the first spelling found wins.
 * Arrays are returned as they are (the sentence joins them); no flattening of arrays of objects.
 */
export function readPath(doc: unknown, path: string): unknown {
  return readParts(doc, path.split('.'), 0)
}

function readParts(doc: unknown, parts: readonly string[], depth: number): unknown {
  if (parts.length === 0) return doc
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || depth > 32) return undefined
  const record = doc as Record<string, unknown>
  // longest key first: the whole remaining path as one key, then shorter prefixes
  for (let k = parts.length; k >= 1; k--) {
    const key = parts.slice(0, k).join('.')
    if (!Object.hasOwn(record, key)) continue
    const found = readParts(record[key], parts.slice(k), depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}
