import { valuesAt } from './trim-events'

/**
 * Values worth offering for redaction before a link leaves the team: who and where (host, user,
 * addresses) in the ECS fields that hold them. The share dialog lists them as checkboxes, so the
 * user picks from what the events really hold instead of retyping a host name exactly.
 */

/** ECS fields that name a machine, a person or an address. */
export const SENSITIVE_FIELDS: readonly string[] = [
  'host.name',
  'host.hostname',
  'host.id',
  'host.ip',
  'host.mac',
  'user.name',
  'user.full_name',
  'user.email',
  'user.id',
  'user.domain',
  'process.user.name',
  'source.ip',
  'destination.ip',
  'client.ip',
  'server.ip',
  'agent.id',
  'agent.name',
  'observer.hostname',
  'related.user',
  'related.hosts',
  'related.ip',
]

/** A value found in the events and the field it was found in (its first). */
export interface RedactCandidate {
  readonly field: string
  readonly value: string
}

/** At most this many candidates: a list longer than that is not read, and the free text field remains. */
export const MAX_CANDIDATES = 60

/** The distinct values of SENSITIVE_FIELDS in `events`, in field order then first appearance. */
export function redactCandidates(events: readonly unknown[], fields: readonly string[] = SENSITIVE_FIELDS): RedactCandidate[] {
  const seen = new Set<string>()
  const out: RedactCandidate[] = []
  for (const field of fields) {
    const segments = field.split('.')
    for (const event of events) {
      for (const raw of valuesAt(event, segments)) {
        if (typeof raw !== 'string' && typeof raw !== 'number') continue
        const value = String(raw)
        if (value === '' || seen.has(value)) continue
        seen.add(value)
        out.push({ field, value })
        if (out.length >= MAX_CANDIDATES) return out
      }
    }
  }
  return out
}
