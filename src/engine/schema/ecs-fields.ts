import { ECS_TABLE } from './ecs-types.generated'
import { toFieldType } from './field-type-names'
import type { FieldSpec, MultiField } from './types'

/**
 * The ECS field specs, decoded once from the generated table (see scripts/gen-ecs-schema.ts for
 * the line format). Multi-fields (`process.name.text`) are listed both on their parent and as
 * specs of their own with `multiFieldOf`, so `schema.get("process.name.text")` works.
 */
let cached: readonly FieldSpec[] | undefined

export function ecsFieldSpecs(): readonly FieldSpec[] {
  if (cached === undefined) cached = decode(ECS_TABLE)
  return cached
}

function decode(table: string): FieldSpec[] {
  const out: FieldSpec[] = []
  for (const line of table.split('\n')) {
    if (line === '') continue
    const [name = '', typeName = '', ignore = '-', multi = '-', scaling] = line.split(' ')
    const spec: { -readonly [K in keyof FieldSpec]: FieldSpec[K] } = { name, type: toFieldType(typeName), origin: 'ecs' }
    if (ignore !== '-') spec.ignoreAbove = Number(ignore)
    if (scaling !== undefined) spec.scalingFactor = Number(scaling)
    if (multi !== '-') {
      const subs: MultiField[] = multi.split(',').map((m) => {
        const [sub = '', subType = '', subIgnore] = m.split(':')
        const mf = { name: `${name}.${sub}`, type: toFieldType(subType) }
        return subIgnore === undefined ? mf : { ...mf, ignoreAbove: Number(subIgnore) }
      })
      spec.multiFields = subs
      for (const mf of subs) out.push({ ...mf, origin: 'ecs', multiFieldOf: name })
    }
    out.push(spec)
  }
  return out
}
