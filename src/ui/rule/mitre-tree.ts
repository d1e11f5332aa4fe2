import { isRecordLike } from './is-record'
import { safeHref } from './safe-href'

/**
 * The rule's MITRE ATT&CK mapping (Elastic's `threat` shape: tactic, its techniques, their
 * sub-techniques) as a tree the panel shows. The input is whatever an imported file held, so it is
 * read defensively: entries without a tactic are skipped, missing names and ids become empty.
 */

/** One node: an ATT&CK tactic, technique or sub-technique. */
export interface MitreNode {
  readonly id: string
  readonly name: string
  /** a link to its attack.mitre.org page, or null when neither the reference nor the id gives one */
  readonly href: string | null
  readonly children: readonly MitreNode[]
}

/** One framework's tactics (nearly always "MITRE ATT&CK"). */
export interface MitreTree {
  readonly framework: string
  readonly tactics: readonly MitreNode[]
}

const ATTACK = 'https://attack.mitre.org'

/**
 * The page of an ATT&CK object: the entry's own reference when it points at attack.mitre.org
 * over https, else one built from a well-formed id (TA0003, T1037, T1037.002), else none.
 */
export function attackHref(reference: string, id: string, kind: 'tactic' | 'technique'): string | null {
  const own = safeHref(reference)
  if (own !== null && new URL(own).origin === ATTACK) return own
  if (kind === 'tactic') return /^TA\d{4}$/.test(id) ? `${ATTACK}/tactics/${id}/` : null
  const m = /^(T\d{4})(?:\.(\d{3}))?$/.exec(id)
  if (m === null) return null
  return m[2] === undefined ? `${ATTACK}/techniques/${m[1]}/` : `${ATTACK}/techniques/${m[1]}/${m[2]}/`
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function nodesOf(list: unknown, childKey: string | null): MitreNode[] {
  if (!Array.isArray(list)) return []
  const nodes: MitreNode[] = []
  for (const item of list) {
    if (!isRecordLike(item)) continue
    const id = text(item['id'])
    const children = childKey === null ? [] : nodesOf(item[childKey], null)
    nodes.push({ id, name: text(item['name']), href: attackHref(text(item['reference']), id, 'technique'), children })
  }
  return nodes
}

/** The mapping grouped by framework, tactics in the order the rule lists them. */
export function mitreTrees(threat: unknown): MitreTree[] {
  if (!Array.isArray(threat)) return []
  const trees: Array<{ framework: string; tactics: MitreNode[] }> = []
  for (const entry of threat) {
    if (!isRecordLike(entry) || !isRecordLike(entry['tactic'])) continue
    const tactic = entry['tactic']
    const framework = text(entry['framework']) || 'MITRE ATT&CK'
    let tree = trees.find((t) => t.framework === framework)
    if (tree === undefined) {
      tree = { framework, tactics: [] }
      trees.push(tree)
    }
    const id = text(tactic['id'])
    tree.tactics.push({ id, name: text(tactic['name']), href: attackHref(text(tactic['reference']), id, 'tactic'), children: nodesOf(entry['technique'], 'subtechnique') })
  }
  return trees
}
