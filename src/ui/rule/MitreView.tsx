import { mitreTrees, type MitreNode } from './mitre-tree'
import { OUTSIDE_LINK } from './safe-href'

/**
 * The rule's MITRE ATT&CK mapping as a tree: tactic, technique, sub-technique, each with its id.
 * Ids link to attack.mitre.org (a plain link: following it is the user's choice; nothing is fetched).
 */
export function MitreView({ threat }: { threat: unknown }) {
  const trees = mitreTrees(threat)
  if (trees.length === 0) return null
  return (
    <section aria-label="MITRE ATT&CK">
      <h4>MITRE ATT&amp;CK</h4>
      {trees.map((tree) => (
        <div key={tree.framework}>
          {tree.framework !== 'MITRE ATT&CK' && <p className="hint">{tree.framework}</p>}
          <NodeList nodes={tree.tactics} level="tactic" />
        </div>
      ))}
    </section>
  )
}

const NEXT = { tactic: 'technique', technique: 'sub-technique', 'sub-technique': 'sub-technique' } as const

function NodeList({ nodes, level }: { nodes: readonly MitreNode[]; level: keyof typeof NEXT }) {
  if (nodes.length === 0) return null
  return (
    <ul className={`mitre-tree is-${level}`}>
      {nodes.map((node, i) => (
        <li key={`${node.id}-${i}`} data-mitre-level={level}>
          <span className="mitre-name">{node.name || <span className="hint">unnamed {level}</span>}</span>{' '}
          {node.id !== '' &&
            (node.href === null ? (
              <code className="mitre-id">{node.id}</code>
            ) : (
              <a className="mitre-id" href={node.href} {...OUTSIDE_LINK}>
                {node.id}
              </a>
            ))}
          <NodeList nodes={node.children} level={NEXT[level]} />
        </li>
      ))}
    </ul>
  )
}
