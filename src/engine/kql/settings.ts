/**
 * Request-level settings of a KQL rule run that change results. Defaults are the detection
 * engine's (spec kql.md §1): dates in UTC ("Zulu"), `now` the time the query is compiled (a run
 * compiles right before it executes).
 *
 * constant_keyword fields need no setting: the mapping's `value` is used when the schema has one
 * (every event then matches or none does, even events without the field, as in Elasticsearch);
 * without it each event's own value stands in for the index's constant (a best effort: a browser
 * cannot see which index an event came from).
 */
export interface KqlSettings {
  /**
   * What `now` in date math stands for: epoch milliseconds or an ISO-8601 instant. Undefined: the
   * time of the run.
   */
  readonly now?: number | string
  /**
   * Time zone of date values written without an offset and of `now/d`-style rounding, as Kibana's
   * `dateFormatTZ` (detection engine: "Zulu"). Accepts UTC aliases, fixed offsets (`+02:00`) and
   * IANA names (`Europe/Paris`, resolved through Intl).
   */
  readonly dateFormatTZ: string
}

export const DEFAULT_KQL_SETTINGS: KqlSettings = { dateFormatTZ: 'Zulu' }

/** Settings with defaults filled in. */
export function kqlSettings(partial: Partial<KqlSettings> = {}): KqlSettings {
  const out: { now?: number | string; dateFormatTZ: string } = { dateFormatTZ: partial.dateFormatTZ ?? DEFAULT_KQL_SETTINGS.dateFormatTZ }
  if (partial.now !== undefined) out.now = partial.now
  return out
}
