/**
 * Request-level settings of an EQL search that change results. Names follow the `_eql/search`
 * request body so an export can pass them through.
 */
export interface EqlSettings {
  /** field holding the event category; `process where` tests it (default `event.category`) */
  readonly eventCategoryField: string
  /** field ordering events (default `@timestamp`) */
  readonly timestampField: string
  /** optional second ordering field, e.g. `event.sequence` (default none) */
  readonly tiebreakerField: string | null
  /**
   * cap on returned events/sequences/samples; null = no cap. Elasticsearch's request default is 10;
   * the playground shows every match unless the user sets a size, and exports set it explicitly.
   */
  readonly size: number | null
  /** which end `size` keeps when it cuts (Elasticsearch default `tail`: the most recent) */
  readonly resultPosition: 'head' | 'tail'
  /** samples per join-key combination (Elasticsearch default 1) */
  readonly maxSamplesPerKey: number
}

export const DEFAULT_EQL_SETTINGS: EqlSettings = {
  eventCategoryField: 'event.category',
  timestampField: '@timestamp',
  tiebreakerField: null,
  size: null,
  resultPosition: 'tail',
  maxSamplesPerKey: 1,
}

export function eqlSettings(partial: Partial<EqlSettings> = {}): EqlSettings {
  return { ...DEFAULT_EQL_SETTINGS, ...partial }
}
