/**
 * Field metadata as Elasticsearch sees it: the mapping type decides what a value is indexed as and
 * therefore what a query matches (keyword vs text, ignore_above, null_value, date parsing, ip, version).
 * The engine's "mapping" is ECS (generated from @elastic/ecs) + user mappings + fields inferred from
 * the loaded events, in that order of precedence: user mappings win over ECS, ECS over inference.
 */
export type EsFieldType =
  | 'keyword'
  | 'constant_keyword'
  | 'wildcard'
  | 'text'
  | 'match_only_text'
  | 'long'
  | 'integer'
  | 'short'
  | 'byte'
  | 'unsigned_long'
  | 'double'
  | 'float'
  | 'half_float'
  | 'scaled_float'
  | 'date'
  | 'date_nanos'
  | 'boolean'
  | 'ip'
  | 'version'
  | 'object'
  | 'nested'
  | 'flattened'
  | 'geo_point'
  | 'alias'
  | 'unsupported'

export type FieldOrigin = 'ecs' | 'mapping' | 'events'

export interface MultiField {
  /** full dotted name, e.g. "process.name.text" */
  readonly name: string
  readonly type: EsFieldType
  readonly ignoreAbove?: number
}

export interface FieldSpec {
  /** full dotted name */
  readonly name: string
  readonly type: EsFieldType
  readonly origin: FieldOrigin
  /** keyword family: strings longer than this are not indexed (match nothing) */
  readonly ignoreAbove?: number
  /** value indexed in place of an explicit JSON null */
  readonly nullValue?: string | number | boolean
  /** constant_keyword: the value every document has */
  readonly constantValue?: string
  /** alias: the target field's full name */
  readonly aliasPath?: string
  /** date / date_nanos: Elasticsearch format string, e.g. "strict_date_optional_time||epoch_millis" */
  readonly format?: string
  /** scaled_float */
  readonly scalingFactor?: number
  readonly multiFields?: readonly MultiField[]
  /**
   * multi-fields only (e.g. "hostname.keyword"): the parent field whose source values this field
   * indexes; read values from there (`sourcePathOf`), not from the multi-field's own name
   */
  readonly multiFieldOf?: string
  /**
   * false when the mapping has neither an index nor doc values (`index: false` and
   * `doc_values: false`, e.g. ECS `event.original`): Elasticsearch rejects queries on the field
   * ("Cannot search on field [x] since it is not indexed"). Absent means searchable.
   */
  readonly searchable?: false
}

export interface Schema {
  /** The spec of a field (aliases are not resolved), or undefined when unmapped. */
  get(name: string): FieldSpec | undefined
  /** Follows aliases: the spec whose values are read, and the path to read them from. */
  resolve(name: string): FieldSpec | undefined
  /** All mapped field names (for suggestions and completion). */
  names(): readonly string[]
}
