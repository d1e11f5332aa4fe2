/**
 * ECS field descriptions for completion and hover, decoded from the compact generated table
 * (`schema/ecs-docs.generated.ts`, made by scripts/gen-ecs-docs.ts). The table is ~100 kB, so the
 * worker loads it lazily with `loadEcsDocs()` and passes the result in each completion/hover
 * request; without it, completion still works, only without ECS descriptions.
 */

/** What ECS says about one field. */
export interface EcsFieldDoc {
  readonly name: string
  /** ECS's mapping type, e.g. `keyword` */
  readonly type: string
  /** ECS's one-line description */
  readonly short: string
  readonly example?: string
}

/** Lookup of ECS field docs by full dotted name. */
export interface EcsDocs {
  readonly version: string
  get(name: string): EcsFieldDoc | undefined
  /** every ECS field name, sorted */
  names(): readonly string[]
}

/** Decodes the generated table (see the generator for the format). Never throws. */
export function decodeEcsDocs(version: string, textsTable: string, fieldsTable: string): EcsDocs {
  const texts = textsTable.split('\n').slice(1, -1)
  const byName = new Map<string, EcsFieldDoc>()
  let previous = ''
  for (const line of fieldsTable.split('\n')) {
    const m = /^(\d+) (\S+) (\S+) (\d+)(?: (\d+))?$/.exec(line)
    if (m === null) continue
    const name = previous.slice(0, Number(m[1])) + (m[2] ?? '')
    previous = name
    const example = m[5] === undefined ? undefined : texts[Number(m[5])]
    const doc: EcsFieldDoc = { name, type: m[3] ?? '', short: texts[Number(m[4])] ?? '', ...(example === undefined ? {} : { example }) }
    byName.set(name, doc)
  }
  const names = [...byName.keys()].sort()
  return { version, get: (name) => byName.get(name), names: () => names }
}

let loading: Promise<EcsDocs> | null = null

/** Loads and decodes the ECS docs once (a separate chunk in the worker bundle). */
export function loadEcsDocs(): Promise<EcsDocs> {
  loading ??= import('../schema/ecs-docs.generated').then((m) => decodeEcsDocs(m.ECS_DOCS_VERSION, m.ECS_DOC_TEXTS, m.ECS_DOC_FIELDS))
  return loading
}
