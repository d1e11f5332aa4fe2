/**
 * Schema: the field types queries are checked and run against (ECS + user mappings + inference
 * from the events). See docs/architecture.md, "Schema".
 */
export type { EsFieldType, FieldOrigin, MultiField, FieldSpec, Schema } from './types'
export { buildSchema, ecsFieldSpecs, type BuildSchemaOptions, type BuiltSchema } from './build-schema'
export { parseMappings, type ParsedMappings } from './mapping-json'
export { ECS_VERSION } from './ecs-types.generated'
export type { InferStrings } from './infer-from-events'
export { SCHEMA_CODES, SCHEMA_CODE_LIST } from './codes'
export {
  toFieldType,
  isKeywordFamily,
  isTextFamily,
  isNumericType,
  isIntegerType,
  sourcePathOf,
  nestedAncestorOf,
} from './field-type-names'
