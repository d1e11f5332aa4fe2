/**
 * The `fingerprint` request: where the marked events (expected outcomes) are in the loaded events.
 *
 * A mark names its event by position, and positions move when the events text is edited (an event
 * inserted above, one deleted, a reorder). So the page also remembers a fingerprint of each marked
 * event (a hash of its canonical JSON, made here: the worker holds the events, and a 100 MB set
 * must not be parsed on the page's thread) and, after the events change, asks where each
 * fingerprint is now. A mark without a fingerprint (a saved document, a link, a lesson: they all
 * carry the events they were written for) is fingerprinted at its position.
 */

/** One mark to place: its position in the events it was made on, and its fingerprint if known. */
export interface FingerprintMark {
  readonly index: number
  /** undefined: not known yet; take the event at `index` */
  readonly fingerprint?: string
}

export interface FingerprintRequestFields {
  readonly kind: 'fingerprint'
  readonly eventsVersion: number
  readonly marks: readonly FingerprintMark[]
}

/** Where one mark is in the events, in the order asked. */
export interface PlacedMark {
  /** the event's position now; null: no event has the fingerprint (or the position is out of range) */
  readonly index: number | null
  /** the fingerprint of the event at `index`; null when `index` is null */
  readonly fingerprint: string | null
}

/** The reply to `fingerprint`. */
export interface FingerprintReport {
  readonly eventsVersion: number
  readonly eventCount: number
  readonly marks: readonly PlacedMark[]
}
