import { describe, expect, it } from 'vitest'
import { attackHref, mitreTrees } from './mitre-tree'

describe('mitreTrees', () => {
  it('nests tactic, technique and sub-technique with ids and attack.mitre.org links', () => {
    const threat = [
      {
        framework: 'MITRE ATT&CK',
        tactic: { id: 'TA0003', name: 'Persistence', reference: 'https://attack.mitre.org/tactics/TA0003/' },
        technique: [{ id: 'T1037', name: 'Boot or Logon Initialization Scripts', reference: 'https://attack.mitre.org/techniques/T1037/',
          subtechnique: [{ id: 'T1037.002', name: 'Login Hook', reference: '' }] }],
      },
      { framework: 'MITRE ATT&CK', tactic: { id: 'TA0004', name: 'Privilege Escalation', reference: 'javascript:alert(1)' } },
    ]
    const [tree, ...rest] = mitreTrees(threat)
    expect(rest).toEqual([])
    expect(tree?.framework).toBe('MITRE ATT&CK')
    expect(tree?.tactics.map((t) => [t.id, t.name, t.href])).toEqual([
      ['TA0003', 'Persistence', 'https://attack.mitre.org/tactics/TA0003/'],
      // an unsafe reference is replaced by the page built from the id
      ['TA0004', 'Privilege Escalation', 'https://attack.mitre.org/tactics/TA0004/'],
    ])
    const technique = tree?.tactics[0]?.children[0]
    expect(technique).toMatchObject({ id: 'T1037', href: 'https://attack.mitre.org/techniques/T1037/' })
    expect(technique?.children).toEqual([{ id: 'T1037.002', name: 'Login Hook', href: 'https://attack.mitre.org/techniques/T1037/002/', children: [] }])
  })

  it('reads malformed imports without throwing and links only attack.mitre.org', () => {
    expect(mitreTrees(null)).toEqual([])
    expect(mitreTrees([1, 'x', { tactic: 'Persistence' }, { tactic: { name: 'No id' }, technique: [null, { id: 'bad id', reference: 'https://evil.example/' }] }])).toEqual([
      { framework: 'MITRE ATT&CK', tactics: [{ id: '', name: 'No id', href: null, children: [{ id: 'bad id', name: '', href: null, children: [] }] }] },
    ])
    expect(attackHref('http://attack.mitre.org/techniques/T1/', 'T1', 'technique')).toBeNull()
  })
})
