/**
 * Columnar reads of an event set ("prepared events").
 *
 * Why: a run reads a few fields of every event. Walking each event's objects costs a chain of
 * dependent loads through a heap of large objects, and since every compiled getter is a closure
 * of the same function literal their keyed loads share one feedback vector and go megamorphic.
 * Code generation is not an option (the app's CSP forbids it). Instead, for an event set that is
 * run repeatedly (the worker holds its events across query edits; the CLI and bench load once),
 * each field path gets a column: a plain array indexed by event number holding exactly what the
 * getter returns for that event. Reading `column[i]` is one sequential, monomorphic load.
 *
 * - Lazy twice over: a column exists only for a path some query read during a scan, and each cell
 *   is filled on its first read (adaptive `and` reads rare fields for few events), so a first run
 *   costs about what it did without columns, and later runs (the same or an edited query) reuse
 *   the cells.
 * - Memory: one pointer per event per column (4 bytes with V8's pointer compression, else 8; the
 *   values themselves are the events' own strings and arrays, shared, except flattened arrays
 *   built for arrays of objects; single strings are shared, see `intern`, at most MAX_INTERNED
 *   of them), at most MAX_COLUMNS columns per event set: ~0.4-0.8 MB per
 *   column for 100,000 events, at most ~100 MB in the worst case. Beyond the cap getters walk the
 *   events as before. The prepared form lives in a WeakMap keyed by the events array, so it goes
 *   when the array does.
 * - Correctness: a cell is what the plain getter returned for that very event object. Getters
 *   answer from a column only for the event the runner is scanning (by identity); any other
 *   object (a nested object, an event read for hits or ordering) is walked. The event set is
 *   checked against a snapshot at the start of each run (one pass of pointer compares), so an
 *   array edited in place (an element replaced, the length changed) starts afresh. Events
 *   themselves are treated as immutable once run, as the engine's callers already do (the worker parses them once and never writes them).
 */

import type { Getter } from './field-getter'

/** Columns per event set; past this, getters of new paths walk the events. */
export const MAX_COLUMNS = 128

/** Distinct strings shared between cells per event set (see `intern`). */
export const MAX_INTERNED = 65_536

// A cell not read yet. Getters never return an object, so no value can be mistaken for it.
const UNSET: unknown = Object.freeze({ unset: true })
// The scan's event when no scan is running: no event is this object.
const NO_EVENT: unknown = Object.freeze({ noEvent: true })

export class PreparedEvents {
  private readonly columns = new Map<string, unknown[]>()
  private readonly strings = new Map<string, string>()
  private readonly snapshot: readonly unknown[]

  constructor(readonly events: readonly unknown[]) {
    this.snapshot = events.slice()
  }

  /** The column for a getter key, created empty on first use; null past MAX_COLUMNS. */
  column(key: string): unknown[] | null {
    let c = this.columns.get(key)
    if (c === undefined) {
      if (this.columns.size >= MAX_COLUMNS) return null
      // filled with a non-number first so every column has the same (generic) element kind
      c = new Array<unknown>(this.snapshot.length).fill(UNSET)
      this.columns.set(key, c)
    }
    return c
  }

  /**
   * One string object per distinct string value in the cells. Why: the events' strings are
   * spread over the whole heap, so comparing or scanning them costs a cache miss per event;
   * cells pointing at a few thousand shared strings keep those hot. Equal values, so answers do
   * not change. Past MAX_INTERNED distinct strings, new ones are stored as they are.
   */
  intern(s: string): string {
    const known = this.strings.get(s)
    if (known !== undefined) return known
    if (this.strings.size < MAX_INTERNED) this.strings.set(s, s)
    return s
  }

  /** Whether the array still holds the events the cells were read from. */
  matches(): boolean {
    const ev = this.events
    const snap = this.snapshot
    if (ev.length !== snap.length) return false
    for (let i = 0; i < ev.length; i++) if (ev[i] !== snap[i]) return false
    return true
  }

  /** How many columns exist (for tests and diagnostics). */
  get columnCount(): number {
    return this.columns.size
  }
}

const prepared = new WeakMap<readonly unknown[], PreparedEvents>()

/** The columnar form of an events array, made once per array (see the module comment). */
export function prepareEvents(events: readonly unknown[]): PreparedEvents {
  let p = prepared.get(events)
  // a new object, not cleared columns: getters remember their column per PreparedEvents
  if (p === undefined || !p.matches()) {
    p = new PreparedEvents(events)
    prepared.set(events, p)
  }
  return p
}

/**
 * The scan in progress: runners set `event` and `index` before testing each event. One shared
 * object of one shape, so the getters' reads of it stay monomorphic. The engine is
 * single-threaded and runs never nest; `endScan` restores the idle state even after a throw.
 */
export const scan: { prepared: PreparedEvents | null; event: unknown; index: number } = { prepared: null, event: NO_EVENT, index: 0 }

export function beginScan(events: readonly unknown[]): void {
  scan.prepared = prepareEvents(events)
  scan.event = NO_EVENT
  scan.index = 0
}

export function endScan(): void {
  scan.prepared = null
  scan.event = NO_EVENT
  scan.index = 0
}

/**
 * Wraps a plain getter so that, for the event being scanned, it answers from the column `key`
 * (one key per path and getter options: equal keys must mean equal getters).
 */
export function columnar(key: string, slow: Getter): Getter {
  let owner: PreparedEvents | null = null
  let col: unknown[] | null = null
  return (event) => {
    const s = scan
    if (event !== s.event) return slow(event)
    const p = s.prepared
    if (p !== owner) {
      owner = p
      col = p === null ? null : p.column(key)
    }
    if (col === null) return slow(event)
    const i = s.index
    let v = col[i]
    if (v === UNSET) {
      v = slow(event)
      if (typeof v === 'string') v = (p as PreparedEvents).intern(v)
      col[i] = v
    }
    return v
  }
}
