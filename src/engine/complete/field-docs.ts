/**
 * Markdown describing a field: its type and where the type comes from (ECS, the user's mapping, or
 * inferred from the events), ECS's description and example.
 */
import type { FieldSpec } from '../schema/types'
import type { EcsFieldDoc } from './ecs-docs'

const ORIGIN: Readonly<Record<FieldSpec['origin'], string>> = {
  ecs: 'ECS',
  mapping: 'your mapping',
  events: 'inferred from the events',
}

/** Field documentation for completion and hover. */
export function fieldMarkdown(name: string, spec: FieldSpec | undefined, ecs: EcsFieldDoc | undefined, full = true): string {
  const lines: string[] = []
  if (spec !== undefined) {
    let type = `\`${spec.type}\` (${ORIGIN[spec.origin]})`
    if (spec.multiFieldOf !== undefined) type += ` — a multi-field of \`${spec.multiFieldOf}\``
    if (spec.type === 'alias' && spec.aliasPath !== undefined) type += ` → \`${spec.aliasPath}\``
    lines.push(`**${name}**: ${type}`)
  } else if (ecs !== undefined) {
    lines.push(`**${name}**: \`${ecs.type}\` (ECS)`)
  } else {
    lines.push(`**${name}**: not mapped — compared as keyword`)
  }
  if (ecs !== undefined) {
    if (ecs.short !== '') lines.push(ecs.short)
    if (ecs.example !== undefined) lines.push(`Example: \`${ecs.example}\``)
  }
  // long-form notes only on hover: completion lists thousands of fields
  if (full && spec?.ignoreAbove !== undefined) lines.push(`Values longer than ${spec.ignoreAbove} characters are not indexed (they match nothing).`)
  return lines.join('\n\n')
}
