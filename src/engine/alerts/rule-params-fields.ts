import type { Diagnostic } from '../diagnostics/diagnostic'
import type { Schema } from '../schema/types'
import { paramDiagnostic, RULE_PARAM_CODES as C } from './rule-params-codes'
import type { RuleTypeParams } from './rule-params'

/**
 * The fields threshold and new_terms rules aggregate on, checked against the run's schema. The
 * engine buckets them with aggregations, which read doc values: a `text` (or `match_only_text`)
 * field has none, and Elasticsearch fails the whole search, so the rule raises nothing. Kept apart
 * from `ruleParams`, which reads the rule without a schema.
 */
export function ruleFieldProblems(params: RuleTypeParams, schema: Schema): Diagnostic[] {
  const fields =
    params.type === 'threshold'
      ? [...params.threshold.fields, ...params.threshold.cardinality.map((c) => c.field)]
      : params.type === 'new_terms'
        ? params.newTerms.fields
        : []
  const out: Diagnostic[] = []
  for (const field of new Set(fields)) {
    const type = schema.resolve(field)?.type
    if (type !== 'text' && type !== 'match_only_text') continue
    out.push(
      paramDiagnostic(
        C.aggregationField,
        `Elasticsearch would fail the rule's search: ${field} is a ${type} field, which aggregations cannot read ("Text fields are not optimised for operations that require per-document field data like aggregations and sorting"); use its keyword field`,
      ),
    )
  }
  return out
}
