/** Completion, hover and the ECS docs loader (see complete.ts). */
export { completeAt, hoverAt } from './complete'
export type { CompletionItem, CompletionKind, CompletionRequest, CompletionResult, HoverResult } from './types'
export { collectFieldValues, type FieldValueIndex, type SeenField, type SeenValue, type CollectOptions } from './field-values'
export { loadEcsDocs, decodeEcsDocs, type EcsDocs, type EcsFieldDoc } from './ecs-docs'
