import type { CodeDef } from '../diagnostics/diagnostic'

/**
 * Diagnostics produced while building the schema (ECS + mappings + inference). They concern the
 * mapping/event inputs, not the query, so their span is {0,0}.
 */
export const SCHEMA_CODES = {
  inferred: {
    code: 'SCHEMA001',
    severity: 'warning',
    template:
      'Inferred types for {count} field(s) that neither ECS nor the mappings define, as Elasticsearch dynamic mapping would: {fields}',
  },
  badMappings: {
    code: 'SCHEMA002',
    severity: 'error',
    template: 'Could not read the mappings: {reason}',
  },
  unsupportedType: {
    code: 'SCHEMA003',
    severity: 'warning',
    template: 'Field [{field}] has type [{type}], which the playground does not support; queries on it are rejected',
  },
  badFieldMapping: {
    code: 'SCHEMA004',
    severity: 'warning',
    template: 'Ignoring part of the mapping of [{field}]: {reason}',
  },
  danglingAlias: {
    code: 'SCHEMA005',
    severity: 'warning',
    template: 'Alias [{field}] points to [{path}], which is not a mapped field',
  },
  badDateFormat: {
    code: 'SCHEMA006',
    severity: 'warning',
    template: 'Date format of [{field}] is not understood ({reason}); using strict_date_optional_time||epoch_millis',
  },
  mixedTypes: {
    code: 'SCHEMA007',
    severity: 'info',
    template:
      'Field(s) with values of different JSON types across events; the first value seen decided the type, as with dynamic mapping: {fields}',
  },
} as const satisfies Record<string, CodeDef>

export const SCHEMA_CODE_LIST: readonly CodeDef[] = Object.values(SCHEMA_CODES)
